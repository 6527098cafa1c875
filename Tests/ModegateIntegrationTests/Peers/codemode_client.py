"""Drives `modegate serve codemode` with the official Python client and prints what it saw as
JSON. Usage: codemode_client.py COMMAND [ARG...]"""
import asyncio
import json
import sys

from mcp import Client, StdioServerParameters


def text(result):
    return "".join(getattr(c, "text", "") for c in result.content)


async def main() -> None:
    command = sys.argv[1:]
    report = {}
    async with Client(StdioServerParameters(command=command[0], args=command[1:])) as client:
        report["tools"] = sorted(t.name for t in (await client.list_tools()).tools)
        found = await client.call_tool("search_tools", {"query": "add"})
        report["search"] = found.structured_content
        info = await client.call_tool("tool_info", {"name": "add"})
        report["info"] = json.loads(text(info))
        missing = await client.call_tool("tool_info", {"name": "no_such_tool"})
        report["info_missing_is_error"] = bool(missing.is_error)
        chain = await client.call_tool("call_tool_chain", {"code": (
            "const [x, y] = await Promise.all([tools.add({a: 1, b: 2}), tools.add({a: 3, b: 4})]);"
            " return {total: x.sum + y.sum};")})
        report["chain"] = {"is_error": bool(chain.is_error), "body": json.loads(text(chain))}
        broken = await client.call_tool("call_tool_chain", {"code": "return tools.add({a: 1,"})
        report["syntax"] = {"is_error": bool(broken.is_error), "body": json.loads(text(broken))}
    print(json.dumps(report))


asyncio.run(main())
