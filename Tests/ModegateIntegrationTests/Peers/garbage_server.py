"""A stdio MCP server written by hand (no SDK): it initializes and lists one tool properly, but
answers every tools/call with a line that is not JSON-RPC and no reply at all."""
import json
import sys

TOOL = {"name": "garbage", "description": "Never answers properly.", "inputSchema": {"type": "object"}}

for line in sys.stdin:
    message = json.loads(line)
    method, ident = message.get("method"), message.get("id")
    if ident is None:
        continue
    if method == "initialize":
        result = {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}},
                  "serverInfo": {"name": "garbage", "version": "1"}}
    elif method == "tools/list":
        result = {"tools": [TOOL]}
    elif method == "tools/call":
        sys.stdout.write("this is not json-rpc\n")
        sys.stdout.flush()
        continue
    else:
        print(json.dumps({"jsonrpc": "2.0", "id": ident, "error": {"code": -32601, "message": "no such method"}}), flush=True)
        continue
    print(json.dumps({"jsonrpc": "2.0", "id": ident, "result": result}), flush=True)
