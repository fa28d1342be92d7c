"""What the proxy does to the messages it may not pass straight through: tools/call (judge, record,
then forward / refuse / hold), tools/call results (scan, then pass / flag / redact / block),
tools/list results (scan definitions, pin them), initialize results (pin the instructions), and
through content_scan: resources/read, prompts/get and sampling requests (scanned like results).
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aegis_mcp.engine.model import Decision, RiskLevel, ToolCall
from aegis_mcp.errors import LedgerError
from aegis_mcp.proxy import jsonrpc
from aegis_mcp.proxy.canonical import canonical_bytes
from aegis_mcp.proxy.client_answers import ClientAnswers
from aegis_mcp.proxy.content_scan import (
    SAMPLING_REFUSED,
    SCANNED_RESPONSES,
    WITHHELD,
    ContentScanner,
    warning_text,
)
from aegis_mcp.proxy.control_plane import ControlPlaneGuard
from aegis_mcp.proxy.eras import tool_error_result
from aegis_mcp.proxy.hostile import drop_forged_meta, error_text, impersonates_approval, near_twin, rewritten_error
from aegis_mcp.proxy.jsonrpc import Message
from aegis_mcp.proxy.memokey import memo_key
from aegis_mcp.proxy.pins import announce_list_changed
from aegis_mcp.proxy.results import redact_result, result_text

if TYPE_CHECKING:
    from aegis_mcp.engine.engine import Engine
    from aegis_mcp.proxy.approvals import ApprovalBroker
    from aegis_mcp.proxy.pins import PinBook
    from aegis_mcp.proxy.recorder import Recorder
    from aegis_mcp.proxy.relay import PendingRequest, Relay

log = logging.getLogger("aegis_mcp.proxy")

_PREVIEW_CHARS = 240

# A result text this long is scanned on a worker thread (the engine takes ~1-8 ms per KB of prose).
THREAD_SCAN_CHARS = 8 * 1024


@dataclass(frozen=True, slots=True)
class Identity:
    """Who is calling what: from the proxy's configuration and the client's clientInfo only."""

    server: str
    agent_id: str | None  # --agent-id; else the client's clientInfo name
    session_id: str

    def agent(self, relay: Relay, params: object = None) -> str:
        """`params`: the request being judged; a 2026-07-28 one names its own client (see
        Relay.client_info_for), so one shared relay never lends the first client's name to others."""
        if self.agent_id:
            return self.agent_id
        name = (relay.client_info if params is None else relay.client_info_for(params)).get("name")
        return str(name) if isinstance(name, str) and name else "unknown"


@dataclass(slots=True)
class CallContext:
    """A tools/call that was forwarded: what its result is checked and recorded against."""

    call: ToolCall
    seq: int | None
    args_sha256: str


def decision_summary(decision: Decision) -> str:
    """Risk and reason in one line; the engine's reason already names the signals and where they are."""
    if decision.reason:
        return f"risk {decision.risk_level.name}: {decision.reason}"
    signals = ", ".join(f"{s.pattern}.{s.rule}" for s in decision.signals[:5]) or "none"
    return f"risk {decision.risk_level.name}; signals: {signals}"


