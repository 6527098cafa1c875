"""A small OpenAI-shaped model server on 127.0.0.1 for the edges that fakellm and stubllm cannot
produce. The first path segment picks the behaviour, so one server serves every test:

  /answer/...      answers '{"sum": 3}' at once
  /slow/...        answers after 3 s (longer than the tests' 1 s timeout)
  /hang/...        answers after 120 s (for Ctrl-C and SIGTERM while a request is in flight)
  /firstthenhang/... answers the first request at once, later ones after 120 s
  /truncated/...   promises 400 bytes, sends 40 and closes the connection
  /cutjson/...     a complete HTTP answer whose JSON body stops half way
  /badargs/...     a tool call whose arguments are not JSON
  /retryafter/...  the first request gets 429 with Retry-After: 2, later ones an answer
  /params/...      refuses max_tokens, then any temperature (OpenAI's error shapes), then answers;
                   in the Responses API it refuses only temperature, as reasoning models do
  /echokey/...     answers with the Authorization header in the content
  /loop/...        a tool loop: calls add twice in one turn (or run_code once when it is offered),
                   then answers '{"sum": 3}' once a tool's result came back
  /flaky/...       the first request gets 429, the second 500, later ones play /loop/
  /denied/...      401 in OpenAI's shape for a wrong key
  /paced/...       a provider's rate limit: a request within 0.1 s of the last one answered gets 429
                   with Retry-After: 1; an answer is '{"sum": 3, "refused": N}', N the refusals so far
  /incomplete/...  (Responses only) a response cut off by the content filter
  /failed/...      (Responses only) status failed with an error object, HTTP 200
  /azure/openai/deployments/DEPLOYMENT/chat/completions?api-version=V
                   Azure OpenAI's URL and `api-key` header checked (401 / 404 in Azure's error
                   shapes), then the body is forwarded to UPSTREAM's /v1/chat/completions

A path that ends in /responses is answered in the shapes of OpenAI's Responses API (`output`
items, `function_call`, `usage.input_tokens_details`); any other in Chat Completions'.

Usage: edge_llm.py PORT [UPSTREAM_BASE_URL AZURE_KEY AZURE_DEPLOYMENT]
"""
import json
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
UPSTREAM, AZURE_KEY, DEPLOYMENT = (sys.argv[2:5] + [None, None, None])[:3]
counts = {}
lock = threading.Lock()
paced = {"last": 0.0, "refused": 0}


def completion(content=None, tool_calls=None):
    message = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return {
        "id": "chatcmpl-edge", "object": "chat.completion", "model": "edge-model",
        "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if tool_calls else "stop"}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16},
    }


def responses_answer(content=None, tool_calls=None, status="completed", incomplete=None, error=None):
    output = [{"type": "reasoning", "id": "rs_edge", "summary": []}]
    if content is not None:
        output.append({"type": "message", "id": "msg_edge", "role": "assistant", "status": "completed",
                       "content": [{"type": "output_text", "text": content, "annotations": []}]})
    for index, call in enumerate(tool_calls or []):
        output.append({"type": "function_call", "id": f"fc_edge_{index}", "call_id": call["id"], "status": "completed",
                       "name": call["function"]["name"], "arguments": call["function"]["arguments"]})
    return {
        "id": "resp_edge", "object": "response", "model": "edge-model", "status": status, "error": error,
        "incomplete_details": incomplete, "output": output,
        "usage": {"input_tokens": 120, "input_tokens_details": {"cached_tokens": 100},
                  "output_tokens": 7, "output_tokens_details": {"reasoning_tokens": 2}, "total_tokens": 127},
    }


def loop_calls(body, responses):
    """The tool calls a scripted model makes next, or None once a tool's result came back."""
    if responses:
        answered = any(item.get("type") == "function_call_output" for item in body.get("input", []))
        names = [tool.get("name") for tool in body.get("tools", [])]
    else:
        answered = any(message.get("role") == "tool" for message in body.get("messages", []))
        names = [tool.get("function", {}).get("name") for tool in body.get("tools", [])]
    if answered:
        return None
    if "run_code" in names:
        return [{"id": "call_code", "type": "function",
                 "function": {"name": "run_code", "arguments": json.dumps({"code": "return await tools.add({a: 1, b: 2});"})}}]
    return [{"id": "call_1", "type": "function", "function": {"name": "add", "arguments": '{"a": 1, "b": 2}'}},
            {"id": "call_2", "type": "function", "function": {"name": "add", "arguments": '{"a": 2, "b": 1}'}}]


