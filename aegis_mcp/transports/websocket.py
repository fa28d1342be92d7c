"""Our websocket transport for MCP (the mcp 2.x SDK ships none): subprotocol "mcp", one text frame per message.

Two faces over the same wire format:
- raw-bytes channels (`WebSocketChannel`, `connect_channel`, `serve_channels`) that satisfy the
  proxy's `MessageChannel` protocol; this part imports no `mcp` (importing it costs ~1 s and the
  proxy's start path must stay lean);
- SDK-style `(read_stream, write_stream)` context managers (`websocket_client`,
  `serve_mcp_websocket`) for an MCP server or client built on the SDK; `mcp` is imported lazily
  inside them.

Every listening side is guarded by a `NetworkGuard` (Host/Origin, bearer token) before the
websocket handshake completes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.http11 import Request, Response

from aegis_mcp.errors import ProxyError
from aegis_mcp.proxy.channel import MAX_MESSAGE_BYTES, ChannelClosed
from aegis_mcp.transports.security import NetworkGuard, split_url

if TYPE_CHECKING:  # only for annotations: never imported at run time by the raw part
    from mcp.shared._stream_protocols import ReadStream, WriteStream
    from mcp.shared.message import SessionMessage

SUBPROTOCOL = "mcp"
logger = logging.getLogger(__name__)

# The handshake's own limits: MCP messages can be large (a 1 MB tool result is ordinary), far
# above websockets' 1 MiB default; compression is off because both ends are usually local and
# per-message deflate costs CPU on every frame.
_WS_OPTIONS: dict[str, Any] = {"max_size": MAX_MESSAGE_BYTES, "compression": None, "ping_interval": 20}


class WebSocketChannel:
    """One websocket connection as a `MessageChannel`: whole JSON-RPC messages as bytes."""

    def __init__(self, connection: ServerConnection | ClientConnection) -> None:
        self._ws = connection
        self._closed = False

    @property
    def connection(self) -> ServerConnection | ClientConnection:
        return self._ws

    async def receive(self) -> bytes | None:
        """The next message (text or binary frame, as UTF-8 bytes); None once the peer has gone."""
        if self._closed:
            return None
        try:
            return await self._ws.recv(decode=False)
        except ConnectionClosed:
            self._closed = True
            return None

    async def send(self, data: bytes) -> None:
        if self._closed:
            raise ChannelClosed("websocket closed")
        try:
            # text=True sends the bytes as a text frame without a decode/encode round trip.
            await self._ws.send(data, text=True)
        except ConnectionClosed as exc:
            self._closed = True
            raise ChannelClosed(f"websocket peer went away: {exc}") from exc

    async def close(self) -> None:
        self._closed = True
        with contextlib.suppress(Exception):
            await self._ws.close()


def _auth_headers(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


def check_ws_url(url: str) -> tuple[str, int]:
    """The (host, port) of a ws:// URL, or a ProxyError saying what is wrong with it."""
    return split_url(url, ("ws", "wss"), "not a websocket URL", "ws://HOST:PORT[/path]")[:2]


@contextlib.asynccontextmanager
async def connect_channel(
    url: str, *, token: str | None = None, origin: str | None = None, open_timeout: float = 10.0
) -> AsyncIterator[WebSocketChannel]:
    """Connect to a websocket MCP endpoint (e.g. the proxy's `--upstream ws://...`)."""
    check_ws_url(url)
    try:
        connection = await connect(
            url,
            subprotocols=[SUBPROTOCOL],  # type: ignore[list-item]
            additional_headers=_auth_headers(token),
            origin=origin,  # type: ignore[arg-type]
            open_timeout=open_timeout,
            **_WS_OPTIONS,
        )
    except (OSError, InvalidHandshake, InvalidURI, asyncio.TimeoutError) as exc:
        raise ProxyError(f"cannot connect to {url}: {exc}") from exc
    if connection.subprotocol != SUBPROTOCOL:
        await connection.close(1002, "the mcp subprotocol is required")
        raise ProxyError(f"{url} did not accept the {SUBPROTOCOL!r} websocket subprotocol")
    channel = WebSocketChannel(connection)
    try:
        yield channel
    finally:
        await channel.close()


def _process_request(guard: NetworkGuard) -> Callable[[ServerConnection, Request], Response | None]:
    """The handshake hook: refuse before upgrading, so a refused peer never gets a websocket."""

    def process_request(connection: ServerConnection, request: Request) -> Response | None:
        rejection = guard.check(_header_map(request.headers))
        if rejection is None and SUBPROTOCOL not in _offered_subprotocols(request.headers):
            return connection.respond(400, f"the {SUBPROTOCOL!r} websocket subprotocol is required\n")
        if rejection is not None:
            logger.warning("websocket request refused: %s", rejection.message)
            response = connection.respond(rejection.status, rejection.message + "\n")
            if rejection.status == 401:
                response.headers["WWW-Authenticate"] = "Bearer"
            return response
        return None

    return process_request


