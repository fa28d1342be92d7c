"""Hold → wait → resume: a pending tools/call waits for a human, bound to this exact call.

The approval lives in the shared database (so `aegis-mcp approvals approve ID` from another
terminal, or the web page, can answer it) and is bound to server + tool + SHA-256 of the
canonical arguments; it is single-use and expires after the approval timeout (a timeout is a
denial: fail closed). While held, progress notifications keep a client that sent a progress
token waiting; a client that declared elicitation support is also asked inline. Each approval
also names its holder (this connection: ledger/holder.py) and the connection beats a heartbeat
while it holds calls, so the CLI refuses calls whose proxy is gone, and the next proxy started for
the same server closes them as expired_orphaned; a denial's reason from the operator reaches the
model in the refusal.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aegis_mcp.engine.redact import redact
from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.holder import HEARTBEAT_EVERY_S, new_instance, this_process
from aegis_mcp.proxy.canonical import canonical_bytes
from aegis_mcp.proxy.eras import CLIENT_CAPABILITIES_META_KEY, request_meta
from aegis_mcp.proxy.recorder import preview

if TYPE_CHECKING:
    from aegis_mcp.engine.model import Decision, ToolCall
    from aegis_mcp.proxy.jsonrpc import Message
    from aegis_mcp.proxy.recorder import Recorder
    from aegis_mcp.proxy.relay import Relay

log = logging.getLogger("aegis_mcp.proxy")

# 2026-07-28 has no server→client requests: a held call is answered with an input_required
# result carrying our elicitation, and the client's retry of the same call brings the answer.
INLINE_KEY = "aegis-mcp/approval"
STATE_PREFIX = "aegis-mcp/approval:"
_POLL_S = 0.1  # the store is shared with other processes: polling it is how their answers arrive
_PROGRESS_EVERY_S = 2.0


@dataclass(frozen=True, slots=True)
class Outcome:
    approved: bool
    reason: str  # for a refusal: "a human denied it (alice via cli)", "no one approved it within 300 s"
    approval_id: str | None = None


class ApprovalBroker:
    """Creates approvals, waits for their answer on every channel, and checks the binding."""

    def __init__(self, recorder: Recorder, timeout_s: float) -> None:
        self.recorder = recorder
        self.timeout_s = timeout_s
        # approval id -> (argument hash, the request's own requestState/inputResponses meant for
        # the upstream), for calls answered with our input_required and awaiting their retry
        self._stash: dict[str, tuple[str, dict[str, Any]]] = {}
        # Who holds this connection's approvals (ledger/holder.py): new for every connection, so a
        # restarted proxy is another holder and `approvals approve` refuses the old one's calls.
        self.instance = new_instance()
        self._process = this_process()
        self._live: dict[str, float] = {}  # approval id -> its deadline (loop time), while we hold it
        self._since: dict[str, int] = {}  # approval id -> the ledger's size when it was created
        self._heartbeat: asyncio.Task[None] | None = None
        self._orphans: asyncio.Task[None] | None = None
        self._closing = False  # close() settles what this connection still holds

    async def _create(self, call: ToolCall, decision: Decision, args_sha: str) -> str:
        """Put the call up for approval in the shared store; raises LedgerError."""
        store = self.recorder.store
        if store is None:
            raise LedgerError("the ledger is unavailable, so no one can approve it")
        summary = {
            "tool": call.tool_name,
            "risk": decision.risk_level.name,
            "category": decision.category,
            "signals": [f"{s.pattern}.{s.rule}" for s in decision.signals[:10]],
            "reason": decision.reason[:500],
            "preview": preview(call.tool_name, call.arguments),
            "arguments": review_arguments(call.arguments),
            "session_id": self.recorder.session_id,
        }
        def create() -> tuple[str, int]:
            # The chain's length before the approval exists: its decision's record comes after.
            since = store.count()
            aid = store.create_approval(server=call.server, tool=call.tool_name, args_sha256=args_sha,
                                        agent_id=call.agent_id, summary=summary, timeout_s=self.timeout_s,
                                        holder=(self.instance, *self._process))
            return aid, since

        approval_id, since = await self.recorder.call(create)
        self._since[approval_id] = since
        self._live[approval_id] = asyncio.get_running_loop().time() + self.timeout_s
        if self._heartbeat is None or self._heartbeat.done():
            self._heartbeat = asyncio.create_task(self._beat())
        log.warning(
            "HELD tool call %r on server %r (risk %s: %s). Approve: `aegis-mcp approvals approve %s`, "
            "deny: `aegis-mcp approvals deny %s` (times out in %g s)",
            call.tool_name, call.server, decision.risk_level.name, decision.reason, approval_id, approval_id,
            self.timeout_s,
        )
        return approval_id

    async def hold(self, relay: Relay, msg: Message, call: ToolCall, decision: Decision, args_sha: str) -> Outcome:
        """Hold the request open until the approval is decided or times out."""
        try:
            approval_id = await self._create(call, decision, args_sha)
        except LedgerError as exc:
            return Outcome(False, f"it could not be put up for approval ({exc})")
        store = self.recorder.store
        assert store is not None
        params = msg.obj.get("params")
        token = request_meta(params).get("progressToken")
        helpers: list[asyncio.Task[None]] = []
        if token is not None and isinstance(token, (int, str)) and not isinstance(token, bool):
            helpers.append(asyncio.create_task(self._progress(relay, token, call, approval_id)))
        if _can_elicit(relay, params):
            helpers.append(asyncio.create_task(self._elicit(relay, call, decision, approval_id)))
        try:
            return await self._wait(call, args_sha, approval_id)
        finally:
            for task in helpers:
                task.cancel()
            await self._void_if_pending(approval_id)

    async def _beat(self) -> None:
        """While this connection holds calls, tell the people deciding it is still here to run them."""
        store = self.recorder.store
        loop = asyncio.get_running_loop()
        while self._live and store is not None:
            await asyncio.sleep(HEARTBEAT_EVERY_S)
            now = loop.time()
            for aid in [a for a, deadline in self._live.items() if deadline <= now]:
                del self._live[aid]  # past its deadline: nobody can answer it any more
            try:
                await self.recorder.call(store.heartbeat_approvals, self.instance)
            except Exception as exc:  # a missed beat only makes the call look abandoned: safe side
                log.warning("could not record the approvals' heartbeat: %s", exc)

    async def _void_if_pending(self, approval_id: str) -> None:
        """Best effort: an approval whose caller left (a cancel) must not stay answerable. At
        shutdown close() closes them all instead, saying why (expired_orphaned)."""
        if self._closing:
            return
        self._live.pop(approval_id, None)
        self._since.pop(approval_id, None)
        store = self.recorder.store
        with contextlib.suppress(Exception):
            approval = await self.recorder.call(store.get_approval, approval_id)  # type: ignore[union-attr]
            if approval is not None and approval.status == "pending":
                await self.recorder.call(store.expire_approval, approval_id)  # type: ignore[union-attr]

    async def _wait(self, call: ToolCall, args_sha: str, approval_id: str) -> Outcome:
        store = self.recorder.store
        assert store is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout_s
        while True:
            approval = await self.recorder.call(store.get_approval, approval_id)
            if approval is None:
                return Outcome(False, "its approval record vanished", approval_id)
            past_deadline = approval.status == "expired" or (
                approval.status == "pending" and loop.time() >= deadline
            )
            if past_deadline:
                # The store reports a pending row past its deadline as expired; make it final.
                await self.recorder.call(store.expire_approval, approval_id)
                again = await self.recorder.call(store.get_approval, approval_id)
                if again is None or again.status == "expired":
                    await self._record_timeout(call, args_sha, approval_id)
                    return Outcome(
                        False, f"no one approved it within {self.timeout_s:g} s (approval {approval_id} expired)",
                        approval_id,
                    )
                approval = again  # decided at the last instant
            if approval.status != "pending":
                break
            await asyncio.sleep(min(_POLL_S, max(0.0, deadline - loop.time())))
        self._live.pop(approval_id, None)
        who = f"{approval.approver or 'someone'} via {approval.channel or 'unknown channel'}"
        # Bound to the connection that held it too: an answer to another holder's call is not ours.
        if approval.holder is not None and approval.holder.instance != self.instance:
            log.error("approval %s was held by another proxy connection; refusing", approval_id)
            return Outcome(False, f"approval {approval_id} was issued to another proxy connection", approval_id)
        with contextlib.suppress(Exception):  # `approvals approve` waits for this to say the call went on
            await self.recorder.call(store.take_approval, approval_id, self.instance)
        if approval.status == "denied" and approval.reason:
            return Outcome(False, f"it was denied by the operator: {operator_reason(approval.reason)} "
                                  f"({who}, approval {approval_id})", approval_id)
        if approval.status != "approved":
            return Outcome(False, f"it was {approval.status} ({who}, approval {approval_id})", approval_id)
        # The approval must be for exactly this call: same server, tool and argument hash.
        if (approval.server, approval.tool, approval.args_sha256) != (call.server, call.tool_name, args_sha):
            log.error("approval %s does not match the held call; refusing", approval_id)
            return Outcome(False, f"approval {approval_id} does not match this exact call", approval_id)
        # ... and decided by aegis-mcp (CLI, web page, inline answer), which writes the decision's
        # hash-chained record with the row: not by an UPDATE of the approvals table from a tool.
        since = self._since.pop(approval_id, 0)
        try:
            chained = await self.recorder.call(store.decision_in_chain, approval, since)
        except Exception as exc:  # cannot confirm it: fail closed
            log.error("could not confirm approval %s in the ledger: %s", approval_id, exc)
            chained = False
        if not chained:
            log.error("approval %s is marked approved but the ledger holds no record of that decision; "
                      "refusing (was the approvals table edited outside aegis-mcp?)", approval_id)
            return Outcome(False, f"approval {approval_id} is marked approved, but the ledger's hash chain holds "
                                  "no record of that decision (the approvals table was changed outside aegis-mcp)",
                           approval_id)
        log.warning("approval %s granted by %s; forwarding %r", approval_id, who, call.tool_name)
        return Outcome(True, f"approved by {who}", approval_id)

    async def _record_timeout(self, call: ToolCall, args_sha: str, approval_id: str) -> None:
        try:
            await self.recorder.append(
                {
                    "kind": "approval_timeout",
                    "approval_id": approval_id,
                    "decision": "expired",
                    "server": call.server,
                    "tool": call.tool_name,
                    "agent_id": call.agent_id,
                    "args_sha256": args_sha,
                    "timeout_s": int(self.timeout_s),
                    "session_id": self.recorder.session_id,
                }
            )
        except LedgerError as exc:  # the call stays refused either way
            log.error("could not record the timeout of approval %s: %s", approval_id, exc)

    async def _progress(self, relay: Relay, token: int | str, call: ToolCall, approval_id: str) -> None:
        step = 0
        while True:
            step += 1
            await relay.notify_client(
                "notifications/progress",
                {
                    "progressToken": token,
                    "progress": step,
                    "message": f"aegis-mcp: {call.tool_name!r} is waiting for a human "
                    f"(aegis-mcp approvals approve {approval_id})",
                },
            )
            await asyncio.sleep(_PROGRESS_EVERY_S)

    async def _elicit(self, relay: Relay, call: ToolCall, decision: Decision, approval_id: str) -> None:
        """Ask the human at the client inline; whichever channel answers first wins (single-use)."""
        store = self.recorder.store
        assert store is not None
        params: dict[str, Any] = _elicit_params(call, decision)
        try:
            result = await relay.request_client("elicitation/create", params, timeout=self.timeout_s)
        except Exception as exc:  # no inline answer (timeout, error): the other channels still count
            log.info("inline approval for %s got no answer: %s", approval_id, exc)
            return
        approve = _approves(result)
        client = relay.client_info.get("name") or "client"
        await self.recorder.call(
            store.decide_approval, approval_id, approve=approve, approver=f"user via {client}", channel="elicitation"
        )

    # ---- 2026-07-28: inline approval through input_required -----------------------------------

    def can_ask_modern(self, relay: Relay, params: object) -> bool:
        """A 2026 request says what its client can do in its own `_meta` (many clients may share
        one relay on the HTTP front): only a client that declared elicitation is asked inline."""
        if not relay.era.is_modern(params):
            return False
        meta = request_meta(params)
        caps = meta.get(CLIENT_CAPABILITIES_META_KEY) if CLIENT_CAPABILITIES_META_KEY in meta else relay.client_capabilities
        return isinstance(caps, dict) and isinstance(caps.get("elicitation"), dict)

    @staticmethod
    def inline_state(params: object) -> str | None:
        """The approval id when this request is the retry answering our own input_required."""
        state = params.get("requestState") if isinstance(params, dict) else None
        if isinstance(state, str) and state.startswith(STATE_PREFIX):
            return state[len(STATE_PREFIX):]
        return None

    def restore(self, obj: dict[str, Any], approval_id: str) -> dict[str, Any] | None:
        """The request as the upstream must see it: our state and answer removed, its own put back."""
        entry = self._stash.get(approval_id)
        if entry is None:
            return None
        params = {k: v for k, v in obj["params"].items() if k not in ("requestState", "inputResponses")}
        params.update(entry[1])
        return {**obj, "params": params}

    async def ask_modern(self, relay: Relay, msg: Message, call: ToolCall, decision: Decision, args_sha: str,
                         judged_params: object = None) -> dict[str, Any] | Outcome:
        """An input_required result asking the human at the client; the approval waits in the store.
        `judged_params`: the request's params as judged (its answers to the upstream redacted):
        what the retry restores and forwards, without judging those answers again."""
        try:
            approval_id = await self._create(call, decision, args_sha)
        except LedgerError as exc:
            return Outcome(False, f"it could not be put up for approval ({exc})")
        params = judged_params if judged_params is not None else msg.obj.get("params")
        own = {k: params[k] for k in ("requestState", "inputResponses") if isinstance(params, dict) and k in params}
        self._stash[approval_id] = (args_sha, own)
        return {
            "resultType": "input_required",
            "inputRequests": {
                INLINE_KEY: {"method": "elicitation/create", "params": {"mode": "form", **_elicit_params(call, decision)}}
            },
            "requestState": STATE_PREFIX + approval_id,
        }

    async def resolve_modern(self, relay: Relay, msg: Message, call: ToolCall, args_sha: str, approval_id: str) -> Outcome:
        """The retry of a call we asked about: record the human's answer, then read the final status."""
        entry = self._stash.pop(approval_id, None)
        if entry is None or entry[0] != args_sha:
            return Outcome(False, "its retry does not match the call that was held", approval_id)
        store = self.recorder.store
        assert store is not None
        params = msg.obj.get("params")
        responses = params.get("inputResponses") if isinstance(params, dict) else None
        answer = responses.get(INLINE_KEY) if isinstance(responses, dict) else None
        if isinstance(answer, dict):
            await self.recorder.call(
                store.decide_approval, approval_id, approve=_approves(answer),
                approver=f"user via {relay.client_info.get('name') or 'client'}", channel="elicitation",
            )
        # Decided inline, or earlier from the CLI (single use: the first answer counts), or still
        # pending (no answer in the retry): then it is held here like any other call.
        try:
            return await self._wait(call, args_sha, approval_id)
        finally:
            await self._void_if_pending(approval_id)

    def close_orphans(self, server: str) -> None:
        """In the background, at start: close the approvals an earlier proxy for this server left
        pending when it died (ledger: close_orphaned_approvals), so the audit trail says what
        happened and nobody is asked about a call nothing would run."""
        store = self.recorder.store
        if store is None:
            return

        async def run() -> None:
            try:
                closed = await self.recorder.call(store.close_orphaned_approvals, server)
            except Exception as exc:  # the approvals stay listed as orphaned; nothing else depends on it
                log.warning("could not close orphaned approvals of server %r: %s", server, exc)
                return
            if closed:
                log.warning("closed %d approval(s) of server %r whose proxy had died: %s",
                            len(closed), server, ", ".join(closed))

        self._orphans = asyncio.get_running_loop().create_task(run())

    async def close(self) -> None:
        """At the connection's end: close the approvals it still holds (calls held for a human,
        questions awaiting a 2026 retry) as expired_orphaned, recorded, so nobody is asked about a
        call nothing would run and the trail says why, at once rather than at the next start."""
        self._closing = True  # before any await: held calls cancelled by the shutdown leave them to us
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        store = self.recorder.store
        if self._live and store is not None:
            self._live.clear()
            try:
                closed = await self.recorder.call(
                    store.close_held_approvals, self.instance,
                    "the proxy holding it shut down (its client went away or its upstream exited)")
                if closed:
                    log.warning("closed %d held approval(s) at shutdown: %s", len(closed), ", ".join(closed))
            except Exception as exc:  # they stay pending; the next start or `approvals list` closes them
                log.warning("could not close the held approvals at shutdown: %s", exc)
        orphans = self._orphans
        if orphans is not None and not orphans.done():
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(orphans, 2.0)