def openai_error(message, param=None, code=None, kind="invalid_request_error"):
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        sys.stderr.write("edge_llm: " + (format % args) + "\n")

    def send_json(self, status, payload, headers=None):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        mode = self.path.strip("/").split("/")[0]
        with lock:
            counts[mode] = counts.get(mode, 0) + 1
            seen = counts[mode]
        # Said on arrival, so a test can tell a request is in flight before it is answered.
        sys.stderr.write(f"edge_llm: request {mode} {seen}\n")
        sys.stderr.flush()
        responses = self.path.split("?")[0].rstrip("/").endswith("/responses")
        reply = responses_answer if responses else completion
        answer = reply('{"sum": 3}')
        if mode == "answer":
            self.send_json(200, answer)
        elif mode == "slow":
            time.sleep(3)
            self.send_json(200, answer)
        elif mode == "hang" or (mode == "firstthenhang" and seen > 1):
            time.sleep(120)
            self.send_json(200, answer)
        elif mode == "firstthenhang":
            self.send_json(200, answer)
        elif mode == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "400")
            self.end_headers()
            self.wfile.write(json.dumps(answer).encode()[:40])
            self.wfile.flush()
            self.close_connection = True
        elif mode == "cutjson":
            data = json.dumps(answer).encode()
            data = data[: len(data) // 2]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif mode == "badargs":
            call = {"id": "call_bad", "type": "function", "function": {"name": "add", "arguments": '{"a": 1, "b":'}}
            self.send_json(200, reply(None, [call]))
        elif mode == "retryafter":
            if seen == 1:
                self.send_json(429, openai_error("Rate limit reached; try again in 2s.", kind="rate_limit_error", code="rate_limit_exceeded"),
                               {"Retry-After": "2"})
            else:
                self.send_json(200, answer)
        elif mode == "loop" or (mode == "flaky" and seen > 2):
            calls = loop_calls(body, responses)
            self.send_json(200, reply(None, calls) if calls else answer)
        elif mode == "flaky":
            if seen == 1:
                self.send_json(429, openai_error("Rate limit reached for requests", kind="rate_limit_error", code="rate_limit_exceeded"))
            else:
                self.send_json(500, openai_error("The server had an error while processing your request.", kind="server_error"))
        elif mode == "paced":
            with lock:
                now = time.monotonic()
                refuse = now - paced["last"] < 0.1
                if refuse:
                    paced["refused"] += 1
                else:
                    paced["last"] = now
                refused = paced["refused"]
            if refuse:
                self.send_json(429, openai_error("Rate limit reached for requests", kind="rate_limit_error", code="rate_limit_exceeded"),
                               {"Retry-After": "1"})
            else:
                self.send_json(200, reply(json.dumps({"sum": 3, "refused": refused})))
        elif mode == "denied":
            self.send_json(401, openai_error("Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
                                             code="invalid_api_key"))
        elif mode == "incomplete":
            self.send_json(200, responses_answer("The sum is", status="incomplete", incomplete={"reason": "content_filter"}))
        elif mode == "failed":
            self.send_json(200, responses_answer(status="failed", error={"code": "server_error", "message": "The model failed to generate a response."}))
        elif mode == "params" and responses:
            if "temperature" in body:
                self.send_json(400, openai_error(
                    "Unsupported parameter: 'temperature' is not supported with this model.",
                    param="temperature", code="unsupported_parameter"))
            else:
                self.send_json(200, answer)
        elif mode == "params":
            if "max_tokens" in body:
                self.send_json(400, openai_error(
                    "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
                    param="max_tokens", code="unsupported_parameter"))
            elif "temperature" in body:
                self.send_json(400, openai_error(
                    "Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported.",
                    param="temperature", code="unsupported_value"))
            else:
                self.send_json(200, answer)
        elif mode == "echokey":
            self.send_json(200, reply(json.dumps({"sum": 3, "heard": self.headers.get("Authorization", "")})))
        elif mode == "azure":
            self.azure(body)
        else:
            self.send_json(404, openai_error(f"no mode {mode}"))

    def azure(self, body):
        path, _, query = self.path.partition("?")
        parts = path.strip("/").split("/")
        if self.headers.get("api-key") != AZURE_KEY or self.headers.get("Authorization"):
            self.send_json(401, {"error": {"code": "401", "message": "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}})
            return
        if "api-version=" not in query:
            self.send_json(404, {"error": {"code": "404", "message": "Resource not found"}})
            return
        if parts[1:4] != ["openai", "deployments", DEPLOYMENT] or parts[4:] != ["chat", "completions"]:
            self.send_json(404, {"error": {"code": "DeploymentNotFound", "message": "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}})
            return
        request = urllib.request.Request(UPSTREAM.rstrip("/") + "/v1/chat/completions", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            self.send_json(response.status, json.loads(response.read()))


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
