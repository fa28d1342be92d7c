"""The proxy's `--upstream http(s)://...`: a remote streamable HTTP MCP server as a `MessageChannel`.

The wire protocol is the mcp SDK's own client transport (`mcp.client.streamable_http`): session
ids, SSE responses, the GET stream for server-initiated messages, resumption and the DELETE on
close are the SDK's. This module only adapts it to the relay's bytes-in/bytes-out channel, and
adds what the SDK leaves to its `ClientSession` (which a relay does not have):
- the per-message HTTP headers: `MCP-Protocol-Version` (learned from the initialize answer in the
  handshake era; taken from each request's `_meta` in 2026-07-28, with `Mcp-Method`, `Mcp-Name`
  and the tools' declared `Mcp-Param-*` headers, as the SDK's client stamps them);
- failing one request instead of the whole connection when a POST cannot reach the server (the
  SDK's transport would end the session on a connect error: every later call would fail too).
The relay has judged (and recorded) every tools/call before `send` is called; what is POSTed is
the relay's own parse of the message, so the server cannot read it differently than we did.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from aegis_mcp.errors import ProxyError
from aegis_mcp.proxy import jsonrpc
from aegis_mcp.proxy.channel import ChannelClosed
from aegis_mcp.proxy.eras import PROTOCOL_VERSION_META_KEY
from aegis_mcp.transports.security import split_url

log = logging.getLogger("aegis_mcp.proxy")

_PROBE_TIMEOUT_S = 15.0
# A request whose POST could not be made is answered with this code (the relay's "upstream gone").
_UNREACHABLE = jsonrpc.UPSTREAM_GONE


def is_http_url(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def check_http_url(url: str) -> tuple[str, int, str]:
    """(host, port, path) of an http(s):// URL, or a ProxyError saying what is wrong with it."""
    host, port, path = split_url(url, ("http", "https"), "not an HTTP URL", "http(s)://HOST[:PORT]/PATH")
    return host, port, path or "/"


def _transport_class() -> type:
    """The SDK's transport with one change: a POST that fails at the HTTP layer fails its request only."""
    import httpx2
    from mcp.client.streamable_http import StreamableHTTPTransport
    from mcp_types import JSONRPCRequest

    class _Transport(StreamableHTTPTransport):  # type: ignore[misc]
        async def _handle_post_request(self, ctx: Any) -> None:
            try:
                await super()._handle_post_request(ctx)
            except (httpx2.HTTPError, OSError) as exc:
                message = ctx.session_message.message
                log.warning("upstream POST failed: %s", exc or type(exc).__name__)
                if isinstance(message, JSONRPCRequest):
                    await self._resolve_abandoned_request(
                        ctx.read_stream_writer, message.id,
                        f"aegis-mcp: upstream unreachable: {exc or type(exc).__name__}", code=_UNREACHABLE)

    return _Transport


