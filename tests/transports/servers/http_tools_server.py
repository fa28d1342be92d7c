"""A real streamable HTTP MCP server (mcp 2.x `MCPServer` under uvicorn) for the proxy's HTTP tests.

    python http_tools_server.py ROOT LOG_FILE [--stateless] [--json]

Prints `PORT <n>` on stdout once it listens on 127.0.0.1 (port picked by the OS). Every tool call
it receives is appended to LOG_FILE as one JSON line (tool, arguments, selected request headers),
so a test can prove what did, and did not, reach the upstream.
Tools: read_file (no confinement of its own: the firewall in front is what protects ROOT's
parents), echo, progress (progress + log notifications), confirm (asks the client by elicitation:
a server→client request in the handshake era, an input_required round trip on 2026-07-28).
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from pathlib import Path
from typing import Annotated, Any

import uvicorn
from mcp.server import MCPServer
from mcp.server.mcpserver import Context, Elicit, Resolve
from mcp.server.transport_security import TransportSecuritySettings
from pydantic import BaseModel

ROOT = Path(sys.argv[1]).resolve()
LOG = Path(sys.argv[2])
_LOGGED_HEADERS = ("authorization", "x-api-key", "mcp-protocol-version", "mcp-method", "mcp-name", "mcp-session-id")

app = MCPServer("http-tools")


def _record(tool: str, arguments: dict[str, Any], ctx: Context | None) -> None:
    headers = {}
    if ctx is not None and ctx.headers is not None:
        headers = {k: v for k, v in ctx.headers.items() if k.lower() in _LOGGED_HEADERS}
    with LOG.open("a") as f:
        f.write(json.dumps({"tool": tool, "arguments": arguments, "headers": headers}) + "\n")


@app.tool()
def read_file(path: str, ctx: Context) -> str:
    """Read a text file (path relative to the server's root directory)."""
    _record("read_file", {"path": path}, ctx)
    return (ROOT / path).read_text()


@app.tool()
def echo(message: str, ctx: Context) -> str:
    """Echo the message back."""
    _record("echo", {"message": message}, ctx)
    return f"echo: {message}"


@app.tool()
async def progress(steps: int, ctx: Context) -> str:
    """Report progress `steps` times and log a line, then finish."""
    _record("progress", {"steps": steps}, ctx)
    for i in range(steps):
        await ctx.report_progress(i + 1, steps, f"step {i + 1}")
    await ctx.info(f"progress done after {steps} steps")
    return f"did {steps} steps"


class Answer(BaseModel):
    ok: bool


def _ask(question: str) -> Elicit[Answer]:
    return Elicit(question, Answer)


@app.tool()
def confirm(question: str, answer: Annotated[Answer, Resolve(_ask)], ctx: Context) -> str:
    """Ask the user a yes/no question and report the answer."""
    _record("confirm", {"question": question}, ctx)
    return "confirmed" if answer.ok else "refused"


async def main() -> None:
    http_app = app.streamable_http_app(
        stateless_http="--stateless" in sys.argv,
        json_response="--json" in sys.argv,
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server = uvicorn.Server(uvicorn.Config(http_app, log_level="warning", lifespan="on"))
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    await server.serve(sockets=[sock])


if __name__ == "__main__":
    asyncio.run(main())
