"""An accepted pin reaches a running client: after `aegis-mcp pins accept`, the running proxy sends
`notifications/tools/list_changed` (declaring `tools.listChanged` in the initialize result it relays
when the upstream did not), the client lists again and sees the tool, and its calls go through — no
restart. A tool held by another connection is announced (and refused) the same way. Both protocol
eras: the handshake era with the mcp SDK's ClientSession, 2026-07-28 through a `subscriptions/listen`
stream of the SDK's Client. Upstreams: small scripted Python servers whose tools change on demand
(a real server cannot be made to change its tool descriptions mid-session)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
import mcp_types as types
import pytest

from tests.proxy.conftest import PY, WAIT_S, approver, cli, proxy_argv, sdk_session

pytestmark = pytest.mark.anyio

# A stdio MCP server (handshake era) that does NOT declare tools.listChanged and reads its tool
# descriptions from $TOOLS_FILE at every tools/list, so a test can change them mid-session.
LINE_UPSTREAM = r'''
import json, os, sys
def send(obj):
    sys.stdout.write(json.dumps(obj) + "\n"); sys.stdout.flush()
for line in sys.stdin:
    msg = json.loads(line); mid = msg.get("id"); method = msg.get("method")
    if mid is None:
        continue
    if method == "initialize":
        send({"jsonrpc": "2.0", "id": mid, "result": {"protocolVersion": msg["params"]["protocolVersion"],
              "capabilities": {"tools": {}}, "serverInfo": {"name": "scripted", "version": "1"}}})
    elif method == "tools/list":
        with open(os.environ["TOOLS_FILE"]) as f:
            send({"jsonrpc": "2.0", "id": mid, "result": {"tools": json.load(f)}})
    elif method == "tools/call":
        text = "%s: %s" % (msg["params"]["name"], json.dumps(msg["params"].get("arguments")))
        send({"jsonrpc": "2.0", "id": mid, "result": {"content": [{"type": "text", "text": text}]}})
    else:
        send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32601, "message": "Method not found"}})
'''

# The same for 2026-07-28: the mcp SDK's MCPServer (it serves subscriptions/listen), whose echo
# tool takes its description from $TOOLS_FILE at every tools/list.
MODERN_UPSTREAM = r'''
import os
from mcp.server import MCPServer

class Server(MCPServer):
    async def list_tools(self):
        with open(os.environ["TOOLS_FILE"]) as f:
            description = f.read()
        return [t.model_copy(update={"description": description}) if t.name == "echo" else t
                for t in await super().list_tools()]

server = Server("scripted-modern")

@server.tool()
def echo(message: str) -> str:
    """Echo the message back."""
    return "echo: " + message

@server.tool()
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b

server.run()
'''

ECHO = {"name": "echo", "description": "Echo the message back.",
        "inputSchema": {"type": "object", "properties": {"message": {"type": "string"}}}}
ADD = {"name": "add", "description": "Add two numbers.",
       "inputSchema": {"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "number"}}}}
CHANGED_ECHO = {**ECHO, "description": "Echo the message back, in upper case."}


def _upstream(tmp_path: Path, script: str, tools: Any) -> tuple[list[str], dict[str, str]]:
    path = tmp_path / "upstream.py"
    path.write_text(script)
    tools_file = tmp_path / "tools.json"
    tools_file.write_text(tools if isinstance(tools, str) else json.dumps(tools))
    return [PY, str(path)], {**os.environ, "TOOLS_FILE": str(tools_file)}


class ListChanges:
    """The client's message handler: counts tools/list_changed notifications as they arrive."""

    def __init__(self) -> None:
        self.count = 0
        self._event = anyio.Event()

    async def __call__(self, message: Any) -> None:
        if isinstance(message, types.ServerNotification) or isinstance(message, types.ToolListChangedNotification):
            inner = getattr(message, "root", message)
            if isinstance(inner, types.ToolListChangedNotification):
                self.count += 1
                self._event.set()

    async def wait(self) -> None:
        with anyio.fail_after(WAIT_S):
            await self._event.wait()
        self._event = anyio.Event()


async def _names(session: Any) -> list[str]:
    return [t.name for t in (await session.list_tools()).tools]


async def _accept(db: Path, server: str, tool: str) -> None:
    out = await anyio.to_thread.run_sync(lambda: cli("pins", "accept", server, tool, "--db", str(db), env=approver(db)))
    assert out.returncode == 0, out.stderr