def _header_map(headers: Headers) -> dict[str, str]:
    # Repeated headers (two Host lines, two Origins) are joined, so they can never match an allowed value.
    out: dict[str, str] = {}
    for name in {k.lower() for k in headers.keys()}:
        out[name] = ", ".join(headers.get_all(name))
    return out


def _offered_subprotocols(headers: Headers) -> set[str]:
    offered: set[str] = set()
    for value in headers.get_all("Sec-WebSocket-Protocol"):
        offered.update(p.strip() for p in value.split(","))
    return offered


@contextlib.asynccontextmanager
async def serve_channels(
    host: str,
    port: int,
    on_channel: Callable[[WebSocketChannel], Awaitable[None]],
    *,
    guard: NetworkGuard | None = None,
) -> AsyncIterator[Server]:
    """Listen on host:port; run `on_channel(channel)` for each accepted connection.

    The connection is closed when `on_channel` returns. The yielded server's `.sockets` give the
    bound port (use port 0 for an ephemeral one: see `bound_port`).
    """
    guard = guard or NetworkGuard.for_bind(host)

    async def handler(connection: ServerConnection) -> None:
        channel = WebSocketChannel(connection)
        try:
            await on_channel(channel)
        finally:
            await channel.close()

    try:
        server = await serve(
            handler,
            host,
            port,
            subprotocols=[SUBPROTOCOL],  # type: ignore[list-item]
            process_request=_process_request(guard),
            **_WS_OPTIONS,
        )
    except OSError as exc:
        raise ProxyError(f"cannot listen on {host}:{port}: {exc}") from exc
    try:
        yield server
    finally:
        server.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(server.wait_closed(), 5.0)


def bound_port(server: Server) -> int:
    """The TCP port a server is listening on (useful after binding port 0)."""
    return int(next(iter(server.sockets)).getsockname()[1])


# ---------------------------------------------------------------------------------------------
# SDK face: (read_stream, write_stream) pairs of SessionMessage, like the SDK's stdio transport.
# ---------------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def sdk_streams(
    channel: WebSocketChannel,
) -> AsyncIterator[tuple[ReadStream[SessionMessage | Exception], WriteStream[SessionMessage]]]:
    """Adapt one websocket channel to the SDK's stream pair (used by both client and server)."""
    import anyio
    import mcp_types as types
    from mcp.shared.message import SessionMessage

    read_writer, read_stream = anyio.create_memory_object_stream[SessionMessage | Exception](0)
    write_stream, write_reader = anyio.create_memory_object_stream[SessionMessage](0)

    async def reader() -> None:
        async with read_writer:
            while (data := await channel.receive()) is not None:
                try:
                    message = types.jsonrpc_message_adapter.validate_json(data, by_name=False)
                except Exception as exc:  # the SDK reports a bad message as an exception item
                    await read_writer.send(exc)
                    continue
                await read_writer.send(SessionMessage(message))

    async def writer() -> None:
        async with write_reader:
            async for session_message in write_reader:
                body = session_message.message.model_dump_json(by_alias=True, exclude_unset=True)
                try:
                    await channel.send(body.encode())
                except ChannelClosed:
                    return

    async with anyio.create_task_group() as tg:
        tg.start_soon(reader)
        tg.start_soon(writer)
        try:
            yield read_stream, write_stream
        finally:
            await channel.close()
            tg.cancel_scope.cancel()


@contextlib.asynccontextmanager
async def websocket_client(
    url: str, *, token: str | None = None, origin: str | None = None
) -> AsyncIterator[tuple[ReadStream[SessionMessage | Exception], WriteStream[SessionMessage]]]:
    """An SDK transport: `async with websocket_client(url) as (read, write): ClientSession(read, write)`.

    Also usable as `mcp.Client(websocket_client(url))`.
    """
    async with connect_channel(url, token=token, origin=origin) as channel:
        async with sdk_streams(channel) as streams:
            yield streams


ServeSession = Callable[[Any, Any], Awaitable[None]]


@contextlib.asynccontextmanager
async def serve_mcp_websocket(
    host: str, port: int, run_session: ServeSession, *, guard: NetworkGuard | None = None
) -> AsyncIterator[Server]:
    """Serve an SDK server over websocket: `run_session(read, write)` runs once per connection.

    For an `MCPServer` named `app`:
    `run_session = lambda r, w: app._lowlevel_server.run(r, w, app._lowlevel_server.create_initialization_options())`.
    """

    async def on_channel(channel: WebSocketChannel) -> None:
        async with sdk_streams(channel) as (read_stream, write_stream):
            await run_session(read_stream, write_stream)

    async with serve_channels(host, port, on_channel, guard=guard) as server:
        yield server
