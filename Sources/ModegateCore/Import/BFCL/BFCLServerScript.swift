/// The MCP server `modegate import bfcl` writes beside the presets it makes, as
/// `bfcl_server.py`. Kept here, in the binary, so an installed modegate imports BFCL with nothing
/// else on disk. The script is this project's own: every BFCL piece it uses (tasks, ground
/// truth, function documents, backends, executor and checkers) is imported from the installed
/// `bfcl-eval` package at run time.
enum BFCLServerScript {
    /// The file's name in the import's folder.
    static let fileName = "bfcl_server.py"

    static let source = #"""
"""BFCL's multi-turn tasks as an MCP server, written by `modegate import bfcl`.

Everything BFCL-specific comes from the installed `bfcl-eval` package: the tasks, their ground
truth, the function documents, the backend classes (each task's initial configuration loaded
with their own `_load_scenario`), the executor (`execute_multi_turn_func_call`) and the checkers
(`state_checker`, `response_checker`). This file only connects them to MCP.

    python bfcl_server.py export CATEGORY   # the category's tasks as JSON on stdout
    python bfcl_server.py serve CATEGORY    # a stdio MCP server for the category's tasks

The server offers every function of the category's classes, plus two tools only the harness
calls: `bfcl_load {task}` (fresh backend instances for a task, both the agent's and the ground
truth's) and `bfcl_check {turn}` (runs the turn's ground-truth calls, then BFCL's state and
response checks; reward 1 when both hold). State is kept per trial, by the trial each call names
in its `_meta` (`modegate.dev/trial`), so trials played at once do not share backends.
"""
import ast
import asyncio
import importlib
import inspect
import json
import sys
from collections import OrderedDict
from importlib import metadata, resources

try:
    from bfcl_eval.constants.default_prompts import (
        DEFAULT_USER_PROMPT_FOR_ADDITIONAL_FUNCTION_FC,
        MAXIMUM_STEP_LIMIT,
    )
    from bfcl_eval.constants.executable_backend_config import (
        CLASS_FILE_PATH_MAPPING,
        MULTI_TURN_FUNC_DOC_FILE_MAPPING,
    )
    from bfcl_eval.eval_checker.multi_turn_eval import multi_turn_utils
    from bfcl_eval.eval_checker.multi_turn_eval.multi_turn_checker import response_checker, state_checker
    from bfcl_eval.eval_checker.multi_turn_eval.multi_turn_utils import execute_multi_turn_func_call
except ImportError as missing:
    print(f"error: {sys.executable} cannot import bfcl-eval ({missing}); install it without its "
          "inference dependencies: pip install --no-deps bfcl-eval==2026.3.23 && pip install mpmath==1.3.0 mcp",
          file=sys.stderr)
    sys.exit(3)

DATA = resources.files("bfcl_eval") / "data"
PREFIX = "BFCL_v4_"
HARNESS_TOOLS = ("bfcl_load", "bfcl_check")
# Kept short so a failing turn's detail stays readable in records and reports.
DETAIL_LIMIT = 4000
TRIAL_KEY = "modegate.dev/trial"
# Trials whose last turn was never checked (an ended conversation) are dropped oldest first.
LIVE_TRIALS = 64


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(3)


def json_lines(path):
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def categories():
    """Every category in the package whose tasks run on BFCL's stateful backends."""
    found = []
    for item in sorted(DATA.iterdir(), key=lambda p: p.name):
        name = item.name
        if not (name.startswith(PREFIX) and name.endswith(".json")):
            continue
        category = name[len(PREFIX):-len(".json")]
        answers = DATA / "possible_answer" / name
        if not answers.is_file():
            continue
        with item.open(encoding="utf-8") as handle:
            first = json.loads(handle.readline())
        if "involved_classes" in first and "initial_config" in first:
            found.append(category)
    return found


def load_category(category):
    known = categories()
    if category not in known:
        fail(f"'{category}' is not a multi-turn category of bfcl-eval {package_version()}; "
             f"the package has: {', '.join(known)}")
    tasks = json_lines(DATA / f"{PREFIX}{category}.json")
    answers = {row["id"]: row["ground_truth"] for row in json_lines(DATA / "possible_answer" / f"{PREFIX}{category}.json")}
    for task in tasks:
        if task["id"] not in answers:
            fail(f"task {task['id']} has no ground truth in the package")
        task["ground_truth"] = answers[task["id"]]
    return tasks


def package_version():
    try:
        return metadata.version("bfcl-eval")
    except metadata.PackageNotFoundError:
        return "unknown"


def function_docs(classes):
    """Each class's function documents, by function name."""
    docs = {}
    for name in classes:
        path = DATA / "multi_turn_func_doc" / MULTI_TURN_FUNC_DOC_FILE_MAPPING[name]
        docs[name] = {doc["name"]: doc for doc in json_lines(path)}
    return docs


def json_schema(spec):
    """BFCL's parameter types in JSON Schema's words (dict, float, tuple and any have none)."""
    out = {}
    kind = spec.get("type")
    mapped = {"dict": "object", "float": "number", "tuple": "array"}.get(kind, kind)
    if mapped and mapped != "any":
        out["type"] = mapped
    for key in ("description", "enum", "default"):
        if key in spec:
            out[key] = spec[key]
    if "items" in spec:
        out["items"] = json_schema(spec["items"])
    if "properties" in spec:
        out["properties"] = {key: json_schema(value) for key, value in spec["properties"].items()}
    if spec.get("required"):
        out["required"] = list(spec["required"])
    if out.get("type") == "object" and "properties" not in out:
        out["properties"] = {}
    return out


def tool(doc):
    return {"name": doc["name"], "description": doc["description"], "inputSchema": json_schema(doc["parameters"])}


def backend_method(class_name, method):
    module = importlib.import_module(CLASS_FILE_PATH_MAPPING[class_name])
    return getattr(getattr(module, class_name), method, None)


def ground_truth_call(text, owners):
    """One ground-truth call string as a tool name and JSON arguments: keyword arguments as
    written, positional ones named by the backend method's signature."""
    try:
        node = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as error:
        raise ValueError(f"not a call: {text} ({error})")
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        raise ValueError(f"not a plain call: {text}")
    name = node.func.id
    arguments = {}
    if node.args:
        method = backend_method(owners[name], name) if name in owners else None
        if method is None:
            raise ValueError(f"positional arguments to an unknown function: {text}")
        parameters = [p for p in inspect.signature(method).parameters if p != "self"]
        for index, value in enumerate(node.args):
            arguments[parameters[index]] = ast.literal_eval(value)
    for keyword in node.keywords:
        arguments[keyword.arg] = ast.literal_eval(keyword.value)
    return {"name": name, "arguments": json.loads(json.dumps(arguments))}


def export(category):
    tasks = load_category(category)
    classes = sorted({name for task in tasks for name in task["involved_classes"]})
    docs = function_docs(classes)
    out_tasks = []
    for task in tasks:
        owners = {}
        for class_name in task["involved_classes"]:
            for function in docs[class_name]:
                owners[function] = class_name
        excluded = set(task.get("excluded_function") or [])
        offered = [name for name in owners if name not in excluded]
        turns = []
        for index, messages in enumerate(task["question"]):
            prompt = "\n\n".join(m["content"] for m in messages if m.get("role") == "user")
            if not messages:
                # BFCL's own words when a held-out function becomes available.
                prompt = DEFAULT_USER_PROMPT_FOR_ADDITIONAL_FUNCTION_FC
            calls = [ground_truth_call(text, owners) for text in task["ground_truth"][index]]
            turns.append({"prompt": prompt, "calls": calls})
        missed = task.get("missed_function") or {}
        out_tasks.append({
            "id": task["id"], "classes": task["involved_classes"], "tools": offered, "turns": turns,
            "held_out": {str(turn): names for turn, names in missed.items()},
        })
    tools = {}
    for class_name in classes:
        for name, doc in docs[class_name].items():
            tools.setdefault(name, tool(doc))
    json.dump({"category": category, "package": "bfcl-eval", "version": package_version(),
               "max_steps": MAXIMUM_STEP_LIMIT, "tools": list(tools.values()), "tasks": out_tasks}, sys.stdout)


class Trial:
    """One task's backends: the agent's instances, the ground truth's, and what has been called."""

