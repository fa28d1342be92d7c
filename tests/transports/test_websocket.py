"""Our websocket transport: raw channels for the proxy, SDK streams for MCP servers and clients."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import anyio
import pytest
from mcp import Client
from mcp.server import MCPServer
from websockets.asyncio.client import connect

from aegis_mcp.errors import ProxyError
from aegis_mcp.proxy.channel import ChannelClosed, MessageChannel
from aegis_mcp.transports.security import NetworkGuard
from aegis_mcp.transports.websocket import (
    WebSocketChannel,
    bound_port,
    connect_channel,
    serve_channels,
    serve_mcp_websocket,
    websocket_client,
)

pytestmark = pytest.mark.anyio
TOKEN = "a-test-token-long-enough"


def make_app() -> MCPServer:
    app = MCPServer("ws-test")

    @app.tool()
    def echo(message: str) -> str:
        return message

    return app


async def run_app(app: MCPServer, read, write) -> None:  # type: ignore[no-untyped-def]
    low = app._lowlevel_server
    await low.run(read, write, low.create_initialization_options())


async def echo_handler(channel: WebSocketChannel) -> None:
    while (msg := await channel.receive()) is not None:
        await channel.send(msg)


async def raw_handshake(port: int, headers: dict[str, str]) -> int:
    """Send a websocket upgrade by hand (as a browser under DNS rebinding would) and return the status."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    lines = [
        "GET / HTTP/1.1",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
        *[f"{k}: {v}" for k, v in headers.items()],
    ]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 60)
    writer.close()
    return int(status_line.split()[1])


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_sdk_client_and_server_over_websocket_both_eras(mode: str) -> None:
    app = make_app()
    async with serve_mcp_websocket("127.0.0.1", 0, lambda r, w: run_app(app, r, w)) as server:
        url = f"ws://127.0.0.1:{bound_port(server)}/"
        with anyio.fail_after(60):
            async with Client(websocket_client(url), mode=mode) as client:
                tools = await client.list_tools()
                assert [t.name for t in tools.tools] == ["echo"]
                # 3 MB: far above websockets' 1 MiB default frame limit.
                big = "x" * 3_000_000
                result = await client.call_tool("echo", {"message": big})
                assert result.content[0].text == big  # type: ignore[union-attr]
                assert not result.is_error


async def test_raw_channel_round_trip_is_byte_exact() -> None:
    async with serve_channels("127.0.0.1", 0, echo_handler) as server:
        async with connect_channel(f"ws://127.0.0.1:{bound_port(server)}/mcp") as channel:
            assert isinstance(channel, MessageChannel)
            messages = [
                b'{"jsonrpc":"2.0","id":1,"method":"ping"}',
                '{"jsonrpc":"2.0","method":"x","params":{"s":"é ✓ \\u0000"}}'.encode(),
                b'{"jsonrpc":"2.0","id":"big","result":{"d":"' + b"y" * (5 * 1024 * 1024) + b'"}}',
            ]
            with anyio.fail_after(60):
                for m in messages:
                    await channel.send(m)
                for m in messages:
                    assert await channel.receive() == m


async def test_peer_going_away_ends_receive_and_fails_send() -> None:
    async def close_at_once(channel: WebSocketChannel) -> None:
        await channel.close()

    async with serve_channels("127.0.0.1", 0, close_at_once) as server:
        async with connect_channel(f"ws://127.0.0.1:{bound_port(server)}/") as channel:
            with anyio.fail_after(60):
                assert await channel.receive() is None
                with pytest.raises(ChannelClosed):
                    await channel.send(b"{}")


async def test_handshake_refuses_rebinding_host_foreign_origin_and_missing_subprotocol() -> None:
    async with serve_channels("127.0.0.1", 0, echo_handler) as server:
        port = bound_port(server)
        good = {"Host": f"127.0.0.1:{port}", "Sec-WebSocket-Protocol": "mcp"}
        assert await raw_handshake(port, good) == 101
        assert await raw_handshake(port, {**good, "Host": f"attacker.example:{port}"}) == 421
        assert await raw_handshake(port, {**good, "Origin": "https://attacker.example"}) == 403
        assert await raw_handshake(port, {"Host": f"127.0.0.1:{port}"}) == 400  # no "mcp" subprotocol


async def test_bearer_token_required_when_configured() -> None:
    guard = NetworkGuard.for_bind("127.0.0.1", TOKEN)
    async with serve_channels("127.0.0.1", 0, echo_handler, guard=guard) as server:
        url = f"ws://127.0.0.1:{bound_port(server)}/"
        with pytest.raises(ProxyError, match="401"):
            async with connect_channel(url):
                pass
        with pytest.raises(ProxyError, match="401"):
            async with connect_channel(url, token="wrong-token-wrong-token"):
                pass
        async with connect_channel(url, token=TOKEN) as channel:
            await channel.send(b'{"jsonrpc":"2.0","id":1,"method":"ping"}')
            with anyio.fail_after(60):
                assert await channel.receive() == b'{"jsonrpc":"2.0","id":1,"method":"ping"}'


async def test_client_refuses_a_server_without_the_mcp_subprotocol() -> None:
    from websockets.asyncio.server import serve

    async def handler(ws) -> None:  # type: ignore[no-untyped-def]
        await ws.wait_closed()

    async with serve(handler, "127.0.0.1", 0) as server:  # no subprotocols: an unrelated websocket server
        port = next(iter(server.sockets)).getsockname()[1]
        with pytest.raises(ProxyError, match="subprotocol"):
            async with connect_channel(f"ws://127.0.0.1:{port}/"):
                pass


async def test_unreachable_and_malformed_urls_give_clear_errors() -> None:
    with pytest.raises(ProxyError, match="not a websocket URL"):
        async with connect_channel("http://127.0.0.1:1/"):
            pass
    with pytest.raises(ProxyError, match="cannot connect"):
        async with connect_channel("ws://127.0.0.1:1/", open_timeout=2):
            pass


async def test_sdk_server_survives_a_malformed_frame() -> None:
    app = make_app()
    async with serve_mcp_websocket("127.0.0.1", 0, lambda r, w: run_app(app, r, w)) as server:
        url = f"ws://127.0.0.1:{bound_port(server)}/"
        async with connect(url, subprotocols=["mcp"]) as ws:  # type: ignore[list-item]
            await ws.send("this is not json")
            await ws.send('{"jsonrpc":"2.0","id":7,"method":"ping","params":{}}')
            with anyio.fail_after(60):
                while True:
                    reply = await ws.recv()
                    if '"id":7' in reply:
                        break


def test_raw_part_does_not_import_mcp() -> None:
    code = "import sys, aegis_mcp.transports.websocket as w; print('mcp' in sys.modules, 'mcp_types' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120).stdout
    assert out.split() == ["False", "False"]
