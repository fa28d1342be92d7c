"""The proxy's `--listen http://127.0.0.1:PORT/mcp`: serve MCP clients over streamable HTTP.

Each HTTP session (one `initialize`, one `Mcp-Session-Id`) is one proxy session — its own relay,
ledger session and, unless `--upstream` names a remote server, its own upstream process — exactly
like one stdio proxy or one websocket connection. The HTTP protocol itself (POST → JSON or SSE,
the GET stream, DELETE, session ids, Accept/Content-Type checks) is the mcp SDK's
`StreamableHTTPServerTransport`, one per session; this module keeps the table of sessions (the
SDK's session manager is built around its own server, not a relay) and adapts each transport to
the relay's bytes-in/bytes-out channel. Every request first passes the same `NetworkGuard` as the
websocket front and the audit server (Host/Origin against DNS rebinding; the bearer token off
loopback).

Era: sessions are a handshake-era (2024-11-05 … 2025-11-25) notion. A request that names a
2026-07-28 protocol version in its header has no session: transports/http_modern.py serves it.
"""

from __future__ import annotations

import collections
import itertools
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from aegis_mcp.proxy import jsonrpc
from aegis_mcp.proxy.channel import ChannelClosed
from aegis_mcp.transports.http import GuardMiddleware, bind_socket
from aegis_mcp.transports.security import NetworkGuard

log = logging.getLogger("aegis_mcp.proxy")

SESSION_IDLE_TIMEOUT_S = 30 * 60.0  # an abandoned session (no request, no GET stream) ends its upstream
MAX_REQUEST_BYTES = 16 * 1024 * 1024  # a tool call's arguments can be a whole file
MAX_SESSIONS = 256  # each may own an upstream process
_SESSION_HEADER = "mcp-session-id"
_RETRY_MS = 1000  # the reconnection delay suggested to a client whose SSE stream broke


class _RecentEvents:
    """A session's last few SSE events, so a client whose stream broke mid-call can resume it
    (`Last-Event-ID`, SEP-1699) instead of losing the answer. Bounded by count: a tool result can
    be megabytes, and a resumption is for the moment just past, not for history."""

    def __init__(self, keep: int = 64) -> None:
        self._events: collections.OrderedDict[str, tuple[str, Any]] = collections.OrderedDict()
        self._ids = itertools.count(1)
        self._keep = keep

    def base(self) -> Any:
        from mcp.server.streamable_http import EventMessage, EventStore

        events = self

        class Store(EventStore):  # type: ignore[misc]
            async def store_event(self, stream_id: str, message: Any) -> str:
                event_id = str(next(events._ids))
                events._events[event_id] = (stream_id, message)
                while len(events._events) > events._keep:
                    events._events.popitem(last=False)
                return event_id

            async def replay_events_after(self, last_event_id: str, send_callback: Any) -> str | None:
                found = events._events.get(last_event_id)
                if found is None:
                    return None
                stream_id, after = found[0], False
                for event_id, (stream, message) in list(events._events.items()):
                    if after and stream == stream_id and message is not None:  # (None: a priming event)
                        await send_callback(EventMessage(message, event_id))
                    after = after or event_id == last_event_id
                return stream_id

        return Store()


