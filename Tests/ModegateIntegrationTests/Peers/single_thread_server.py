"""An MCP server written the way most small ones are: one request at a time, by hand, no SDK.
A tool that blocks blocks the whole server, so it answers neither `notifications/cancelled` nor
`ping` meanwhile. For the supervision tests (issue 22).

Tools:
  echo_ok {text}   answers with its text (structured content {result: text})
  error_flag {}    answers with isError: the tool failed, the server is fine
  spew_garbage {}  writes lines that are not JSON-RPC on the transport, then answers "clean"
                   (stdio: on stdout; HTTP: as an SSE event before the real one)
  hang_forever {}  blocks the server: for good over stdio; over HTTP for --hang-seconds
                   (a server wedged for a while, which a supervisor does not restart)
  crash_now {}     ends the process with status 3

Every start says so on stderr ("single: start pid P"), every call names its tool there.

Usage: single_thread_server.py [--http PORT] [--hang-seconds S]
"""
import argparse
import json
import os
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer

TOOLS = [
    {"name": "echo_ok", "description": "Returns its text.",
     "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}},
    {"name": "error_flag", "description": "Always reports a tool error.", "inputSchema": {"type": "object"}},
    {"name": "spew_garbage", "description": "Writes noise, then answers 'clean'.", "inputSchema": {"type": "object"}},
    {"name": "hang_forever", "description": "Never answers.", "inputSchema": {"type": "object"}},
    {"name": "crash_now", "description": "Ends the server.", "inputSchema": {"type": "object"}},
]

options = None


def log(text):
    print(f"single: {text}", file=sys.stderr, flush=True)


def text_result(text, is_error=False, structured=None):
    result = {"content": [{"type": "text", "text": text}], "isError": is_error}
    if structured is not None:
        result["structuredContent"] = structured
    return result


def handle(message, noise):
    """The reply to one message (None for a notification); `noise` writes non-JSON-RPC text."""
    method = message.get("method")
    if "id" not in message:
        return None
    ident = message["id"]
    if method == "initialize":
        requested = message.get("params", {}).get("protocolVersion", "2025-06-18")
        result = {"protocolVersion": requested, "capabilities": {"tools": {}},
                  "serverInfo": {"name": "single-thread", "version": "1"}}
    elif method == "ping":
        result = {}
    elif method == "tools/list":
        result = {"tools": TOOLS}
    elif method == "tools/call":
        name = message.get("params", {}).get("name")
        arguments = message.get("params", {}).get("arguments") or {}
        log(f"call {name}")
        if name == "echo_ok":
            text = str(arguments.get("text", ""))
            result = text_result(text, structured={"result": text})
        elif name == "error_flag":
            result = text_result("error_flag: the flag is up", is_error=True)
        elif name == "spew_garbage":
            noise("this line is not JSON-RPC")
            noise("{ neither is this one")
            result = text_result("clean", structured={"result": "clean"})
        elif name == "hang_forever":
            time.sleep(options.hang_seconds if options.http else 3600)
            result = text_result("late", structured={"result": "late"})
        elif name == "crash_now":
            log("crash_now called, exiting with status 3")
            os._exit(3)
        else:
            return {"jsonrpc": "2.0", "id": ident, "error": {"code": -32602, "message": f"unknown tool {name}"}}
    else:
        return {"jsonrpc": "2.0", "id": ident, "error": {"code": -32601, "message": f"no method {method}"}}
    return {"jsonrpc": "2.0", "id": ident, "result": result}


def serve_stdio():
    out = sys.stdout

    def noise(text):
        out.write(text + "\n")
        out.flush()

    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        reply = handle(json.loads(line), noise)
        if reply is not None:
            out.write(json.dumps(reply) + "\n")
            out.flush()


class Handler(BaseHTTPRequestHandler):
    sessions = set()

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.send_response(405)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_DELETE(self):
        Handler.sessions.discard(self.headers.get("Mcp-Session-Id"))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        message = json.loads(body)
        session = self.headers.get("Mcp-Session-Id")
        if message.get("method") == "initialize":
            session = uuid.uuid4().hex
            Handler.sessions.add(session)
        elif session not in Handler.sessions:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        noise_lines = []
        reply = handle(message, noise_lines.append)
        if reply is None:
            self.send_response(202)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if noise_lines:
            events = "".join(f"event: message\ndata: {line}\n\n" for line in noise_lines)
            payload = (events + f"event: message\ndata: {json.dumps(reply)}\n\n").encode()
            kind = "text/event-stream"
        else:
            payload = json.dumps(reply).encode()
            kind = "application/json"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Mcp-Session-Id", session)
        self.end_headers()
        self.wfile.write(payload)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--http", type=int)
    parser.add_argument("--hang-seconds", type=float, default=10)
    options = parser.parse_args()
    log(f"start pid {os.getpid()}")
    if options.http:
        # One request at a time, like the stdio loop.
        HTTPServer(("127.0.0.1", options.http), Handler).serve_forever()
    else:
        serve_stdio()
