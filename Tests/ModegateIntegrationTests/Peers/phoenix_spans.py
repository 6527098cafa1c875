"""Reads every span of a Phoenix project back over its REST API (GET
/v1/projects/NAME/spans/otlpv1, page by page) and writes them as one OTLP JSON line, the shape
`modegate import otel` reads: Phoenix answers with proto field names (snake_case), enums as
names and nulls for unset fields, so this renames the keys, drops the nulls and maps the enums
back to numbers. Prints the number of spans.

Usage: phoenix_spans.py BASE_URL PROJECT OUT_FILE
"""
import json
import sys
import urllib.request

base, project, out = sys.argv[1:4]
spans, cursor = [], None
while True:
    url = f"{base}/v1/projects/{project}/spans/otlpv1?limit=1000" + (f"&cursor={cursor}" if cursor else "")
    with urllib.request.urlopen(url, timeout=30) as answer:
        page = json.load(answer)
    spans += page["data"]
    cursor = page.get("next_cursor")
    if not cursor:
        break

KINDS = {"SPAN_KIND_UNSPECIFIED": 0, "SPAN_KIND_INTERNAL": 1, "SPAN_KIND_SERVER": 2, "SPAN_KIND_CLIENT": 3}


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(word.title() for word in rest)


def clean(value):
    if isinstance(value, dict):
        return {camel(k): clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


converted = []
for span in spans:
    span = clean(span)
    if isinstance(span.get("kind"), str):
        span["kind"] = KINDS.get(span["kind"], 0)
    for key in ("startTimeUnixNano", "endTimeUnixNano"):
        span[key] = str(span[key])
    converted.append(span)
with open(out, "w", encoding="utf-8") as file:
    file.write(json.dumps({"resourceSpans": [{"resource": {}, "scopeSpans": [{"spans": converted}]}]}) + "\n")
print(len(converted))
