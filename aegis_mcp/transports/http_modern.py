"""The proxy's HTTP front for 2026-07-28 requests: sessionless POSTs, multiplexed into one proxy session.

The 2026-07-28 revision has no sessions: each POST is one self-describing request (its `_meta`
carries the protocol version and the client's identity), answered with JSON, or with an SSE stream
when notifications (progress) come first. There is nothing per client to keep, so all such
requests share one proxy session (one relay, one upstream: a spawned server or the `--upstream`
one), started on the first request and again if it ends. Ids from different clients would
collide there, so each request gets a unique id on the way in and its own id back on the way out.
The envelope checks (version/method/name headers against the body) are the SDK's own
(`mcp.shared.inbound.classify_inbound_request`), answered with the SDK's HTTP status table.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from aegis_mcp.proxy import jsonrpc

log = logging.getLogger("aegis_mcp.proxy")

_ID_PREFIX = "aegis-http/"
# Every frame of a subscriptions/listen stream names the listen request's id here (so it is rewritten too).
SUBSCRIPTION_ID_META_KEY = "io.modelcontextprotocol/subscriptionId"
_FIRST_EVENT_WAIT_S = 15.0  # as the SDK: answer in JSON if nothing but the answer comes in this time
_PING_S = 15.0
_LIST_PAGES = 20  # tools/list pages read to find a tool's schema (a broken paginator must not loop)
_LIST_TIMEOUT_S = 30.0
_SSE_HEADERS = [(b"content-type", b"text/event-stream"), (b"cache-control", b"no-cache, no-transform"),
                (b"connection", b"keep-alive"), (b"x-accel-buffering", b"no")]


class ModernChannel:
    """The shared session's client channel: requests from many POSTs in, each answer to its POST."""

    # Many clients share this session: the relay names each call's client from its own request's
    # _meta clientInfo, not the first request's (Relay.client_info_for).
    per_request_identity = True

    def __init__(self) -> None:
        self._incoming: asyncio.Queue[bytes | None] = asyncio.Queue()
        self._waiters: dict[str, tuple[asyncio.Queue[bytes], Any]] = {}  # proxy id → (its queue, progress token)
        self._ids = itertools.count(1)
        self._listing: set[str] = set()  # proxy ids of tools/list requests (their answers teach us the schemas)
        self.schemas: dict[str, Any] = {}  # tool name → inputSchema, for the Mcp-Param-* header checks
        self.closed = False

    def submit(self, obj: dict[str, Any]) -> tuple[str, asyncio.Queue[bytes]]:
        proxy_id = f"{_ID_PREFIX}{next(self._ids)}"
        params = obj.get("params")
        meta = params.get("_meta") if isinstance(params, dict) else None
        token = meta.get("progressToken") if isinstance(meta, dict) else None
        if token is not None:  # clients pick tokens independently (often = their request id): ours is unique
            obj = {**obj, "params": {**params, "_meta": {**meta, "progressToken": proxy_id}}}  # type: ignore[dict-item]
        queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._waiters[proxy_id] = (queue, token)
        if obj.get("method") == "tools/list":
            self._listing.add(proxy_id)
        self._incoming.put_nowait(jsonrpc.dumps({**obj, "id": proxy_id}))
        return proxy_id, queue

    def abandon(self, proxy_id: str) -> None:
        """The client hung up (the 2026 way to cancel over HTTP): tell the upstream, forget the POST."""
        if self._waiters.pop(proxy_id, None) is not None and not self.closed:
            self._incoming.put_nowait(jsonrpc.dumps({"jsonrpc": "2.0", "method": "notifications/cancelled",
                                                     "params": {"requestId": proxy_id, "reason": "client disconnected"}}))

    async def receive(self) -> bytes | None:
        if self.closed:
            return None
        data = await self._incoming.get()
        if data is None:
            self.closed = True
        return data

    async def send(self, data: bytes) -> None:
        msg = jsonrpc.parse(data)
        if msg.kind == "response":
            if msg.id in self._listing:
                self._listing.discard(msg.id)  # type: ignore[arg-type]
                self._learn(msg.obj.get("result"))
            waiter = self._waiters.pop(msg.id, None) if isinstance(msg.id, str) else None
            if waiter is not None:
                waiter[0].put_nowait(data)
            return
        if msg.kind == "request":
            # 2026-07-28 forbids server→client requests (input_required results replace them: the
            # spec's multi round-trip requests) and a sessionless client has no channel to answer
            # one. Answered for the client at once, as the SDK's own 2026 connection refuses to
            # send one (NoBackChannelError: INVALID_REQUEST, this wording), so the server is not
            # left waiting and can tell "cannot ask this client" from "no such method".
            self._incoming.put_nowait(jsonrpc.error_response(
                msg.id, jsonrpc.INVALID_REQUEST,
                f"Cannot send {msg.method!r}: this transport context has no back-channel for server-initiated requests."))
            return
        params = msg.obj.get("params")
        token = params.get("progressToken") if isinstance(params, dict) else None
        meta = params.get("_meta") if isinstance(params, dict) else None
        listener = meta.get(SUBSCRIPTION_ID_META_KEY) if isinstance(meta, dict) else None
        if isinstance(listener, str) and listener in self._waiters:  # a frame of a subscriptions/listen stream
            self._waiters[listener][0].put_nowait(data)
            return
        waiter = self._waiters.get(token) if isinstance(token, str) else None
        if waiter is not None:  # progress: the token is the request's proxy id (see submit)
            waiter[0].put_nowait(data)
            return
        log.debug("HTTP front (2026): dropped %s (no request it belongs to)", msg.method)

    def _learn(self, result: Any) -> None:
        tools = result.get("tools") if isinstance(result, dict) else None
        for tool in tools if isinstance(tools, list) else ():
            if isinstance(tool, dict) and isinstance(tool.get("name"), str):
                self.schemas[tool["name"]] = tool.get("inputSchema")

    async def schema(self, name: str, meta: dict[str, Any]) -> Any:
        """The tool's inputSchema: from the listings seen so far, else asked for (as the SDK's server
        does); None when the upstream does not list it."""
        cursor = None
        for _ in range(_LIST_PAGES):
            if name in self.schemas or self.closed:
                break
            params: dict[str, Any] = {"_meta": meta} | ({"cursor": cursor} if cursor else {})
            _, answers = self.submit({"jsonrpc": "2.0", "id": 0, "method": "tools/list", "params": params})
            try:
                answer = json.loads(await asyncio.wait_for(answers.get(), _LIST_TIMEOUT_S))
            except (asyncio.TimeoutError, ValueError):
                break
            result = answer.get("result")
            cursor = result.get("nextCursor") if isinstance(result, dict) else None
            if not cursor:
                break
        return self.schemas.get(name)

    async def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._incoming.put_nowait(None)
        for proxy_id, (queue, _) in list(self._waiters.items()):
            queue.put_nowait(jsonrpc.error_response(proxy_id, jsonrpc.UPSTREAM_GONE, "aegis-mcp: proxy session ended"))
        self._waiters.clear()


