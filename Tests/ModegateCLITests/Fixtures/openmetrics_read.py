"""Reads an OpenMetrics file twice and prints what each reader saw, as JSON.

`families`: the samples prometheus_client's strict OpenMetrics parser finds (it raises on any
line the format does not allow, and on a missing `# EOF`). `gitlab`: the name → value map
GitLab's metrics report builds, by its rule: drop everything from a `#`, split the rest as a
shell would, the first word is the name and the second the value.

Usage: openmetrics_read.py FILE
"""
import json
import shlex
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families

text = open(sys.argv[1], encoding="utf-8").read()
families = {}
for family in text_string_to_metric_families(text):
    families[family.name] = {
        "type": family.type,
        "samples": [{"name": s.name, "labels": dict(s.labels), "value": s.value} for s in family.samples],
    }
gitlab = {}
for line in text.splitlines():
    words = shlex.split(line.split("#", 1)[0])
    if len(words) >= 2:
        gitlab[words[0]] = words[1]
print(json.dumps({"families": families, "gitlab": gitlab}))
