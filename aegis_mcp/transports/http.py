"""Streamable HTTP hosting for an SDK `MCPServer` (the audit server), behind our `NetworkGuard`.

The SDK's streamable HTTP app does the protocol; we add the guard in front of it (Host/Origin
against DNS rebinding, the bearer token) so every request, including the SDK's own GET/DELETE
routes, is checked the same way as on our websocket transport, and we serve it with uvicorn on a
socket we bind ourselves (so port 0 works and the real port is known before serving).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from aegis_mcp.transports.security import NetworkGuard

if TYPE_CHECKING:
    from mcp.server import MCPServer

log = logging.getLogger(__name__)
MCP_PATH = "/mcp"


class GuardMiddleware:
    """ASGI middleware: refuse any HTTP or websocket request the guard rejects, before the app sees it."""

    def __init__(self, app: ASGIApp, guard: NetworkGuard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            # Repeated headers would collapse in a dict; refuse them instead of picking one.
            names = [k for k, _ in scope.get("headers", [])]
            for name in (b"host", b"origin", b"authorization"):
                if names.count(name) > 1:
                    await PlainTextResponse(f"repeated {name.decode()} header\n", status_code=400)(scope, receive, send)
                    return
            rejection = self.guard.check(headers)
            if rejection is not None:
                log.warning("HTTP request refused: %s", rejection.message)
                extra = {"WWW-Authenticate": "Bearer"} if rejection.status == 401 else None
                response = PlainTextResponse(rejection.message + "\n", status_code=rejection.status, headers=extra)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def build_http_app(server: MCPServer, guard: NetworkGuard, *, path: str = MCP_PATH) -> ASGIApp:
    """The SDK's streamable HTTP app for `server`, wrapped in the guard."""
    from mcp.server.transport_security import TransportSecuritySettings

    # Our guard replaces the SDK's host check (which wants exact host:port strings); keep the
    # SDK's content-type validation, which runs regardless.
    inner = server.streamable_http_app(
        streamable_http_path=path,
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
        host=guard.bind_host,
    )
    return GuardMiddleware(inner, guard)


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket (IPv6 when the host is an IPv6 address)."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


async def serve_http(
    app: ASGIApp, sock: socket.socket, *, on_ready: Callable[[int], Any] | None = None, log_level: str = "warning"
) -> None:
    """Serve `app` with uvicorn on an already-bound socket until cancelled."""
    import uvicorn

    config = uvicorn.Config(app, log_level=log_level, lifespan="on", access_log=False)
    server = uvicorn.Server(config)
    if on_ready is not None:
        on_ready(int(sock.getsockname()[1]))
    await server.serve(sockets=[sock])