class ModernSessions:
    """Starts the shared session on demand (and again after it ended)."""

    def __init__(self, on_session: Callable[[Any], Awaitable[Any]], task_group: Any) -> None:
        self._on_session = on_session
        self._tg = task_group
        self._channel: ModernChannel | None = None

    def channel(self) -> ModernChannel:
        if self._channel is None or self._channel.closed:
            channel = ModernChannel()
            self._channel = channel

            async def run() -> None:
                try:
                    await self._on_session(channel)
                except Exception:
                    log.exception("the shared 2026-07-28 HTTP session failed")
                finally:
                    await channel.close()

            self._tg.start_soon(run)
        return self._channel


def _write(obj: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(obj, separators=(",", ":")), status_code=status, media_type="application/json")


def _error(msg_id: Any, code: int, message: str, data: Any = None) -> Response:
    from mcp.shared.inbound import ERROR_CODE_HTTP_STATUS

    error: dict[str, Any] = {"code": code, "message": message}
    if data is not None:
        error["data"] = data
    return _write({"jsonrpc": "2.0", "id": msg_id, "error": error}, ERROR_CODE_HTTP_STATUS.get(code, 200))


def _with_id(data: bytes, msg_id: Any) -> dict[str, Any]:
    obj = json.loads(data)
    obj["id"] = msg_id
    return obj


