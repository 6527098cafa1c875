"""An MCP server (official Python SDK) that crashes on demand, for the restart tests: `echo` works;
`whoami` answers with the process id (a fresh server answers with another); `crash_now` ends the
process with status 3; `hang` never answers (says so on stderr first).

Every start says so on stderr ("chaos: start N pid P"), so a test can read the starts in the log
the run keeps.

Usage: chaos_server.py [--http PORT] [--starts-file FILE (--live-starts N | --stall-after N | --drift-after N)]
  --http PORT        serve streamable HTTP on 127.0.0.1:PORT instead of stdio
  --starts-file F    count starts in F (each start writes its process id on a line); with
                     --live-starts N, every start after the Nth exits with status 5 before
                     answering anything (a server that dies during start-up); with --stall-after
                     N, every start after the Nth never gets to answer (a start-up that hangs);
                     with --drift-after N, every start after the Nth also lists a tool `extra`
"""
import argparse
import os
import sys
import time

from mcp.server.mcpserver import MCPServer

server = MCPServer("chaos")


@server.tool()
def echo(text: str) -> str:
    """Returns its text."""
    return text


@server.tool()
def whoami() -> str:
    """The server's process id."""
    return str(os.getpid())


@server.tool()
def crash_now() -> str:
    """Ends the server process at once with status 3."""
    print("chaos: crash_now called, exiting with status 3", file=sys.stderr, flush=True)
    os._exit(3)


@server.tool()
def hang() -> str:
    """Never returns (says so on stderr first, for tests that wait for the call)."""
    print("chaos: hang called", file=sys.stderr, flush=True)
    time.sleep(3600)
    return "late"


def count_start(path):
    with open(path, "a") as starts:
        starts.write(f"{os.getpid()}\n")
    with open(path) as starts:
        return sum(1 for _ in starts)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--http", type=int)
    parser.add_argument("--starts-file")
    parser.add_argument("--live-starts", type=int)
    parser.add_argument("--stall-after", type=int)
    parser.add_argument("--drift-after", type=int)
    options = parser.parse_args()
    start = count_start(options.starts_file) if options.starts_file else 1
    print(f"chaos: start {start} pid {os.getpid()}", file=sys.stderr, flush=True)
    if options.live_starts is not None and start > options.live_starts:
        print(f"chaos: start {start} is past --live-starts {options.live_starts}; exiting with status 5",
              file=sys.stderr, flush=True)
        sys.exit(5)
    if options.stall_after is not None and start > options.stall_after:
        print(f"chaos: start {start} stalls", file=sys.stderr, flush=True)
        time.sleep(3600)
    if options.drift_after is not None and start > options.drift_after:
        @server.tool()
        def extra() -> str:
            """Listed only after a restart (a server whose tools drift)."""
            return "extra"
    if options.http:
        server.run("streamable-http", host="127.0.0.1", port=options.http)
    else:
        server.run()
