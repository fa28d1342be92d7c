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
import os
import signal
import sys
import uuid
from collections.abc import Callable
from typing import Any

from aegis_mcp.errors import AegisError, ProxyError
from aegis_mcp.proxy.channel import MessageChannel, StdioChannel, SubprocessChannel
from aegis_mcp.transports.security import NetworkGuard, token_from_env
from aegis_mcp.transports.websocket import WebSocketChannel, bound_port, check_ws_url, connect_channel, serve_channels

log = logging.getLogger("aegis_mcp.proxy")
UPSTREAM_TOKEN_ENV = "AEGIS_MCP_UPSTREAM_TOKEN"


async def run_session(options: Any, client: MessageChannel, upstream: MessageChannel | None = None) -> int:
    """One proxied connection, as `proxy.app.run_proxy` runs it, but over any pair of channels.

    Signals are the caller's business here (a listener serves many sessions at once).
    """
    from aegis_mcp.proxy.app import DeferredInterceptor, _build_interceptor, derive_server_name
    from aegis_mcp.proxy.relay import Relay

    session_id = uuid.uuid4().hex
    server = options.server_name or derive_server_name(options.command)
    spawned: SubprocessChannel | None = None
    if upstream is None:
        spawned = await SubprocessChannel.spawn(options.command, env=options.upstream_env)
        upstream = spawned
    loop = asyncio.get_running_loop()
    ready = loop.create_task(_build_interceptor(options, session_id, server))
    relay = Relay(client, upstream, DeferredInterceptor(ready), upstream_exited=spawned.wait if spawned else None)
    relay_task = loop.create_task(relay.run())
    try:
        done, _ = await asyncio.wait({relay_task, ready}, return_when=asyncio.FIRST_COMPLETED)
        if ready in done and ready.exception() is not None:
            print(f"aegis-mcp proxy: cannot start the firewall: {ready.exception()}", file=sys.stderr)
            await relay._fail_pending()  # answer what is in flight: fail closed, never forward
            await relay.shutdown()
            return 2
        return await relay_task
    finally:
        relay_task.cancel()
        with contextlib.suppress(BaseException):
            await relay.shutdown()
        if spawned is not None:
            spawned.kill_now()
        if not ready.done():
            ready.cancel()


def _stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def serve(options: Any, *, listen: str | None, upstream: str | None, guard: NetworkGuard | None,
                upstream_token: str | None) -> int:
    stop = _stop_event()
    if listen:
        host, port = check_ws_url(listen)
        assert guard is not None

        async def on_channel(channel: WebSocketChannel) -> None:
            try:
                if upstream:
                    async with connect_channel(upstream, token=upstream_token) as up:
                        await run_session(options, channel, up)
                else:
                    await run_session(options, channel)
            except AegisError as exc:
                log.error("session ended: %s", exc)

        async with serve_channels(host, port, on_channel, guard=guard) as server:
            url_host = f"[{host}]" if ":" in host else host
            print(f"aegis-mcp proxy: listening on ws://{url_host}:{bound_port(server)}/", file=sys.stderr, flush=True)
            await stop.wait()
        return 0
    assert upstream is not None
    client = await StdioChannel.open()
    async with connect_channel(upstream, token=upstream_token) as up:
        session = asyncio.create_task(run_session(options, client, up))
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({session, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if session in done:
            return session.result()
        session.cancel()
        with contextlib.suppress(BaseException):
            await session
        return 0


def run_networked(options: Any, *, listen: str | None, upstream: str | None, has_command: bool,
                  setup_logging: Callable[[], None]) -> int:
    """`aegis-mcp proxy` with --listen and/or --upstream (options built by aegis_mcp.commands.proxy)."""
    if upstream and has_command:
        print("aegis-mcp proxy: give either --upstream URL or a command after `--`, not both", file=sys.stderr)
        return 2
    if not upstream and not has_command:
        print("aegis-mcp proxy: --listen needs the upstream: a command after `--`, or --upstream ws://...", file=sys.stderr)
        return 2
    try:
        for url in (listen, upstream):
            if url:
                check_ws_url(url)
        guard = None
        if listen:
            host, _ = check_ws_url(listen)
            guard = NetworkGuard.for_bind(host, token_from_env())
    except AegisError as exc:
        print(f"aegis-mcp proxy: {exc}", file=sys.stderr)
        return 2
    setup_logging()
    try:
        return asyncio.run(serve(options, listen=listen, upstream=upstream, guard=guard,
                                 upstream_token=os.environ.get(UPSTREAM_TOKEN_ENV) or None))
    except ProxyError as exc:
        print(f"aegis-mcp proxy: {exc}", file=sys.stderr)
        return 1