    def __init__(self, task, serial):
        self.task = task
        self.long_context = "long_context" in task["id"] or "composite" in task["id"]
        self.model_name = f"modegate_{serial}"
        self.ground_truth_name = f"modegate_{serial}_ground_truth"
        self.checked_turns = 0
        self.turn_calls = []
        self.turn_results = []
        self.all_results = []
        # BFCL's executor makes (and keeps) the instances the first time it runs for a name.
        _, self.instances = self.execute([], self.model_name)

    def execute(self, calls, model_name):
        return execute_multi_turn_func_call(
            func_call_list=calls, initial_config=self.task["initial_config"],
            involved_classes=self.task["involved_classes"], model_name=model_name,
            test_entry_id=self.task["id"], long_context=self.long_context)

    def call(self, name, arguments):
        # The call string BFCL builds from a function-calling model's arguments.
        text = f"{name}({','.join(f'{key}={value!r}' for key, value in arguments.items())})"
        results, _ = self.execute([text], self.model_name)
        self.turn_calls.append(text)
        self.turn_results.extend(results)
        self.all_results.extend(results)
        return results[0]

    def check(self, turn):
        index = turn - 1
        truth = self.task["ground_truth"]
        if index < 0 or index >= len(truth):
            raise ValueError(f"turn {turn} is out of range: task {self.task['id']} has {len(truth)} turns")
        # Ground-truth turns before this one (a turn never checked) still change the state.
        ground_truth_results = []
        while self.checked_turns <= index:
            ground_truth_results, self.ground_truth = self.execute(truth[self.checked_turns], self.ground_truth_name)
            self.checked_turns += 1
        calls = self.turn_calls
        self.turn_calls, self.turn_results = [], []
        if not truth[index]:
            return {"reward": 1, "detail": {"checked": False, "turn": turn, "why": "no ground-truth calls in this turn (BFCL checks none)", "calls": calls}}
        if not calls:
            result = {"valid": False, "error_type": "multi_turn:empty_turn_model_response",
                      "error_message": f"Model response list is empty for turn {index}"}
        else:
            result = state_checker(self.instances, self.ground_truth)
            if result["valid"]:
                result = response_checker(self.all_results, ground_truth_results, index)
        detail = {"checked": True, "turn": turn, "valid": result["valid"], "calls": calls,
                  "ground_truth": truth[index]}
        for key in ("error_type", "error_message", "details"):
            if key in result:
                detail[key] = result[key]
        return {"reward": 1 if result["valid"] else 0, "detail": bounded(detail)}