def _own_ids(obj: dict[str, Any], proxy_id: str, msg_id: Any, token: Any = None) -> dict[str, Any]:
    """A frame for the client: its own request id and progress token where the shared session used ours."""
    params = obj.get("params")
    meta = params.get("_meta") if isinstance(params, dict) else None
    if isinstance(meta, dict) and meta.get(SUBSCRIPTION_ID_META_KEY) == proxy_id:
        meta[SUBSCRIPTION_ID_META_KEY] = msg_id
    if isinstance(params, dict) and params.get("progressToken") == proxy_id and token is not None:
        params["progressToken"] = token
    result = obj.get("result")
    meta = result.get("_meta") if isinstance(result, dict) else None
    if isinstance(meta, dict) and meta.get(SUBSCRIPTION_ID_META_KEY) == proxy_id:
        meta[SUBSCRIPTION_ID_META_KEY] = msg_id
    return obj


def _event(obj: dict[str, Any]) -> bytes:
    return f"event: message\r\ndata: {json.dumps(obj, separators=(',', ':'))}\r\n\r\n".encode()


async def handle_modern(sessions: ModernSessions, scope: Scope, receive: Receive, send: Send) -> None:
    """One 2026-07-28 POST, answered the way the SDK's own server answers it."""
    from mcp.server.streamable_http import check_accept_headers
    from mcp.shared.inbound import (
        HEADER_MISMATCH,
        InboundLadderRejection,
        classify_inbound_request,
        find_duplicated_routing_header,
        unsupported_protocol_version_rejection,
    )

    request = Request(scope, receive)
    if request.method != "POST":
        await Response(status_code=405, headers={"Allow": "POST"})(scope, receive, send)
        return
    has_json, has_sse = check_accept_headers(request)
    if not (has_json and has_sse):
        await Response(status_code=406)(scope, receive, send)
        return
    try:
        decoded = json.loads(await request.body())
    except (ValueError, RecursionError):
        await _error(None, jsonrpc.PARSE_ERROR, "Parse error")(scope, receive, send)
        return
    if isinstance(decoded, dict) and "method" in decoded and "id" not in decoded:
        # Client notifications have no meaning at 2026 over HTTP: acknowledged and dropped, as the SDK does.
        rejection = unsupported_protocol_version_rejection(request.headers.get("mcp-protocol-version", ""))
        if rejection is not None:
            await _error(None, rejection.code, rejection.message, rejection.data)(scope, receive, send)
        else:
            await Response(status_code=202)(scope, receive, send)
        return
    try:
        parsed = jsonrpc.parse(json.dumps(decoded).encode())
        if parsed.kind != "request":
            raise jsonrpc.InvalidMessage(jsonrpc.INVALID_REQUEST, "Invalid Request")
    except jsonrpc.InvalidMessage as exc:
        await _error(None, jsonrpc.INVALID_REQUEST, f"Invalid Request: {exc.message}")(scope, receive, send)
        return
    msg_id = decoded["id"]
    duplicated = find_duplicated_routing_header(request.headers.items())
    verdict = (InboundLadderRejection(code=HEADER_MISMATCH, message=f"{duplicated} header appears more than once")
               if duplicated is not None else classify_inbound_request(decoded, headers=dict(request.headers)))
    if isinstance(verdict, InboundLadderRejection):
        await _error(msg_id, verdict.code, verdict.message, verdict.data)(scope, receive, send)
        return

    channel = sessions.channel()
    rejection = await _param_header_rejection(channel, decoded, request)
    if rejection is not None:
        await _error(msg_id, rejection.code, rejection.message, rejection.data)(scope, receive, send)
        return
    proxy_id, answers = channel.submit(decoded)
    params = decoded.get("params")
    meta = params.get("_meta") if isinstance(params, dict) else None
    client_token = meta.get("progressToken") if isinstance(meta, dict) else None
    disconnected = anyio.Event()

    async def watch_disconnect() -> None:
        while (await receive()).get("type") != "http.disconnect":
            pass
        disconnected.set()

    async def next_message(timeout: float) -> bytes | None:
        getter = asyncio.ensure_future(answers.get())
        gone = asyncio.ensure_future(disconnected.wait())
        try:
            done, _ = await asyncio.wait({getter, gone}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
        if getter in done:
            return getter.result()
        getter.cancel()
        if disconnected.is_set():
            raise anyio.get_cancelled_exc_class()()
        return None

    async with anyio.create_task_group() as tg:
        tg.start_soon(watch_disconnect)
        try:
            # a listen stream is SSE from the start (its answer only comes when it ends)
            first = await next_message(0 if decoded.get("method") == "subscriptions/listen" else _FIRST_EVENT_WAIT_S)
            if first is not None and jsonrpc.parse(first).kind == "response":
                answer = _own_ids(_with_id(first, msg_id), proxy_id, msg_id)
                status = 200
                if "error" in answer:
                    from mcp.shared.inbound import ERROR_CODE_HTTP_STATUS

                    status = ERROR_CODE_HTTP_STATUS.get(answer["error"].get("code"), 200)
                await _write(answer, status)(scope, receive, send)
            else:
                await send({"type": "http.response.start", "status": 200, "headers": _SSE_HEADERS})
                message = first
                while True:
                    if message is None:
                        await send({"type": "http.response.body", "body": b": ping\r\n\r\n", "more_body": True})
                    elif jsonrpc.parse(message).kind == "response":
                        await send({"type": "http.response.body",
                                    "body": _event(_own_ids(_with_id(message, msg_id), proxy_id, msg_id)),
                                    "more_body": False})
                        break
                    else:
                        frame = _own_ids(json.loads(message), proxy_id, msg_id, client_token)
                        await send({"type": "http.response.body", "body": _event(frame), "more_body": True})
                    message = await next_message(_PING_S)
        except anyio.get_cancelled_exc_class():
            channel.abandon(proxy_id)
            if not disconnected.is_set():
                raise
        finally:
            tg.cancel_scope.cancel()


async def _param_header_rejection(channel: ModernChannel, decoded: dict[str, Any], request: Request) -> Any:
    """A tools/call's `Mcp-Param-*` headers checked against the tool's `x-mcp-header` declarations
    (the SDK's own check), so the proxy refuses what the server behind it would refuse — a stdio
    upstream never sees headers, and an HTTP upstream gets headers rebuilt from the body."""
    from mcp.shared.inbound import MCP_PARAM_HEADER_PREFIX, validate_mcp_param_headers

    params = decoded.get("params")
    if decoded.get("method") != "tools/call" or not isinstance(params, dict) or not isinstance(params.get("name"), str):
        return None
    arguments = params.get("arguments")
    if arguments is not None and not isinstance(arguments, dict):
        return None
    prefix = MCP_PARAM_HEADER_PREFIX.lower()
    if not arguments and not any(name.startswith(prefix) for name in request.headers.keys()):
        return None
    meta = params.get("_meta")
    schema = await channel.schema(params["name"], {k: v for k, v in meta.items() if k != "progressToken"}
                                  if isinstance(meta, dict) else {})
    if schema is None:
        return None
    return validate_mcp_param_headers(schema, arguments or {}, request.headers)