async def test_accepted_pin_reaches_the_running_client(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    upstream, env = _upstream(tmp_path, LINE_UPSTREAM, [ECHO, ADD])
    changes = ListChanges()
    async with sdk_session(db, upstream, "--name", "calc", env=env, message_handler=changes) as session:
        assert await _names(session) == ["echo", "add"]  # first use: pinned
        (tmp_path / "tools.json").write_text(json.dumps([CHANGED_ECHO, ADD]))  # a rug pull, no notification
        assert await _names(session) == ["add"]  # held
        refused = await session.call_tool("echo", {"message": "hi"})
        assert refused.is_error and "pins accept calc echo" in refused.content[0].text

        await _accept(db, "calc", "echo")
        await changes.wait()  # the proxy tells the client; nobody restarted anything
        assert await _names(session) == ["echo", "add"]
        done = await session.call_tool("echo", {"message": "hi"})
        assert not done.is_error and done.content[0].text == 'echo: {"message": "hi"}'
        assert changes.count == 1


async def test_proxy_declares_list_changed_it_will_send(tmp_path: Path) -> None:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    upstream, env = _upstream(tmp_path, LINE_UPSTREAM, [ECHO])
    argv = proxy_argv(tmp_path / "l.db", upstream)
    async with stdio_client(StdioServerParameters(command=argv[0], args=argv[1:], env=env)) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
    assert init.capabilities.tools is not None and init.capabilities.tools.list_changed is True


async def test_a_hold_by_another_connection_reaches_this_client(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    upstream, env = _upstream(tmp_path, LINE_UPSTREAM, [ECHO, ADD])
    changes = ListChanges()
    async with sdk_session(db, upstream, "--name", "calc", env=env, message_handler=changes) as first:
        assert await _names(first) == ["echo", "add"]
        # A second client, whose upstream (same server name) now describes echo differently.
        (tmp_path / "tools.json").write_text(json.dumps([CHANGED_ECHO, ADD]))
        async with sdk_session(db, upstream, "--name", "calc", env=env) as second:
            assert await _names(second) == ["add"]
        await changes.wait()  # the first client is told its list changed...
        refused = await first.call_tool("echo", {"message": "hi"})  # ...and its calls follow the pin
        assert refused.is_error and "held until a human reviews it" in refused.content[0].text

        await _accept(db, "calc", "echo")  # the operator accepts the definition the second one listed
        await changes.wait()
        # Accepted is bound to that definition: this connection last listed another one, so its
        # calls stay refused until its client lists again and gets the reviewed definition.
        still = await first.call_tool("echo", {"message": "hi"})
        assert still.is_error and "held until a human reviews it" in still.content[0].text
        tools = (await first.list_tools()).tools
        assert [t.name for t in tools] == ["echo", "add"] and tools[0].description == CHANGED_ECHO["description"]
        done = await first.call_tool("echo", {"message": "hi"})
        assert not done.is_error


@pytest.mark.skipif(sys.platform == "win32", reason="stdio subprocess test")
async def test_modern_client_hears_it_on_its_listen_stream(tmp_path: Path) -> None:
    from mcp import StdioServerParameters
    from mcp.client import Client
    from mcp.shared.subscriptions import ToolsListChanged

    db = tmp_path / "l.db"
    upstream, env = _upstream(tmp_path, MODERN_UPSTREAM, "Echo the message back.")
    argv = proxy_argv(db, upstream, "--name", "modern")
    params = StdioServerParameters(command=argv[0], args=argv[1:], env=env)
    async with Client(params, mode="2026-07-28") as client:
        assert sorted(t.name for t in (await client.list_tools()).tools) == ["add", "echo"]
        (tmp_path / "tools.json").write_text("Echo the message back, then forget it.")
        assert [t.name for t in (await client.list_tools()).tools] == ["add"]
        async with client.listen(tools_list_changed=True) as sub:
            await _accept(db, "modern", "echo")
            with anyio.fail_after(WAIT_S):
                event = await sub.__anext__()
        assert isinstance(event, ToolsListChanged)
        assert sorted(t.name for t in (await client.list_tools()).tools) == ["add", "echo"]
        done = await client.call_tool("echo", {"message": "hi"})
        assert not done.is_error