class HttpUpstreamChannel:
    """One streamable HTTP connection (one MCP session) as the relay's upstream channel."""

    def __init__(self, url: str, read: Any, write: Any, read_writer: Any = None) -> None:
        self.url = url
        self._read = read
        self._write = write
        self._read_writer = read_writer  # to answer, as if from the server, a request we cannot POST
        self._closed = False
        self._methods: dict[Any, str] = {}  # id → method of our requests in flight (to read their answers)
        self._version: str | None = None  # negotiated by initialize (handshake era)
        self._param_headers: dict[str, dict[tuple[str, ...], str]] = {}  # tool → x-mcp-header map

    async def receive(self) -> bytes | None:
        import anyio

        while True:
            if self._closed:
                return None
            try:
                item = await self._read.receive()
            except (anyio.EndOfStream, anyio.ClosedResourceError, anyio.BrokenResourceError):
                self._closed = True
                return None
            if isinstance(item, Exception):  # an undecodable message: the SDK reports it, we skip it
                log.warning("upstream sent a message that is not JSON-RPC: %s", item)
                continue
            message = item.message
            data = message.model_dump_json(by_alias=True, exclude_unset=True).encode()
            method = self._methods.pop(getattr(message, "id", None), None) if hasattr(message, "result") or hasattr(message, "error") else None
            if method is not None and hasattr(message, "result"):
                self._learn(method, message.result)
            return data

    def _learn(self, method: str, result: Any) -> None:
        if not isinstance(result, dict):
            return
        if method == "initialize" and isinstance(result.get("protocolVersion"), str):
            self._version = result["protocolVersion"]
        elif method == "tools/list" and isinstance(result.get("tools"), list):
            from mcp.shared.inbound import find_invalid_x_mcp_header, x_mcp_header_map

            for tool in result["tools"]:
                if not isinstance(tool, dict) or not isinstance(tool.get("name"), str):
                    continue
                schema = tool.get("inputSchema")
                if isinstance(schema, dict) and find_invalid_x_mcp_header(schema) is None:
                    mapping = x_mcp_header_map(schema)
                    if mapping:
                        self._param_headers[tool["name"]] = mapping

    def _headers(self, obj: Mapping[str, Any]) -> dict[str, str] | None:
        """The per-message headers the SDK's ClientSession would stamp on this message."""
        from mcp.shared.inbound import (
            MCP_METHOD_HEADER,
            MCP_NAME_HEADER,
            MCP_PROTOCOL_VERSION_HEADER,
            NAME_BEARING_METHODS,
            encode_header_value,
            mcp_param_headers,
        )

        method = obj.get("method")
        params = obj.get("params")
        meta = params.get("_meta") if isinstance(params, dict) else None
        version = meta.get(PROTOCOL_VERSION_META_KEY) if isinstance(meta, dict) else None
        if isinstance(method, str) and "id" in obj and isinstance(version, str):  # a 2026-07-28 request
            assert isinstance(params, dict)
            headers = {MCP_PROTOCOL_VERSION_HEADER: version, MCP_METHOD_HEADER: method}
            name_key = NAME_BEARING_METHODS.get(method)
            if name_key is not None and isinstance(name := params.get(name_key), str):
                headers[MCP_NAME_HEADER] = encode_header_value(name)
            if method == "tools/call" and isinstance(name := params.get("name"), str):
                mapping = self._param_headers.get(name)
                arguments = params.get("arguments")
                if mapping and isinstance(arguments, dict):
                    headers.update(mcp_param_headers(mapping, arguments))
            return headers
        if method == "initialize" or self._version is None:
            return None
        return {MCP_PROTOCOL_VERSION_HEADER: self._version}

    async def send(self, data: bytes) -> None:
        import anyio
        from mcp.shared.message import ClientMessageMetadata, SessionMessage
        from mcp_types import jsonrpc_message_adapter

        if self._closed:
            raise ChannelClosed("upstream HTTP session closed")
        # The relay's own parse (exact integers, its reading of duplicate keys) is what gets POSTed.
        obj = jsonrpc.parse(data).obj
        try:
            message = jsonrpc_message_adapter.validate_python(obj, by_name=False)
        except ValueError as exc:  # valid JSON-RPC the SDK's MCP model refuses (e.g. params as an array)
            await self._refuse(obj, f"aegis-mcp: cannot send this message over streamable HTTP: {exc}")
            return
        if isinstance(obj.get("method"), str) and "id" in obj:
            self._methods[obj["id"]] = obj["method"]
        headers = self._headers(obj)
        metadata = ClientMessageMetadata(headers=headers) if headers else None
        try:
            await self._write.send(SessionMessage(message, metadata=metadata))
        except (anyio.ClosedResourceError, anyio.BrokenResourceError) as exc:
            self._closed = True
            raise ChannelClosed("upstream HTTP session closed") from exc

    async def _refuse(self, obj: Mapping[str, Any], why: str) -> None:
        log.warning("%s", why)
        if "method" in obj and "id" in obj and self._read_writer is not None:
            from mcp.shared.message import SessionMessage
            from mcp_types import ErrorData, JSONRPCError

            error = JSONRPCError(jsonrpc="2.0", id=obj["id"], error=ErrorData(code=jsonrpc.INVALID_REQUEST, message=why[:500]))
            with contextlib.suppress(Exception):
                await self._read_writer.send(SessionMessage(error))

    async def close(self) -> None:
        self._closed = True
        with contextlib.suppress(Exception):
            await self._write.aclose()


async def _probe(client: Any, url: str) -> None:
    """Fail at start, in one line, when the server cannot be reached or refuses our credentials."""
    import httpx2

    try:
        async with client.stream("GET", url, headers={"accept": "text/event-stream"},
                                 timeout=_PROBE_TIMEOUT_S) as response:
            status = response.status_code
    except httpx2.HTTPError as exc:
        raise ProxyError(f"cannot connect to {url}: {exc or type(exc).__name__}") from exc
    if status in (401, 403):
        raise ProxyError(f"{url} refused the proxy (HTTP {status}): set $AEGIS_MCP_UPSTREAM_TOKEN "
                         "or --upstream-header to the credentials the server expects")