REVIEW_VALUE_CHARS = 4000  # per argument shown to the person deciding (`aegis-mcp approvals approve`)
REVIEW_TOTAL_CHARS = 16000
REVIEW_MAX_ARGS = 64  # a call with thousands of tiny arguments must not cost thousands of redactions
_REDACT_MARGIN = 4000


def review_arguments(arguments: Any) -> list[list[str]]:
    """The held call's arguments as the person deciding should read them, REDACTED: [[name, text], ...].

    A string argument is shown as its text (a file's content reads as the file), anything else as
    canonical JSON. Each value is redacted before it is cut (a secret cannot survive by being cut
    in half), and cut to REVIEW_VALUE_CHARS. Only held
    calls pay for this: the people deciding need more than the one-line preview the ledger keeps.
    """
    if not isinstance(arguments, dict):
        return []
    shown: list[list[str]] = []
    budget = REVIEW_TOTAL_CHARS
    for name, value in arguments.items():
        if budget <= 0 or len(shown) >= REVIEW_MAX_ARGS:
            shown.append(["…", f"{len(arguments) - len(shown)} more argument(s) not shown"])
            break
        text = value if isinstance(value, str) else canonical_bytes(value)[: REVIEW_VALUE_CHARS * 4].decode("utf-8", "replace")
        cap = min(REVIEW_VALUE_CHARS, budget)
        # redact past the cut (a margin as long as a PEM key), so what is cut off cannot hide a secret's head
        out = redact(text[: cap + _REDACT_MARGIN]).text
        if len(out) > cap or len(text) > cap + _REDACT_MARGIN:
            out = out[:cap] + f"… (cut: {len(text):,} characters in all)"
        shown.append([redact(str(name)[:200]).text, out])
        budget -= len(out)
    return shown