class HttpSessionChannel:
    """One HTTP session's SDK transport streams as the relay's client channel.

    Routing what the upstream sends: a response goes to the POST that asked (the transport matches
    ids); a progress notification to the request that declared its token; any other message from
    the server (a log line, a sampling or elicitation request) to the most recent request still in
    flight, else to the client's GET stream. The server of a stdio upstream cannot say which
    request a message belongs to, and "the call that is running" is what the spec asks for.
    """

    def __init__(self, read: Any, write: Any) -> None:
        self._read = read
        self._write = write
        self._closed = False
        self._in_flight: dict[Any, Any] = {}  # request id → its progress token (None without one)

    async def receive(self) -> bytes | None:
        while not self._closed:
            try:
                item = await self._read.receive()
            except (anyio.EndOfStream, anyio.ClosedResourceError, anyio.BrokenResourceError):
                self._closed = True
                return None
            if isinstance(item, Exception):  # the transport has already answered a malformed POST
                log.debug("HTTP front: undecodable message: %s", item)
                continue
            message = item.message
            method = getattr(message, "method", None)
            msg_id = getattr(message, "id", None)
            params = getattr(message, "params", None) or {}
            if method is not None and msg_id is not None:
                meta = params.get("_meta") if isinstance(params, dict) else None
                self._in_flight[msg_id] = meta.get("progressToken") if isinstance(meta, dict) else None
            elif method == "notifications/cancelled" and isinstance(params, dict):
                self._in_flight.pop(params.get("requestId"), None)  # no answer will come: route nothing to it
            return message.model_dump_json(by_alias=True, exclude_unset=True).encode()
        return None

    def _related(self, obj: dict[str, Any]) -> Any:
        if obj.get("method") == "notifications/progress":
            params = obj.get("params")
            token = params.get("progressToken") if isinstance(params, dict) else None
            for msg_id, declared in self._in_flight.items():
                if declared is not None and declared == token:
                    return msg_id
        return next(reversed(self._in_flight), None)

    async def send(self, data: bytes) -> None:
        from mcp.shared.message import ServerMessageMetadata, SessionMessage
        from mcp_types import jsonrpc_message_adapter

        if self._closed:
            raise ChannelClosed("HTTP session closed")
        obj = jsonrpc.parse(data).obj
        try:
            message = jsonrpc_message_adapter.validate_python(obj, by_name=False)
        except ValueError as exc:  # valid JSON-RPC the SDK's MCP model refuses (e.g. params as an array)
            log.warning("HTTP front: cannot send an upstream message to the client: %s", exc)
            if "method" in obj or obj.get("id") is None:
                return  # a notification or request nobody waits on: dropped, the session goes on
            message = jsonrpc_message_adapter.validate_python(
                {"jsonrpc": "2.0", "id": obj["id"], "error": {"code": jsonrpc.INTERNAL_ERROR,
                                                              "message": "aegis-mcp: the server's answer is not valid MCP"}},
                by_name=False)
            obj = {"id": obj["id"]}
        metadata = None
        if "method" not in obj:  # a response: its POST is found by id
            self._in_flight.pop(obj.get("id"), None)
        else:
            related = self._related(obj)
            if related is not None:
                metadata = ServerMessageMetadata(related_request_id=related)
        try:
            await self._write.send(SessionMessage(message, metadata=metadata))
        except (anyio.ClosedResourceError, anyio.BrokenResourceError) as exc:
            self._closed = True
            raise ChannelClosed("HTTP session closed") from exc

    async def close(self) -> None:
        self._closed = True


OnSession = Callable[[Any], Awaitable[Any]]  # gets a HttpSessionChannel or the shared ModernChannel


