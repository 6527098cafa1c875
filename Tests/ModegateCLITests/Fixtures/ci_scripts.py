"""The shell scripts of a CI file, as its engine runs them: GitHub Actions steps' `run`, GitLab
jobs' `before_script` and `script`, Buildkite steps' `command`, and Kubernetes containers' args
under `sh -c`. Prints them as a JSON list, for the tests to lint and to play."""
import json
import sys

import yaml


def github(document):
    for job in (document.get("jobs") or {}).values():
        for step in job.get("steps") or []:
            if "run" in step:
                yield step["run"]


def gitlab(document):
    for name, job in document.items():
        if not isinstance(job, dict):
            continue
        for key in ("before_script", "script"):
            lines = job.get(key)
            if lines:
                # GitLab runs a job's lines one after another in one shell.
                yield "\n".join(lines if isinstance(lines, list) else [lines])


def buildkite(document):
    for step in document.get("steps") or []:
        if isinstance(step, dict) and "command" in step:
            command = step["command"]
            yield "\n".join(command) if isinstance(command, list) else command


def kubernetes(documents):
    for document in documents:
        pod = ((document or {}).get("spec") or {}).get("template", {}).get("spec", {})
        for container in pod.get("containers") or []:
            if container.get("command") == ["sh", "-c"]:
                yield container["args"][0]


if __name__ == "__main__":
    engine, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as handle:
        if engine == "kubernetes":
            scripts = list(kubernetes(yaml.safe_load_all(handle)))
        else:
            scripts = list({"github": github, "gitlab": gitlab, "buildkite": buildkite}[engine](yaml.safe_load(handle)))
    json.dump(scripts, sys.stdout)
