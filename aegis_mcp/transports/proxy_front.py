"""The proxy over websocket: `aegis-mcp proxy --listen ws://127.0.0.1:PORT` and `--upstream ws://...`.

- `--listen`: clients connect over our websocket transport; each connection gets its own session
  (and, unless `--upstream` is given, its own upstream process), exactly like one stdio proxy.
- `--upstream`: instead of spawning a command, the proxy connects to an MCP server that speaks
  our websocket transport (client side: stdio, or `--listen`).
The relay, engine and ledger are the proxy's own; only the channels differ. Tokens come from the
environment, never the command line (visible to every user in `ps`): $AEGIS_MCP_TOKEN for the
listening side, $AEGIS_MCP_UPSTREAM_TOKEN for the upstream.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from typing import Any

from aegis_mcp.errors import AegisError
from aegis_mcp.proxy.channel import StdioChannel
from aegis_mcp.transports.security import NetworkGuard
from aegis_mcp.transports.websocket import bound_port, check_ws_url, connect_channel, serve_channels

log = logging.getLogger("aegis_mcp.proxy")
UPSTREAM_TOKEN_ENV = "AEGIS_MCP_UPSTREAM_TOKEN"


def _stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


def _connect(url: str, token: str | None, headers: dict[str, str] | None) -> Any:
    """The upstream's channel: streamable HTTP for http(s):// (transports/http_upstream.py), else websocket."""
    from aegis_mcp.transports.http_upstream import connect_http_channel, is_http_url

    if is_http_url(url):
        return connect_http_channel(url, token=token, headers=headers)
    return connect_channel(url, token=token)


async def serve(options: Any, *, listen: str | None, upstream: str | None, guard: NetworkGuard | None,
                upstream_token: str | None, on_listening: Callable[[str], None] = lambda url: None,
                upstream_headers: dict[str, str] | None = None) -> int:
    """Serve until signalled; `on_listening(url)` is told the bound address (port 0 picks one)."""
    from aegis_mcp.proxy.app import run_proxy

    stop = _stop_event()
    if listen:
        assert guard is not None

        async def on_channel(channel: Any) -> None:
            try:
                if upstream:
                    async with _connect(upstream, upstream_token, upstream_headers) as up:
                        await run_proxy(options, channel, up, handle_signals=False)
                else:
                    await run_proxy(options, channel, handle_signals=False)
            except AegisError as exc:
                log.error("session ended: %s", exc)

        from aegis_mcp.transports.http_upstream import is_http_url

        if is_http_url(listen):  # streamable HTTP clients: transports/http_front.py
            from aegis_mcp.transports.http_front import serve_http_front

            await serve_http_front(listen, guard, on_channel, stop, on_listening)
            return 0
        host, port = check_ws_url(listen)
        async with serve_channels(host, port, on_channel, guard=guard) as server:
            url_host = f"[{host}]" if ":" in host else host
            on_listening(f"ws://{url_host}:{bound_port(server)}/")
            await stop.wait()
        return 0
    assert upstream is not None
    client = await StdioChannel.open()
    async with _connect(upstream, upstream_token, upstream_headers) as up:
        session = asyncio.create_task(run_proxy(options, client, up, handle_signals=False))
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({session, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if session in done:
            return session.result()
        session.cancel()
        with contextlib.suppress(BaseException):
            await session
        return 0