def operator_reason(text: str, limit: int = 500) -> str:
    """An operator's reason as it may be shown to the model and kept in the ledger: one line,
    secrets and personal data redacted (before the cut, so half a secret cannot survive), capped."""
    one_line = " ".join(text.split())
    out = redact(one_line[: limit + _REDACT_MARGIN]).text
    return out if len(out) <= limit else out[: limit - 1] + "…"


def _elicit_params(call: ToolCall, decision: Decision) -> dict[str, Any]:
    text = (
        f"aegis-mcp held a tool call for your approval.\nServer: {call.server}\nTool: {call.tool_name}\n"
        f"Arguments: {preview(call.tool_name, call.arguments) or '(hidden)'}\n"
        f"Risk: {decision.risk_level.name} — {decision.reason}\nApprove it?"
    )
    return {
        "message": text,
        "requestedSchema": {
            "type": "object",
            "properties": {"approve": {"type": "boolean", "title": "Approve this call", "default": False}},
            "required": ["approve"],
        },
    }


def _approves(answer: dict[str, Any]) -> bool:
    content = answer.get("content")
    return answer.get("action") == "accept" and isinstance(content, dict) and content.get("approve") is True


def _can_elicit(relay: Relay, params: object) -> bool:
    """Only a handshake-era client that declared elicitation can be asked with elicitation/create."""
    return not relay.era.is_modern(params) and isinstance(relay.client_capabilities.get("elicitation"), dict)
