"""The two pumps of the proxy (client → upstream here, upstream → client in from_upstream.py),
over raw JSON-RPC lines, and the connection's life.

Every message is parsed (orjson) only to be inspected; unless the interceptor decides otherwise
its original bytes are relayed untouched, in the order each peer sent them (proxy/ordering.py).
What is in flight is tracked per direction (proxy/inflight.py). The proxy's own requests to the
client (inline approvals) use string ids with a prefix no peer uses, and their replies are
consumed here, never forwarded. The client's answers to the upstream's own requests (sampling,
elicitation, roots) and 2026 retries carrying them (`inputResponses`) are judged and recorded
before they go on (proxy/client_answers.py). A lone call's messages are written at once (send_now).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import secrets
from typing import Any, Awaitable, Callable, Protocol

from aegis_mcp.proxy import jsonrpc
from aegis_mcp.proxy.channel import ChannelClosed, MessageChannel, MessageTooLarge
from aegis_mcp.proxy.eras import (
    CLIENT_CAPABILITIES_META_KEY,
    CLIENT_INFO_META_KEY,
    PROTOCOL_VERSION_META_KEY,
    EraTracker,
)
from aegis_mcp.proxy.from_upstream import ANSWERED_METHODS, UpstreamSide
from aegis_mcp.proxy.hostile import smuggled
from aegis_mcp.proxy.inflight import InFlight, PendingRequest
from aegis_mcp.proxy.jsonrpc import JsonId, Message
from aegis_mcp.proxy.ordering import CallOrder

__all__ = ["Interceptor", "PendingRequest", "PROXY_ID_PREFIX", "Relay"]

log = logging.getLogger("aegis_mcp.proxy")

PROXY_ID_PREFIX = "aegis-mcp/"
# After the upstream process exits, how long its last output may still drain before pending
# requests are failed (the issue asks for an answer within 1 s).
_EXIT_DRAIN_S = 0.3


class Interceptor(Protocol):
    """What the relay asks about the messages it may not pass straight through."""

    async def on_tools_call(self, relay: Relay, msg: Message) -> None:
        """Judge, record, then forward (relay.forward_request) or answer (relay.answer)."""
        ...

    async def on_response(self, relay: Relay, pending: PendingRequest, msg: Message) -> bytes | None:
        """Return replacement bytes for an upstream response, or None to relay it untouched."""
        ...

    async def close(self) -> None: ...


class Relay:
    """One proxied connection: a client channel, an upstream channel, and what is in flight."""

    def __init__(
        self,
        client: MessageChannel,
        upstream: MessageChannel,
        interceptor: Interceptor | None = None,
        *,
        upstream_exited: Callable[[], Awaitable[int]] | None = None,
    ) -> None:
        self.client = client
        self.upstream = upstream
        self.interceptor = interceptor
        self.era = EraTracker()
        self.client_info: dict[str, Any] = {}
        self.client_capabilities: dict[str, Any] = {}
        self._upstream_exited = upstream_exited
        self.inflight = InFlight()
        self.pending_c2s = self.inflight.c2s  # the same dicts, under the names the tests and tools use
        self.held = self.inflight.held
        self.call_order = CallOrder()  # client → upstream order around calls being judged
        self.upstream_side = UpstreamSide(self)
        self.proxy_requests: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        # A per-connection random prefix: the upstream's own string ids can never look like ours.
        self._id_prefix = f"{PROXY_ID_PREFIX}{secrets.token_hex(6)}/"
        self._closing = False
        self._background: set[asyncio.Task[None]] = set()
        self.first_forward: asyncio.Event | None = None  # set once something reached the upstream
        # Channels that can write a message at once (ours can; other transports need not).
        self._client_now: Callable[[bytes], Awaitable[None]] | None = getattr(client, "send_now", None)
        self._upstream_now: Callable[[bytes], Awaitable[None]] | None = getattr(upstream, "send_now", None)
        self.exit_code = 0
        self._per_request_identity = bool(getattr(client, "per_request_identity", False))  # see client_info_for
        self.activity = 0  # messages read from either side (background work waits for quiet)

    @property
    def closing(self) -> bool:
        return self._closing

    # ---- sending ---------------------------------------------------------------------------

    async def send_client(self, data: bytes, now: bool = False) -> None:
        """`now`: nothing else is in flight, so nothing could share this message's pipe write:
        it is written at once instead of at the end of the loop's turn (one turn less per call)."""
        try:
            if now and self._client_now is not None:
                await self._client_now(data)
            else:
                await self.client.send(data)
        except ChannelClosed:
            log.debug("client went away while sending")

    async def answer(self, msg_id: JsonId, result: dict[str, Any]) -> None:
        """Answer a client request in the proxy's own name (it never reaches the upstream)."""
        self.inflight.remember_answered(msg_id)
        await self.send_client(jsonrpc.result_response(msg_id, result))

    async def answer_error(self, msg_id: JsonId | None, code: int, message: str) -> None:
        if msg_id is not None:
            self.inflight.remember_answered(msg_id)
        await self.send_client(jsonrpc.error_response(msg_id, code, message))

    async def forward_request(self, msg: Message, data: bytes, context: Any = None) -> None:
        """Send a client request upstream (data: the bytes to send) and track its answer."""
        assert msg.id is not None and msg.method is not None
        call_order = self.call_order
        wait = call_order.before_forward(msg.id)  # a judged call goes after what came before it
        if wait is not None:
            await wait
        # A lone call (nothing else being judged or awaited) is written at once: see send_client.
        now = len(self.held) <= 1 and not self.pending_c2s
        self.inflight.forwarded(msg.id, PendingRequest(msg.method, msg.obj.get("params"), context=context))
        sent = await self.upstream_send(data, now)
        call_order.release(msg.id)
        if not sent:
            self.pending_c2s.pop(msg.id, None)
            await self.answer_error(msg.id, jsonrpc.UPSTREAM_GONE, "upstream MCP server is not running")

    def held_for_human(self, msg_id: JsonId) -> None:
        """A call goes to a human: what the client sent after it need not wait for the decision."""
        self.call_order.release(msg_id)

    async def request_client(self, method: str, params: dict[str, Any], timeout: float) -> dict[str, Any]:
        """Send the proxy's own request to the client and wait for its result (raises on error)."""
        req_id = f"{self._id_prefix}{next(self._ids)}"
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.proxy_requests[req_id] = future
        try:
            await self.send_client(jsonrpc.dumps({"jsonrpc": "2.0", "id": req_id, "method": method, "params": params}))
            return await asyncio.wait_for(future, timeout)
        except (asyncio.CancelledError, asyncio.TimeoutError):
            # Answered elsewhere or timed out: tell the client to drop its dialog (fire and forget).
            cancel = {"requestId": req_id, "reason": "no longer needed"}
            if not self._closing:
                task = asyncio.get_running_loop().create_task(self.notify_client("notifications/cancelled", cancel))
                self._background.add(task)
                task.add_done_callback(self._background.discard)
            raise
        finally:
            self.proxy_requests.pop(req_id, None)

    async def notify_client(self, method: str, params: dict[str, Any]) -> None:
        await self.send_client(jsonrpc.dumps({"jsonrpc": "2.0", "method": method, "params": params}))

    # ---- the pumps ---------------------------------------------------------------------------

    @staticmethod
    async def _pump(
        channel: MessageChannel,
        handle: Callable[[Message], Awaitable[None]],
        oversized: Callable[[MessageTooLarge], Awaitable[None]],
        invalid: Callable[[jsonrpc.InvalidMessage, bytes], Awaitable[None]],
    ) -> None:
        """Read one side's lines until it closes: parse each, hand it on; never forward a bad one."""
        receive, parse = channel.receive, jsonrpc.parse
        while True:
            try:
                raw = await receive()
            except MessageTooLarge as exc:
                await oversized(exc)
                continue
            if raw is None:
                return
            try:
                msg = parse(raw)
            except jsonrpc.InvalidMessage as exc:
                await invalid(exc, raw)
                continue
            await handle(msg)

    # ---- client → upstream --------------------------------------------------------------------

    def _client_pump(self) -> Awaitable[None]:
        return self._pump(self.client, self._from_client, self._on_oversized_request, self._on_invalid_request)

    async def _on_oversized_request(self, exc: MessageTooLarge) -> None:
        # Never forwarded; answered under its own id when one can be read from its ends.
        hint = jsonrpc.id_hint(exc.head, exc.tail)
        await self.answer_error(None if self.inflight.in_use(hint) else hint,
                                jsonrpc.INVALID_REQUEST, f"Invalid Request: {exc}")

    async def _on_invalid_request(self, exc: jsonrpc.InvalidMessage, raw: bytes) -> None:
        # Never forwarded: the upstream might read a malformed line differently than we did.
        await self.answer_error(exc.msg_id, exc.code, exc.message)

    async def _from_client(self, msg: Message) -> None:
        self.activity += 1
        if msg.kind != "response" and msg.method != "tools/call" and self.interceptor is not None:
            why = smuggled(msg)
            if why is not None:  # refused (answered when it has an id), never relayed
                log.warning("refused a client %s: %s", msg.kind, why)
                if msg.kind == "request":
                    await self.answer_error(msg.id, jsonrpc.INVALID_REQUEST, why)
                return
        if msg.kind == "request":
            assert msg.id is not None and msg.method is not None
            if self.inflight.in_use(msg.id):
                await self.send_client(
                    jsonrpc.error_response(msg.id, jsonrpc.INVALID_REQUEST, "Invalid Request: id already in use")
                )
                return
            params = msg.obj.get("params")
            self.era.note_request(msg.method, params)
            if msg.method == "initialize" and isinstance(params, dict):
                self._note_client(params.get("clientInfo"), params.get("capabilities"))
            elif msg.method != "initialize":
                self._note_client_meta(params)
            if msg.method == "tools/call" and self.interceptor is not None:
                self._spawn_held(msg)
                return
            data = msg.raw
            if isinstance(params, dict) and "inputResponses" in params and self.interceptor is not None:
                # 2026-07-28: a retry carrying the client's answers to the server's questions
                # (tools/call judges its own in the interceptor). Judged here, in the pump, so
                # what the client sent after it still goes after it.
                judged = await self._judge_input_responses(msg)
                if judged is None:
                    return  # refused: the client has its error, the upstream saw nothing
                data = judged
            wait = self.call_order.wait_turn()
            if wait is not None:
                await wait
            await self.forward_request(msg, data)
        elif msg.kind == "notification":
            if msg.method == "notifications/cancelled" and await self._on_cancel(msg):
                return
            if msg.method == "tools/call" and self.interceptor is not None:
                # A call without an id cannot be answered, so it cannot be judged and refused
                # visibly: a lax server would still run it. Dropped, never relayed.
                log.warning("client sent tools/call as a notification (no id); dropped, not relayed")
                return
            wait = self.call_order.wait_turn()
            if wait is not None:
                await wait
            await self.upstream_send(msg.raw)
        else:  # a response to a server→client request, or to one of the proxy's own
            assert msg.id is not None
            if isinstance(msg.id, str) and msg.id.startswith(self._id_prefix):
                future = self.proxy_requests.get(msg.id)
                if future is not None and not future.done():
                    if "error" in msg.obj:
                        future.set_exception(jsonrpc.InvalidMessage(jsonrpc.INTERNAL_ERROR, str(msg.obj["error"])))
                    else:
                        result = msg.obj.get("result")
                        future.set_result(result if isinstance(result, dict) else {})
                return  # never forwarded: the upstream did not ask
            asked = self.inflight.s2c.pop(msg.id, None)
            if asked is None and self.interceptor is not None:
                # The upstream never asked (or was answered already): a second answer to a judged
                # request, or a "response" wearing the id of a call held here, is not relayed.
                log.warning("client answered server request id %r that is not pending; dropped", msg.id)
                return
            data = msg.raw
            if asked in ANSWERED_METHODS and self.interceptor is not None:
                # The client's model output, the human's form input or its roots, going to the
                # server: judged and recorded before it leaves (proxy/client_answers.py).
                data = await self._judge_answer(asked, msg)
            wait = self.call_order.wait_turn()
            if wait is not None:
                await wait
            await self.upstream_send(data)

    async def _judge_answer(self, method: str, msg: Message) -> bytes:
        """The bytes to send the upstream for the client's answer to its `method` request: the
        answer, a redacted copy, or a JSON-RPC error when it is refused (fail closed on any error)."""
        assert msg.id is not None and self.interceptor is not None
        hook = getattr(self.interceptor, "on_client_answer", None)
        if hook is None:
            return msg.raw
        try:
            data: bytes = await hook(self, method, msg)
            return data
        except Exception:
            log.exception("interceptor failed on the client's %s answer; withholding it", method)
            return jsonrpc.error_response(msg.id, jsonrpc.INTERNAL_ERROR,
                                          "aegis-mcp: could not inspect the client's answer; it was withheld")

    async def _judge_input_responses(self, msg: Message) -> bytes | None:
        """A 2026 request carrying inputResponses: the bytes to forward, or None once the proxy
        has answered the client itself (refused; fail closed on any error)."""
        assert msg.id is not None and self.interceptor is not None
        hook = getattr(self.interceptor, "on_input_responses", None)
        if hook is None:
            return msg.raw
        try:
            data: bytes | None = await hook(self, msg)
            return data
        except Exception:
            log.exception("interceptor failed on the answers a %s request carries; refusing it", msg.method)
            await self.answer_error(msg.id, jsonrpc.INTERNAL_ERROR,
                                    "aegis-mcp: could not inspect the answers this request carries; it was refused")
            return None

    @property
    def shared_identity(self) -> bool:
        """Whether sessionless clients share this relay, each request naming its own (client_info_for)."""
        return self._per_request_identity

    def client_info_for(self, params: object) -> dict[str, Any]:
        """Who sent this request. A connection with one client (stdio, websocket, an HTTP session)
        is that client's: initialize's clientInfo, or the first 2026 request's (a later request
        claiming another name changes nothing). Sessionless 2026-07-28 requests from many clients
        share one relay on the HTTP front (its channel says `per_request_identity`): there each
        request's own `_meta` clientInfo (written by the client's SDK, never by the model) names
        it, or none does, never the first client that came."""
        if not self._per_request_identity:
            return self.client_info
        meta = params.get("_meta") if isinstance(params, dict) else None
        if isinstance(meta, dict) and PROTOCOL_VERSION_META_KEY in meta:
            info = meta.get(CLIENT_INFO_META_KEY)
            return info if isinstance(info, dict) else {}
        return self.client_info

    def _note_client(self, info: object, capabilities: object) -> None:
        if isinstance(info, dict):
            self.client_info = info
        if isinstance(capabilities, dict):
            self.client_capabilities = capabilities

    def _note_client_meta(self, params: object) -> None:
        # 2026-07-28 has no initialize: client info and capabilities ride on each request's _meta.
        if not self.client_info and isinstance(params, dict):
            meta = params.get("_meta")
            if isinstance(meta, dict):
                self._note_client(meta.get(CLIENT_INFO_META_KEY), meta.get(CLIENT_CAPABILITIES_META_KEY))

    def _spawn_held(self, msg: Message) -> None:
        assert msg.id is not None and self.interceptor is not None
        self.call_order.take_place(msg.id)
        # A task, not an eager start on this stack: tried twice (Nov 21). Eager for every call cost
        # +40 µs of CPU per call at 16 concurrent (the first call of a burst was forwarded and
        # answered while the rest were judged, splitting their commits). Eager only for a lone
        # call (nothing in flight, nothing buffered) saved one epoll_wait per sequential call but
        # cost +41 µs of CPU per call and 0.80x throughput at 16 concurrent on server-everything:
        # a fast upstream answers before the client's next request arrives, so each call looked
        # lone, was committed alone, and the burst never formed a group commit again.
        self.held[msg.id] = self.inflight.loop().create_task(self._run_intercept(msg))

    async def _run_intercept(self, msg: Message) -> None:
        assert msg.id is not None and self.interceptor is not None
        try:
            await self.interceptor.on_tools_call(self, msg)
        except asyncio.CancelledError:
            raise
        except Exception:  # fail closed: an unexpected error never lets the call through
            log.exception("interceptor failed on tools/call id=%r; refusing the call", msg.id)
            if msg.id not in self.pending_c2s:
                await self.answer_error(msg.id, jsonrpc.INTERNAL_ERROR, "aegis-mcp: internal error, call refused")
        finally:
            self.held.pop(msg.id, None)
            self.call_order.release(msg.id)  # answered, refused or cancelled: its place is free

    async def _on_cancel(self, msg: Message) -> bool:
        """True when the cancel concerns a request the proxy answered or holds: it is swallowed."""
        params = msg.obj.get("params")
        target = params.get("requestId") if isinstance(params, dict) else None
        if target is None or isinstance(target, bool) or not isinstance(target, (int, str)):
            return False
        task = self.held.get(target)
        if task is not None and target not in self.pending_c2s:
            task.cancel()  # still being judged or held: the upstream never saw it
            self.inflight.remember_answered(target)
            return True
        return self.inflight.was_answered(target) and target not in self.pending_c2s

    async def upstream_send(self, data: bytes, now: bool = False) -> bool:
        """Send to the upstream; False when it is gone (the caller decides what that means)."""
        try:
            if now and self._upstream_now is not None:
                await self._upstream_now(data)
            else:
                await self.upstream.send(data)
        except ChannelClosed:
            log.debug("upstream gone while sending")
            return False
        gate = self.first_forward
        if gate is not None:
            self.first_forward = None  # set once: the start-up gate has nothing to wait for after
            gate.set()
        return True

    # ---- upstream → client: proxy/from_upstream.py ----------------------------------------------

    def _upstream_pump(self) -> Awaitable[None]:
        side = self.upstream_side
        return self._pump(self.upstream, side.handle, side.on_oversized, side.on_invalid)

    # ---- lifecycle ---------------------------------------------------------------------------

    async def _watch_upstream_exit(self) -> None:
        """Resolve when the upstream process has exited and its last output had time to drain."""
        if self._upstream_exited is None:
            await asyncio.Event().wait()
            return
        code = await self._upstream_exited()
        log.info("upstream exited with code %s", code)
        await asyncio.sleep(_EXIT_DRAIN_S)  # a grace period, not synchronisation: its pipe may still hold output

    async def run(self) -> int:
        """Relay until either side goes away. 0 when the client left, 1 when the upstream died."""
        client_task = asyncio.create_task(self._client_pump(), name="client-pump")
        upstream_task = asyncio.create_task(self._upstream_pump(), name="upstream-pump")
        exit_task = asyncio.create_task(self._watch_upstream_exit(), name="upstream-exit")
        done, _ = await asyncio.wait({client_task, upstream_task, exit_task}, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if task.exception() is not None and not isinstance(task.exception(), asyncio.CancelledError):
                log.error("relay pump failed", exc_info=task.exception())
        if client_task in done:
            self.exit_code = 0
            log.info("client went away; stopping the upstream")
        else:
            self.exit_code = 1
            log.error("upstream MCP server went away; failing %d pending request(s)", self.inflight.count())
            await self.fail_pending()
        for task in (client_task, upstream_task, exit_task):
            task.cancel()
        await self.shutdown()
        return self.exit_code

    async def fail_pending(self) -> None:
        """Answer every request in flight (forwarded or held) with an error; held calls are cancelled."""
        for msg_id in self.inflight.take_unanswered():
            await self.answer_error(msg_id, jsonrpc.UPSTREAM_GONE, "upstream MCP server exited")

    async def shutdown(self) -> None:
        if self._closing:
            return
        self._closing = True
        self.inflight.cancel_tasks()
        for future in self.proxy_requests.values():
            if not future.done():
                future.cancel()
        if self.interceptor is not None:
            with contextlib.suppress(Exception):
                await self.interceptor.close()
        with contextlib.suppress(Exception):
            await self.upstream.close()
        with contextlib.suppress(Exception):
            await self.client.close()
