"""Drives an MCP server with the official Python SDK's high-level client and prints what it saw
as one JSON object, for the Swift tests to check. Usage:
    official_client.py URL TOOL ARGS_JSON
    official_client.py --stdio TOOL ARGS_JSON -- COMMAND [ARG...]
"""
import asyncio
import json
import sys

from mcp import Client, StdioServerParameters


async def main() -> None:
    argv = sys.argv[1:]
    if argv[0] == "--stdio":
        tool, arguments = argv[1], json.loads(argv[2])
        command = argv[argv.index("--") + 1:]
        server = StdioServerParameters(command=command[0], args=command[1:])
    else:
        server, tool, arguments = argv[0], argv[1], json.loads(argv[2])
    report = {}
    async with Client(server) as client:
        listed = await client.list_tools()
        report["tools"] = [t.name for t in listed.tools]
        report["schemas"] = {t.name: t.input_schema for t in listed.tools}
        result = await client.call_tool(tool, arguments)
        report["call"] = {
            "is_error": bool(result.is_error),
            "text": "".join(getattr(c, "text", "") for c in result.content),
            "structured": result.structured_content,
        }
        bad = await client.call_tool(tool, {"unexpected": True})
        report["bad_arguments"] = {
            "is_error": bool(bad.is_error),
            "text": "".join(getattr(c, "text", "") for c in bad.content),
        }
        try:
            await client.call_tool("no_such_tool", {})
            report["unknown_tool"] = "no error"
        except Exception as error:  # the JSON-RPC error surfaces as an exception
            report["unknown_tool"] = f"{type(error).__name__}: {error}"
        resources = await client.list_resources()
        report["resources"] = [str(r.uri) for r in resources.resources]
    print(json.dumps(report))


asyncio.run(main())