    def release(self):
        # The executor keeps instances in its module's globals; a finished trial's are dropped.
        for key in [key for key in vars(multi_turn_utils) if key.startswith(self.model_name + "_")]:
            delattr(multi_turn_utils, key)


def bounded(detail):
    text = json.dumps(detail, default=str)
    if len(text) <= DETAIL_LIMIT:
        return json.loads(text)
    detail = {key: value for key, value in detail.items() if key != "details"}
    detail["details"] = json.dumps(detail.get("details"), default=str)[:DETAIL_LIMIT] + "…"
    return json.loads(json.dumps(detail, default=str))


def trial_key(params):
    """The trial a call belongs to, as the harness names it in `_meta`; "" for other clients."""
    meta = getattr(params, "meta", None) or {}
    if not isinstance(meta, dict):
        meta = getattr(meta, "model_extra", None) or {}
    return str(meta.get(TRIAL_KEY, ""))


def serve(category):
    from mcp import types
    from mcp.server.lowlevel import Server
    from mcp.server.stdio import stdio_server

    tasks = {task["id"]: task for task in load_category(category)}
    classes = sorted({name for task in tasks.values() for name in task["involved_classes"]})
    docs = function_docs(classes)
    tools = {}
    for class_name in classes:
        for name, doc in docs[class_name].items():
            tools.setdefault(name, tool(doc))
    trials = OrderedDict()
    serial = [0]
    listed = [types.Tool(name=t["name"], description=t["description"], inputSchema=t["inputSchema"]) for t in tools.values()]
    listed += [
        types.Tool(name="bfcl_load", description="Harness only: fresh backends for a task.",
                   inputSchema={"type": "object", "properties": {"task": {"type": "string"}}, "required": ["task"]}),
        types.Tool(name="bfcl_check", description="Harness only: BFCL's checks after a turn.",
                   inputSchema={"type": "object", "properties": {"turn": {"type": "integer"}, "answer": {}}, "required": ["turn"]}),
    ]

    def reply(text, error=False):
        return types.CallToolResult(content=[types.TextContent(type="text", text=text)], isError=error)

    async def list_tools(ctx, params):
        return types.ListToolsResult(tools=listed)

    def drop(key):
        trials.pop(key).release()

    async def call_tool(ctx, params):
        name, arguments = params.name, params.arguments or {}
        key = trial_key(params)
        try:
            if name == "bfcl_load":
                task = tasks.get(arguments.get("task"))
                if task is None:
                    return reply(f"no task {arguments.get('task')!r} in {category}", True)
                if key in trials:
                    drop(key)
                while len(trials) >= LIVE_TRIALS:
                    drop(next(iter(trials)))
                serial[0] += 1
                trials[key] = Trial(task, serial[0])
                return reply(json.dumps({"task": task["id"], "turns": len(task["question"])}))
            trial = trials.get(key)
            if trial is None:
                return reply("no task is loaded for this trial: the harness calls bfcl_load first", True)
            if name == "bfcl_check":
                turn = int(arguments.get("turn", 0))
                checked = trial.check(turn)
                if turn == len(trial.task["ground_truth"]):
                    drop(key)
                return reply(json.dumps(checked))
            if name not in tools:
                return reply(f"unknown tool {name}", True)
            result = trial.call(name, arguments)
            return reply(result, result.startswith("Error during execution"))
        except Exception as error:  # a broken call is the caller's error, never the server's end
            return reply(f"{type(error).__name__}: {error}", True)

    server = Server("bfcl", on_list_tools=list_tools, on_call_tool=call_tool)

    async def main():
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    asyncio.run(main())


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("export", "serve"):
        fail("usage: bfcl_server.py export|serve CATEGORY")
    (export if sys.argv[1] == "export" else serve)(sys.argv[2])
"""#
}