class FirewallInterceptor:
    """The relay's interceptor: one per proxied connection."""

    def __init__(
        self,
        *,
        engine: Engine,
        recorder: Recorder,
        identity: Identity,
        approvals: ApprovalBroker,
        pins: PinBook,
    ) -> None:
        self.engine = engine
        self.recorder = recorder
        self.identity = identity
        self.approvals = approvals
        self.pins = pins
        self.tools: dict[str, dict[str, Any]] = {}  # name -> definition from the last tools/list
        self._tasks: dict[str, CallContext] = {}  # taskId -> the task-augmented call it runs
        self.content = ContentScanner(engine, recorder, identity)  # resources, prompts, sampling
        self.answers = ClientAnswers(engine, recorder, identity)  # the client's answers to the server
        self.guard = ControlPlaneGuard(recorder.store.path if recorder.store is not None else None)
        # tool name -> (schema, annotations, their JSON bytes): see memo_key
        self._definition_bytes: dict[str, tuple[Any, Any, bytes, bytes]] = {}
        self.relay: Relay | None = None  # the connection it serves (app.py binds it): who the client was

    # ---- tools/call ----------------------------------------------------------------------------

    async def on_tools_call(self, relay: Relay, msg: Message) -> None:
        assert msg.id is not None
        params = msg.obj.get("params")
        # (the era, for results the proxy writes itself, is looked up only when it writes one)
        if not isinstance(params, dict) or not isinstance(params.get("name"), str):
            await relay.answer_error(msg.id, jsonrpc.INVALID_PARAMS, "Invalid params: tools/call needs a tool name")
            return
        name: str = params["name"]
        arguments = params.get("arguments")
        if arguments is None:
            arguments = {}
        held_reason = await self.pins.call_refusal(name)
        if held_reason is None and name not in self.tools:
            twin = near_twin(name, self.tools.keys() | self.pins.known_tools())
            if twin is not None:  # refused like a held pin: recorded, never forwarded
                held_reason = (f"it names tool {name!r}, which is not the server's {twin!r} but a near-spelling of it "
                               "(a server that matches names loosely would run that tool, judged as another)")
        # A client may call without listing tools on this connection (it cached them): the pinned
        # definition then gives the engine the server's schema and annotations all the same.
        definition = self.tools.get(name) or self.pins.definitions.get(name) or {}
        schema = definition.get("inputSchema")
        annotations = definition.get("annotations")
        call = ToolCall(
            name,
            arguments,
            server=self.identity.server,
            agent_id=self.identity.agent(relay, params),
            tool_schema=schema if isinstance(schema, dict) else None,
            annotations=annotations if isinstance(annotations, dict) else None,
        )
        # What is forwarded is a re-serialisation of the object judged here, never the client's
        # bytes: duplicate keys or odd escapes cannot make the upstream read something else.
        inline_id = self.approvals.inline_state(params)  # a 2026 retry answering our own question
        forward_obj = msg.obj if inline_id is None else self.approvals.restore(msg.obj, inline_id)
        if forward_obj is None:
            await relay.answer(msg.id, tool_error_result(
                f"aegis-mcp blocked this call to {name!r}: it carries an approval state this proxy did not issue.",
                relay.era.is_modern(params)))
            return
        answer_records: list[dict[str, Any]] = []
        # A retry answering our own question carries the call's answers to the upstream as they
        # were judged and recorded at its first crossing (restored from the stash): not again.
        if inline_id is None and isinstance(forward_obj.get("params"), dict) and "inputResponses" in forward_obj["params"]:
            # 2026-07-28: this retry carries the client's answers to the server's questions
            # (its model's output, what the human typed): judged now, recorded once the call's
            # own decision says whether they go on (a blocked call sends nothing, answers included).
            refused, new_params, answer_records = self.answers.assess_inputs(
                relay, forward_obj["params"], f"tools/call {name}")
            if refused is not None:
                await self.answers.commit(relay, answer_records)  # all say "not sent"; nothing is
                await relay.answer(msg.id, tool_error_result(
                    f"aegis-mcp blocked this call to {name!r}: {refused}. Nothing was sent to the server.",
                    relay.era.is_modern(params)))
                return
            if new_params is not None:
                forward_obj = {**forward_obj, "params": new_params}
        data = jsonrpc.dumps(forward_obj)
        # Serialised once: the hash the approvals are bound to and the ledger's preview share it.
        args_json = canonical_bytes(arguments)
        args_sha = hashlib.sha256(args_json).hexdigest()

        if held_reason is not None:
            decision: Decision = Decision("block", RiskLevel.HIGH, "tool_definition", (), held_reason,
                                          extra={"pin_held": True})
        elif self.guard.suspect(data):  # two memchr-speed scans; rarely true
            decision = self.guard.check(data) or self.engine.check(call, memo_key(call, self._definition_bytes))
        else:
            decision = self.engine.check(call, memo_key(call, self._definition_bytes))
        record = self.recorder.decision_record(
            call, decision, relay, args_sha256=args_sha, forwarded_sha256=hashlib.sha256(data).hexdigest(),
            args_json=args_json, params=params,
        )
        try:
            # Alone: the only tools/call in flight; concurrent ones share a group commit instead.
            seq = await self.recorder.append(record, alone=len(relay.inflight.held) <= 1)
        except LedgerError as exc:
            # No record, no forward: an unrecordable call is refused (fail closed).
            log.error("ledger cannot record tools/call %r: %s; refusing it", name, exc)
            await relay.answer(
                msg.id,
                tool_error_result(
                    f"aegis-mcp blocked this call to {name!r}: the audit ledger cannot record it ({exc}). "
                    "Nothing was sent to the server.",
                    relay.era.is_modern(params),
                ),
            )
            return

        if answer_records and not await self._record_answers(relay, answer_records, decision, seq) \
                and decision.decision != "block":
            # No record, no forward: answers the ledger cannot hold are not sent, nor the call carrying them.
            await relay.answer(msg.id, tool_error_result(
                f"aegis-mcp blocked this call to {name!r}: the audit ledger cannot record the answers it carries. "
                "Nothing was sent to the server.", relay.era.is_modern(params)))
            return
        if decision.decision == "allow":
            await relay.forward_request(msg, data, CallContext(call, seq, args_sha))
            return
        if decision.decision == "pending":
            relay.held_for_human(msg.id)  # the client's later messages need not wait for a human
            if inline_id is not None:
                outcome = await self.approvals.resolve_modern(relay, msg, call, args_sha, inline_id)
            elif self.approvals.can_ask_modern(relay, params):
                asked = await self.approvals.ask_modern(relay, msg, call, decision, args_sha,
                                                        judged_params=forward_obj.get("params"))
                if isinstance(asked, dict):
                    await relay.answer(msg.id, asked)  # the client asks its human, then retries this call
                    return
                outcome = asked
            else:
                outcome = await self.approvals.hold(relay, msg, call, decision, args_sha)
            if outcome.approved:
                await relay.forward_request(msg, data, CallContext(call, seq, args_sha))
                return
            text = (
                f"aegis-mcp blocked this call to {name!r}: it was held for a human and {outcome.reason}. "
                f"Why it was held: {decision_summary(decision)}."
            )
        elif decision.extra.get("pin_held"):
            text = f"aegis-mcp blocked this call to {name!r} before it reached the server: {decision.reason}."
        else:
            text = (
                f"aegis-mcp blocked this call to {name!r} before it reached the server. "
                f"{decision_summary(decision)}. "
                "If this call is legitimate, ask the operator to adjust the policy "
                f"(aegis-mcp proxy --policy FILE) for server {self.identity.server!r}."
            )
        await relay.answer(msg.id, tool_error_result(text, relay.era.is_modern(params), meta=_decision_meta(decision, seq)))

    async def _record_answers(self, relay: Relay, records: list[dict[str, Any]], decision: Decision,
                              seq: int | None) -> bool:
        """Record a 2026 retry's answers after the call's decision, saying what became of them:
        sent with an allowed call, not sent with a blocked one, or held with it for a human (sent
        only if approved: the approval's record says which). False if they were not recorded."""
        sent = {"allow": True, "pending": "if_approved"}.get(decision.decision)
        for record in records:
            if seq is not None:
                record["call_seq"] = seq  # the decision record of the call that carries them
            if sent is not None:
                record["sent"] = sent
        if sent is None:
            self.answers.mark_unsent(records, "the call carrying it was blocked")
        return await self.answers.commit(relay, records)

    # ---- responses -----------------------------------------------------------------------------

    async def on_response(self, relay: Relay, pending: PendingRequest, msg: Message) -> bytes | None:
        result = msg.obj.get("result")
        if not isinstance(result, dict):
            if "error" in msg.obj and pending.method == "tools/call" and isinstance(pending.context, CallContext):
                return await self._on_call_error(relay, pending, msg)
            return None
        if pending.method == "tools/call" and isinstance(pending.context, CallContext):
            task = result.get("task")
            if isinstance(task, dict) and isinstance(task.get("taskId"), str) and "content" not in result:
                # A task-augmented call: policy applied at the call; the output arrives through
                # tasks/result later and is scanned then, against the same call.
                self._tasks[task["taskId"]] = pending.context
                return None
            return await self._on_call_result(relay, pending, msg, result)
        if pending.method == "tasks/result" and isinstance(pending.params, dict):
            ctx = self._tasks.get(str(pending.params.get("taskId")))
            if ctx is not None:
                pending.context = ctx
                return await self._on_call_result(relay, pending, msg, result)
            return None
        if pending.method == "tools/list":
            cursor = pending.params.get("cursor") if isinstance(pending.params, dict) else None
            replaced = await self._on_tools_list(msg, result, continuation=cursor is not None)
            self.pins.watch(relay)  # from now on a human's `pins accept` reaches this client (pins.py)
            return replaced
        if pending.method in ("initialize", "server/discover"):  # instructions: handshake / 2026 era
            return await self._on_initialize(msg, result)
        if pending.method in SCANNED_RESPONSES:
            return await self.content.on_response(relay, pending.method, pending.params, msg, result)
        return None

    async def on_server_request(self, relay: Relay, msg: Message) -> bytes | None:
        """A server→client request carrying text for the client's model (sampling): judged like a result."""
        return await self.content.on_server_request(relay, msg)

    async def on_client_answer(self, relay: Relay, method: str, msg: Message) -> bytes:
        """The bytes to send the upstream for the client's answer to its sampling / elicitation /
        roots request: unchanged, redacted, or a JSON-RPC error when refused (client_answers.py)."""
        assert msg.id is not None
        code = SAMPLING_REFUSED if method == "sampling/createMessage" else WITHHELD
        # What goes on is a re-serialisation of what was judged, never the client's bytes: a
        # duplicate "result" key read last-wins here could be read first-wins by the upstream.
        out: dict[str, Any] = {"jsonrpc": "2.0", "id": msg.id}
        for part in ("result", "error"):  # an error answer carries text too (message, data)
            if part not in msg.obj:
                continue
            verdict = await self.answers.judge(relay, method, msg.obj[part], asked_by=str(msg.id),
                                               answer_part=part)
            if verdict.refused is not None:
                return jsonrpc.error_response(
                    msg.id, code, f"aegis-mcp withheld the client's answer to this {method} request: {verdict.refused}")
            out[part] = msg.obj[part] if verdict.result is None else verdict.result
        return jsonrpc.dumps(out)

    async def on_input_responses(self, relay: Relay, msg: Message) -> bytes | None:
        """A 2026 request other than tools/call (resources/read, prompts/get) retried with answers:
        the bytes to forward, or None when the proxy refused it (the client has its error)."""
        assert msg.id is not None and msg.method is not None
        refused, params = await self.answers.input_responses(relay, msg.obj.get("params"), msg.method)
        if refused is not None:
            await relay.answer_error(msg.id, WITHHELD, f"aegis-mcp refused this {msg.method} request: {refused}. "
                                     "Nothing was sent to the server.")
            return None
        # Re-serialised even when unchanged: the upstream must read the answers that were judged,
        # not a first copy of a duplicated key.
        return jsonrpc.dumps(msg.obj if params is None else {**msg.obj, "params": params})

    async def _on_call_result(self, relay: Relay, pending: PendingRequest, msg: Message, result: dict[str, Any]) -> bytes | None:
        ctx: CallContext = pending.context
        assert msg.id is not None
        replaced: dict[str, Any] | None = None  # the result to send instead, before the scan's own say
        if "_meta" in result:  # where the proxy puts its verdict: a server's copy would vouch for itself
            forged = drop_forged_meta(result)
            if forged is not None:
                log.warning("server %r put aegis-mcp's own _meta keys in a %r result; removed",
                            self.identity.server, ctx.call.tool_name)
                result = replaced = forged
        if result.get("resultType") == "input_required":
            # A question for the client, not the tool's output; but a sampling request in it is
            # the server's text for the client's model, judged like a result.
            if impersonates_approval(result):
                return jsonrpc.result_response(msg.id, tool_error_result(
                    f"aegis-mcp withheld what {ctx.call.tool_name!r} returned: the server asked the client a "
                    "question dressed as aegis-mcp's own approval request.", relay.era.is_modern(pending.params)))
            refused, new = await self.content.input_requests(relay, result, pending.params)
            if refused is not None:
                return jsonrpc.result_response(msg.id, tool_error_result(
                    f"aegis-mcp refused the sampling request {ctx.call.tool_name!r} made: {decision_summary(refused)}.",
                    relay.era.is_modern(pending.params), meta=_decision_meta(refused, None)))
            if new is not None:
                result = replaced = new
            # Output riding along with the question is scanned below like any result: a
            # handshake-era client ignores resultType and shows the model `content`.
        # Any other resultType (one no revision defines) is scanned as the tool's output too.
        text = result_text(result)
        if not text:
            return None if replaced is None else jsonrpc.result_response(msg.id, replaced)
        if len(text) >= THREAD_SCAN_CHARS:  # off the event loop: the other calls go on meanwhile
            decision = await asyncio.to_thread(self.engine.check_result, ctx.call, text)
        else:
            decision = self.engine.check_result(ctx.call, text)
        record = self.recorder.result_record(ctx.call, decision, relay, call_seq=ctx.seq, result_text=text,
                                             params=pending.params)
        # Alone: nothing else is being judged or inspected (results inspected as a batch, in
        # tasks, commit together at the end of the loop's turn and go on in order).
        alone = not relay.inflight.held and not relay.inflight.inspecting
        recorded = await self.recorder.record_before_forward(record, alone=alone)
        if not recorded:  # fail closed: a result the ledger could not record is not passed on
            return jsonrpc.result_response(msg.id, tool_error_result(
                f"aegis-mcp withheld the result of {ctx.call.tool_name!r}: the ledger cannot record it.",
                relay.era.is_modern(pending.params)))
        if decision.decision == "allow":
            return None if replaced is None else jsonrpc.result_response(msg.id, replaced)
        modern = relay.era.is_modern(pending.params)
        if decision.decision == "block":
            new = tool_error_result(
                f"aegis-mcp withheld the result of {ctx.call.tool_name!r}: {decision_summary(decision)}.",
                modern,
                meta=_decision_meta(decision, None),
            )
        elif decision.decision == "redact":
            new = redact_result(result, decision.redacted_text or "")
        else:  # flag
            new = copy.copy(result)
            warning = {
                "type": "text",
                "text": warning_text(decision, "this tool result"),
            }
            content = result.get("content")
            new["content"] = [warning, *(content if isinstance(content, list) else [])]
        return jsonrpc.result_response(msg.id, new)

    async def _on_call_error(self, relay: Relay, pending: PendingRequest, msg: Message) -> bytes | None:
        """A JSON-RPC error answering a tools/call: its message and data reach the model too (SDKs
        show them as the tool's failure), so they are scanned, recorded and acted on like a result."""
        ctx: CallContext = pending.context
        error = msg.obj.get("error")
        assert msg.id is not None
        if not isinstance(error, dict):
            return None
        text = error_text(error)
        if not text:
            return None
        if len(text) >= THREAD_SCAN_CHARS:
            decision = await asyncio.to_thread(self.engine.check_result, ctx.call, text)
        else:
            decision = self.engine.check_result(ctx.call, text)
        record = self.recorder.result_record(ctx.call, decision, relay, call_seq=ctx.seq, result_text=text,
                                             params=pending.params)
        record["answer"] = "error"
        alone = not relay.inflight.held and not relay.inflight.inspecting
        if not await self.recorder.record_before_forward(record, alone=alone):
            return jsonrpc.error_response(msg.id, jsonrpc.INTERNAL_ERROR,
                                          f"aegis-mcp withheld the error {ctx.call.tool_name!r} returned: "
                                          "the ledger cannot record it")
        if decision.decision == "allow":
            return None
        code = error.get("code") if isinstance(error.get("code"), int) else jsonrpc.INTERNAL_ERROR
        if decision.decision == "block":
            return jsonrpc.error_response(msg.id, code, f"aegis-mcp withheld the error message {ctx.call.tool_name!r} "
                                                        f"returned: {decision_summary(decision)}.")
        return jsonrpc.dumps({"jsonrpc": "2.0", "id": msg.id, "error": rewritten_error(error, decision)})

    async def _on_tools_list(self, msg: Message, result: dict[str, Any], *, continuation: bool) -> bytes | None:
        tools = result.get("tools")
        if not isinstance(tools, list):
            return None
        visible = await self.pins.review_tools(tools, self.engine, continuation=continuation)
        for tool in visible:
            self.tools[tool["name"]] = tool
        if len(visible) == len(tools):
            return None
        assert msg.id is not None
        hidden = {**result, "tools": visible}
        if "ttlMs" in result or "resultType" in result:
            # 2026-07-28: a client without a subscriptions/listen stream asking for tool-list
            # changes is never notified (the spec forbids unrequested notifications); it learns
            # of changes by re-listing when its cached list goes stale. This list hides tools a
            # human may accept any second, so it is stale at once (the spec's `ttlMs: 0`), not
            # after the upstream's TTL for its own, unfiltered list.
            hidden["ttlMs"] = 0
        return jsonrpc.result_response(msg.id, hidden)

    async def _on_initialize(self, msg: Message, result: dict[str, Any]) -> bytes | None:
        assert msg.id is not None
        announced = announce_list_changed(result)  # the proxy sends tools/list_changed itself: pins.py
        if announced is not None:
            result = announced
        instructions = result.get("instructions")
        if not isinstance(instructions, str) or not instructions or await self.pins.review_instructions(instructions, self.engine):
            return None if announced is None else jsonrpc.result_response(msg.id, result)
        return jsonrpc.result_response(msg.id, {k: v for k, v in result.items() if k != "instructions"})

    async def close(self) -> None:
        if self.recorder.available:
            end: dict[str, Any] = {
                "kind": "session", "event": "end", "server": self.identity.server,
                "agent_id": self.identity.agent_id or "", "session_id": self.identity.session_id,
            }
            relay = self.relay
            # The start record is written before the client speaks; by the end it has named itself
            # (initialize's clientInfo, or a 2026 request's _meta), so the end record says who it
            # was, as decision records do: `agent_id` as they name it, `client` with its version.
            # Not on a relay many sessionless clients share: the first one's name is not the others'.
            if relay is not None and not relay.shared_identity and relay.client_info:
                end["agent_id"] = self.identity.agent(relay)
                label = self.recorder._client(relay)
                if label is not None:
                    end["client"] = label
            self.recorder.append_later(end)
        await self.approvals.close()
        await self.pins.close()
        await self.recorder.close()


def _decision_meta(decision: Decision, seq: int | None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "decision": decision.decision,
        "risk": decision.risk_level.name,
        "signals": [f"{s.pattern}.{s.rule}" for s in decision.signals[:10]],
    }
    if seq is not None:
        meta["ledger_seq"] = seq
    return {"aegis-mcp/decision": meta}
