"""A stdio MCP server (official Python SDK) whose tools misbehave on purpose, for the client's
failure tests: `echo` works; `crash` kills the process; `hang` never answers; `fail` raises (isError);
`soft_fail` returns error text in an ordinary result. (The SDK guards stdout, so a server that
writes garbage there is `garbage_server.py`, which speaks JSON-RPC by hand.)"""
import os
import sys
import time

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

server = MCPServer("hostile")


@server.tool()
def echo(text: str) -> str:
    """Returns its text."""
    return text


@server.tool()
def crash() -> str:
    """Ends the server process at once."""
    os._exit(3)


@server.tool()
def hang() -> str:
    """Never returns (says so on stderr first, for tests that wait for the call)."""
    print("hang: called", file=sys.stderr, flush=True)
    time.sleep(3600)
    return "late"


@server.tool()
def fail() -> str:
    """Raises, which the SDK reports as a result with isError."""
    raise ToolError("the tool broke")


@server.tool()
def soft_fail() -> str:
    """Reports failure in ordinary text, as some servers do."""
    return "Error: no such table: orders"


if __name__ == "__main__":
    server.run()