class HttpFront:
    """The ASGI app: a table of sessions, each an SDK transport plus a proxy session task."""

    def __init__(self, on_session: OnSession, task_group: Any, *, path: str = "/mcp",
                 idle_timeout: float | None = SESSION_IDLE_TIMEOUT_S) -> None:
        self._on_session = on_session
        self._tg = task_group
        self._path = path.rstrip("/") or "/"
        self._idle_timeout = idle_timeout
        self._sessions: dict[str, Any] = {}
        from aegis_mcp.transports.http_modern import ModernSessions

        self._modern = ModernSessions(on_session, task_group)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        if (scope.get("path", "").rstrip("/") or "/") != self._path:
            await Response("not found\n", status_code=404, media_type="text/plain")(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        session_id = headers.get(_SESSION_HEADER)
        if session_id is not None:
            transport = self._sessions.get(session_id)
            if transport is None:
                await _rpc_error(None, jsonrpc.INVALID_REQUEST, "Session not found", 404)(scope, receive, send)
                return
            await transport.handle_request(scope, receive, send)
            if transport.is_terminated:  # the client's DELETE: forget it now
                await self._discard(session_id, transport)
            return
        if _modern(headers.get("mcp-protocol-version")):  # 2026-07-28: no session (transports/http_modern.py)
            from aegis_mcp.transports.http_modern import handle_modern

            await handle_modern(self._modern, scope, receive, send)
            return
        if scope.get("method") != "POST":
            await _rpc_error(None, jsonrpc.INVALID_REQUEST, "Bad Request: missing Mcp-Session-Id", 400)(scope, receive, send)
            return
        if len(self._sessions) >= MAX_SESSIONS:
            await _rpc_error(None, jsonrpc.INTERNAL_ERROR, "Too many open sessions", 503)(scope, receive, send)
            return
        await self._open(scope, receive, send)

    async def _open(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A request without a session: only an initialize opens one (the transport refuses the rest)."""
        from mcp.server.streamable_http import StreamableHTTPServerTransport
        from mcp.server.transport_security import TransportSecuritySettings

        session_id = uuid.uuid4().hex
        transport = StreamableHTTPServerTransport(
            mcp_session_id=session_id,
            # Our NetworkGuard has checked Host/Origin/token already (GuardMiddleware).
            security_settings=TransportSecuritySettings(enable_dns_rebinding_protection=False),
            idle_timeout=self._idle_timeout,
            event_store=_RecentEvents().base(),
            retry_interval=_RETRY_MS,
        )
        self._sessions[session_id] = transport

        async def run(*, task_status: Any = anyio.TASK_STATUS_IGNORED) -> None:
            try:
                async with transport.connect() as (read, write):
                    task_status.started()
                    scope_ = transport.idle_scope if transport.idle_scope is not None else anyio.CancelScope()
                    with scope_:
                        await self._on_session(HttpSessionChannel(read, write))
                    if scope_.cancelled_caught:
                        log.info("HTTP session %s idle for too long: closed", session_id[:8])
            except Exception:
                log.exception("HTTP session %s failed", session_id[:8])
            finally:
                await self._discard(session_id, transport)

        established = False
        try:
            await self._tg.start(run)
            status = await _status_of(transport.handle_request, scope, receive, send)
            established = status is not None and status < 400
        finally:
            if not established:
                await self._discard(session_id, transport)

    async def _discard(self, session_id: str, transport: Any) -> None:
        self._sessions.pop(session_id, None)
        if not transport.is_terminated:
            with anyio.CancelScope(shield=True):
                await transport.terminate()


def _modern(version: str | None) -> bool:
    from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS

    return version is not None and version not in HANDSHAKE_PROTOCOL_VERSIONS


def _rpc_error(msg_id: Any, code: int, message: str, status: int) -> Response:
    return Response(jsonrpc.error_response(msg_id, code, message), status_code=status, media_type="application/json")


async def _status_of(app: Callable[[Scope, Receive, Send], Awaitable[None]], scope: Scope, receive: Receive,
                     send: Send) -> int | None:
    status: int | None = None

    async def watch(message: Any) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        await send(message)

    await app(scope, receive, watch)
    return status


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def check_http_listen(url: str) -> tuple[str, int, str]:
    """(host, port, path) of a `--listen http://HOST:PORT/PATH` URL (plain http only: TLS belongs to a
    reverse proxy in front), or a ProxyError."""
    from aegis_mcp.errors import ProxyError
    from aegis_mcp.transports.http_upstream import check_http_url

    host, port, path = check_http_url(url)
    if not url.lower().startswith("http://"):
        raise ProxyError(f"--listen serves plain http:// (put TLS in a reverse proxy in front): {url!r}")
    return host, port, "/mcp" if path in ("", "/") else path


async def serve_http_front(url: str, guard: NetworkGuard, on_session: OnSession, stop: anyio.Event | Any,
                           on_listening: Callable[[str], None]) -> None:
    """Listen on `url` until `stop` is set; each new HTTP session runs `on_session(channel)`."""
    import uvicorn

    from aegis_mcp.errors import ProxyError
    from mcp.server.transport_security import RequestBodyLimitMiddleware

    host, port, path = check_http_listen(url)
    try:
        sock = bind_socket(host, port)
    except OSError as exc:
        raise ProxyError(f"cannot listen on {host}:{port}: {exc}") from exc
    async with anyio.create_task_group() as tg:
        front = HttpFront(on_session, tg, path=path)
        app = GuardMiddleware(RequestBodyLimitMiddleware(front, MAX_REQUEST_BYTES), guard)
        # uvicorn captures SIGINT/SIGTERM while it serves and raises them again once it has shut
        # down, so a signal ends the server first and then reaches the proxy's own `stop`.
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False,
                                               timeout_graceful_shutdown=3))
        url_host = f"[{host}]" if ":" in host else host
        on_listening(f"http://{url_host}:{sock.getsockname()[1]}{path}")
        served = anyio.Event()

        async def serve() -> None:
            try:
                await server.serve(sockets=[sock])
            except Exception:
                log.exception("the HTTP front failed")
            finally:
                served.set()
                stop.set()

        tg.start_soon(serve)
        await stop.wait()
        server.should_exit = True
        with anyio.move_on_after(5):
            await served.wait()
        tg.cancel_scope.cancel()  # the sessions still open: their proxies end their upstreams