@contextlib.asynccontextmanager
async def connect_http_channel(
    url: str, *, token: str | None = None, headers: Mapping[str, str] | None = None
) -> AsyncIterator[HttpUpstreamChannel]:
    """Connect to a streamable HTTP MCP endpoint; the session ends (DELETE) when the block exits."""
    check_http_url(url)
    from mcp.shared._httpx_utils import create_mcp_http_client

    default_headers = dict(headers or {})
    if token:
        default_headers["Authorization"] = f"Bearer {token}"
    client = create_mcp_http_client(headers=default_headers)
    async with client:
        await _probe(client, url)
        ready: asyncio.Future[HttpUpstreamChannel] = asyncio.get_running_loop().create_future()
        done = asyncio.Event()
        runner = asyncio.create_task(_run_transport(url, client, ready, done), name="http-upstream")
        try:
            await asyncio.wait({ready, runner}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:
            runner.cancel()
            raise
        if not ready.done():
            failure = runner.exception() if not runner.cancelled() else None
            raise ProxyError(f"cannot open an MCP session at {url}: {failure}")
        channel = ready.result()
        try:
            yield channel
        finally:
            await channel.close()
            done.set()
            try:
                await asyncio.wait_for(runner, 10.0)
            except (asyncio.TimeoutError, Exception):
                runner.cancel()


async def _run_transport(url: str, client: Any, ready: asyncio.Future[HttpUpstreamChannel], done: asyncio.Event) -> None:
    """Hold the SDK transport open in its own task: anyio's scopes must exit in the task that entered
    them, and a transport failure must end this channel (the relay then fails what is pending), not
    cancel the session that uses it."""
    async with _sdk_streams(url, client) as (read, write, read_writer):
        channel = HttpUpstreamChannel(url, read, write, read_writer)
        ready.set_result(channel)
        await done.wait()


@contextlib.asynccontextmanager
async def _sdk_streams(url: str, client: Any) -> AsyncIterator[tuple[Any, Any, Any]]:
    """`mcp.client.streamable_http.streamable_http_client`, built around our transport subclass
    (the SDK's function takes no transport argument); same streams, tasks and DELETE on close."""
    import anyio
    from mcp.shared._context_streams import create_context_streams
    from mcp.shared.message import SessionMessage

    transport = _transport_class()(url)
    read_stream_writer, read_stream = create_context_streams[SessionMessage | Exception](0)
    write_stream, write_stream_reader = create_context_streams[SessionMessage](0)
    async with read_stream_writer, read_stream, write_stream, write_stream_reader, anyio.create_task_group() as tg:

        def start_get_stream() -> None:
            tg.start_soon(transport.handle_get_stream, client, read_stream_writer)

        tg.start_soon(transport.post_writer, client, write_stream_reader, read_stream_writer, write_stream,
                      start_get_stream, tg)
        try:
            yield read_stream, write_stream, read_stream_writer
        finally:
            if transport.session_id:
                with anyio.move_on_after(5.0, shield=True):
                    await transport.terminate_session(client)
            tg.cancel_scope.cancel()


def upstream_headers(specs: list[str], environ: Mapping[str, str]) -> dict[str, str]:
    """`--upstream-header NAME=ENV_VAR` values: each header's value comes from the environment, so a
    secret (an API key) never appears on the command line; a missing variable is an error, not an
    empty header the server would refuse in some less clear way."""
    headers: dict[str, str] = {}
    for spec in specs:
        name, sep, var = spec.partition("=")
        name, var = name.strip(), var.strip()
        if not sep or not name or not var or any(c in name for c in " :\r\n"):
            raise ProxyError(f"--upstream-header {spec!r}: expected NAME=ENV_VAR (the value is read from $ENV_VAR)")
        value = environ.get(var)
        if value is None:
            raise ProxyError(f"--upstream-header {name}: ${var} is not set")
        if "\r" in value or "\n" in value:
            raise ProxyError(f"--upstream-header {name}: ${var} holds a line break")
        headers[name] = value
    return headers
