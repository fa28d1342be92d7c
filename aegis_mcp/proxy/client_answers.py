"""Judging what the client sends back to the upstream: its answers to the server's own requests
(sampling/createMessage: the client's model output; elicitation/create: what the human typed;
roots/list: the client's directories; a task-augmented request's answer, fetched by the
server's tasks/result), in both eras, before they leave. Every string is read, wherever it sits
(a textual base64 blob decoded; in a tool_use input, under any key), and the strings read end to
end too, so a credential cut across fields is seen.

A malicious server can ask the client's model to "summarise the user's environment" and collect
the answer: the answer is scanned for secrets and PII with the same finders as redaction, judged
with the policy's result actions (`settings.results.secrets` / `.pii`: redact, flag = pass and
record, block = refuse), recorded in the ledger naming the server that asked, and only then sent
on. No record, no forward: an answer the ledger cannot hold is refused.

Elicitation is judged with contacts (e-mail addresses, phone numbers) allowed: a form asking the
human for their e-mail is the common, consented case; card numbers, SSNs and credentials are not.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from aegis_mcp.engine.detectors.secrets_scan import scan_text
from aegis_mcp.engine.model import RiskLevel
from aegis_mcp.engine.redact import redact
from aegis_mcp.proxy.content_scan import blob_text
from aegis_mcp.proxy.from_upstream import ANSWERED_METHODS

if TYPE_CHECKING:
    from aegis_mcp.engine.engine import Engine
    from aegis_mcp.proxy.intercept import Identity
    from aegis_mcp.proxy.recorder import Recorder
    from aegis_mcp.proxy.relay import Relay

log = logging.getLogger("aegis_mcp.proxy")

__all__ = ["ANSWERED_METHODS", "AnswerVerdict", "ClientAnswers", "answer_method", "answer_text"]

# Fields that say what an answer is, not what it says: never rewritten, not scanned.
_STRUCTURAL = frozenset({"type", "role", "model", "action", "stopReason", "mimeType", "resultType", "_meta",
                         "id", "toolUseId"})
# Values the model writes freely (a tool_use block's input, a tool_result's structured content):
# under them a key named `type` or `id` is data like any other, scanned and rewritten.
_DATA_KEYS = frozenset({"input", "structuredContent", "arguments"})
_MAX_DEPTH = 32
# Kinds found by shape alone (secrets_find's broad kinds): strings glued end to end make them out
# of neighbouring ids, so the glued reading counts only credentials known by their format.
_UNGLUED = frozenset({"high_entropy_token", "prefixed_token", "assigned_token"})


class _TooDeep(Exception):
    """An answer nested past _MAX_DEPTH: not inspected, so not sent (fail closed)."""


@dataclass(frozen=True, slots=True)
class AnswerVerdict:
    """What happens to one answer: `result` to send (None: unchanged) unless `refused` says why not."""

    decision: str  # allow / flag / redact / block
    result: Any = None  # the redacted answer (a dict unless the client sent a malformed one)
    refused: str | None = None


def answer_method(answer: Any) -> str | None:
    """Which request an answer is for, from its shape: a 2026 inputResponses entry (the keys are
    the server's) or the result of a task-augmented request fetched by tasks/result."""
    if not isinstance(answer, dict):
        return None
    if "roots" in answer:
        return "roots/list"
    if "action" in answer:
        return "elicitation/create"
    if "content" in answer and ("role" in answer or "model" in answer):
        return "sampling/createMessage"
    return None


def _strings(value: Any, out: list[str], depth: int = 0, label: str | None = None, data: bool = False) -> None:
    """Every string leaf under a non-structural key, and the decoded text of a textual base64 blob
    (an embedded resource); `label` (an elicitation field's name) goes in front of its value so
    the PII finders see `ssn: 123-45-6789`, not a bare number. Raises _TooDeep past the cap."""
    if depth > _MAX_DEPTH:
        raise _TooDeep
    if isinstance(value, str):
        out.append(f"{label}: {value}" if label else value)
    elif isinstance(value, dict):
        decoded = blob_text(value)
        if decoded is not None:
            out.append(decoded)
        for key, item in value.items():
            if data or key not in _STRUCTURAL:
                _strings(item, out, depth + 1, None, data or key in _DATA_KEYS)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out, depth + 1, label, data)


def answer_text(method: str, result: Any) -> str:
    """The text of an answer as judged (any JSON value: a malformed answer is still what is sent)."""
    return "\n".join(_answer_parts(method, result))


def _answer_parts(method: str, result: Any) -> list[str]:
    parts: list[str] = []
    if method == "elicitation/create" and isinstance(result, dict) and isinstance(result.get("content"), dict):
        for key, value in result["content"].items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)  # a number typed into a form (a card number) is still data
            _strings(value, parts, 1, str(key))
        # and whatever else the answer holds beside the form: the upstream reads it all the same
        _strings({k: v for k, v in result.items() if k != "content"}, parts)
    else:
        _strings(result, parts)
    return parts


def _map_strings(value: Any, fn: Callable[[str], str], depth: int = 0, data: bool = False) -> Any:
    """`value` with every string _strings reads rewritten; a textual blob becomes (rewritten) text,
    as content_scan does for resources."""
    if depth > _MAX_DEPTH:
        return value
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        new = {k: (v if not data and k in _STRUCTURAL else _map_strings(v, fn, depth + 1, data or k in _DATA_KEYS))
               for k, v in value.items()}
        decoded = blob_text(value)
        if decoded is not None:
            del new["blob"]
            new["text"] = fn(decoded)
        return new
    if isinstance(value, list):
        return [_map_strings(v, fn, depth + 1, data) for v in value]
    return value


def _redact_answer(method: str, result: Any, contacts: bool) -> Any:
    """`result` with every string value redacted; an elicitation field is redacted with its name
    in front (as it was judged: `card: 4539 …` is a card, a bare number may not be)."""
    def plain(text: str) -> str:
        return redact(text, contacts=contacts).text

    if method != "elicitation/create" or not isinstance(result, dict) or not isinstance(result.get("content"), dict):
        return _map_strings(result, plain)

    def field(key: str, value: Any) -> Any:
        if isinstance(value, list):
            return [field(key, v) for v in value]
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return value
        prefix = f"{key}: "
        out = plain(prefix + str(value))
        if out == prefix + str(value):
            return value  # untouched (and a number stays a number)
        return out[len(prefix):] if out.startswith(prefix) else out

    rest = _map_strings({k: v for k, v in result.items() if k != "content"}, plain)
    return {k: ({f: field(str(f), v) for f, v in result["content"].items()} if k == "content" else rest[k])
            for k in result}


def _findings(text: str, contacts: bool) -> tuple[list[str], list[str]]:
    """(secret kinds, PII kinds) in `text`, in order of appearance."""
    removed = redact(text, contacts=contacts).kinds
    if not removed:
        return [], []
    pii = {f.kind for f in scan_text(text, exhaustive=True) if f.family == "pii"}
    return [k for k in removed if k not in pii], [k for k in removed if k in pii]


def _split_secrets(parts: list[str], contacts: bool, found: list[str]) -> list[str]:
    """Secret kinds (not in `found`) that only the answer's strings read end to end show: a
    credential cut into pieces across fields (content blocks, list items) for the server to join
    back. Only secrets: PII is not judged glued (neighbouring numbers would make ones nobody wrote)."""
    if len(parts) < 2:
        return []
    return [k for k in _findings("".join(parts), contacts)[0] if k not in found and k not in _UNGLUED]


class ClientAnswers:
    """Judges and records the client's answers to one connection's upstream."""

    def __init__(self, engine: Engine, recorder: Recorder, identity: Identity) -> None:
        self.recorder = recorder
        self.identity = identity
        actions = engine.policy_set.results
        self._actions = {"secrets": actions.secrets, "pii": actions.pii}

    async def judge(self, relay: Relay, method: str, result: Any, *, asked_by: str, via: str | None = None,
                    params: object = None, answer_part: str = "result") -> AnswerVerdict:
        """Judge one answer to `method`, record it, and say what to send. `asked_by`: the server's
        request id (or the 2026 inputRequests key); `via`, `params`: the 2026 request that carried it;
        `answer_part`: "error" when the client answered with a JSON-RPC error (its message and data
        are judged and redacted the same way)."""
        verdict, record = self.assess(relay, method, result, asked_by=asked_by, via=via, params=params)
        if answer_part != "result":
            record["answer"] = answer_part
        if verdict.refused is None:
            record["sent"] = True
        if not await self.commit(relay, [record]):
            return AnswerVerdict("block", refused="the audit ledger cannot record it")
        return verdict

    def assess(self, relay: Relay, method: str, result: Any, *, asked_by: str, via: str | None = None,
               params: object = None) -> tuple[AnswerVerdict, dict[str, Any]]:
        """Judge one answer without recording it: the verdict and its (uncommitted) ledger record,
        which says `sent: false` until the caller knows the answer goes on (commit, mark_unsent)."""
        if method == "tasks/result":  # a task-augmented request's answer: what was asked, from its shape
            method = answer_method(result) or method
        # Any value is judged, a malformed (non-object) answer too: the upstream would still get it.
        contacts = method != "elicitation/create"
        too_deep = False
        try:
            parts = _answer_parts(method, result)
        except _TooDeep:
            parts, too_deep = [], True
        text = "\n".join(parts)
        secrets, pii = _findings(text, contacts) if text else ([], [])
        secrets += _split_secrets(parts, contacts, secrets)
        acts = {self._actions["secrets"]} if secrets else set()
        if pii:
            acts.add(self._actions["pii"])
        decision = "block" if "block" in acts else "redact" if "redact" in acts else "flag" if acts else "allow"
        new: Any = None
        if decision == "redact":
            new = _redact_answer(method, result, contacts)
            new_parts = _answer_parts(method, new)
            left = _findings("\n".join(new_parts), contacts)
            if left[0] or left[1] or _split_secrets(new_parts, contacts, []):
                # a value split across fields survives field-wise redaction: refuse
                decision, new = "block", None
        kinds = secrets + pii
        reason = f"{method} answer carries {', '.join(kinds)} to server {self.identity.server!r}" if kinds else ""
        if too_deep:
            decision, new = "block", None
            reason = f"{method} answer is nested deeper than {_MAX_DEPTH} levels: not inspected, not sent"
        risk = RiskLevel.HIGH if secrets else RiskLevel.MEDIUM if pii else RiskLevel.LOW
        record: dict[str, Any] = {
            "kind": "client_answer",
            "agent_id": self.identity.agent(relay, params),
            "server": self.identity.server,  # the server that asked, and receives the answer
            "session_id": self.recorder.session_id,
            "tool": method,
            "method": method,
            "asked_by": asked_by[:200],
            "policy_hash": self.recorder.policy_hash,
            "decision": decision,
            "risk": risk.name,
            "category": "client_answer",
            "signals": [f"secrets.{k}" for k in secrets] + [f"pii.{k}" for k in pii],
            "reason": reason[:1000],
            "answer_sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        }
        if via is not None:
            record["via"] = via[:200]
        label = self.recorder._client(relay, params)
        if label is not None:
            record["client"] = label
        record["sent"] = False
        if decision != "allow":
            log.warning("client's %s answer to server %r: %s (%s)", method, self.identity.server, decision, reason)
        if decision == "block":
            return AnswerVerdict("block", refused=reason or "refused by policy"), record
        return AnswerVerdict(decision, new), record

    async def commit(self, relay: Relay, records: list[dict[str, Any]]) -> bool:
        """Record answers before what carries them goes on; False if any was not recorded (then
        nothing may be sent: fail closed)."""
        for record in records:
            if not await self.recorder.record_before_forward(record, alone=not relay.inflight.held):
                return False
        return True

    @staticmethod
    def mark_unsent(records: list[dict[str, Any]], why: str) -> None:
        """The answers did not go to the server (`why`): the records say so, whatever the answer's
        own verdict was (kept as `judged`), so no record claims an answer went through."""
        for record in records:
            record["sent"] = False
            if record["decision"] != "block":
                record["judged"] = record["decision"]
                record["decision"] = "block"
            record["reason"] = (f"not sent: {why}" + (f"; {record['reason']}" if record["reason"] else ""))[:1000]

    async def input_responses(self, relay: Relay, params: Any, via: str) -> tuple[str | None, dict[str, Any] | None]:
        """2026-07-28: the answers a retried request carries in `inputResponses`, judged and recorded.
        Returns (why it is refused, None) or (None, the params to send; None when unchanged)."""
        refused, new_params, records = self.assess_inputs(relay, params, via)
        if refused is None:
            for record in records:
                record["sent"] = True
        if not await self.commit(relay, records):
            return "the audit ledger cannot record the answers it carries", None
        return refused, new_params

    def assess_inputs(self, relay: Relay, params: Any, via: str) -> tuple[str | None, dict[str, Any] | None,
                                                                           list[dict[str, Any]]]:
        """Judge the answers a 2026 retry carries, recording nothing: (why it is refused or None, the
        params to send or None when unchanged, one record per answer). Every answer is judged even
        after one is refused, and then every record says it was not sent."""
        if not isinstance(params, dict):
            return None, None, []
        responses = params.get("inputResponses")
        if not responses:
            return None, None, []
        if not isinstance(responses, dict):
            # Not the spec's map, but the upstream would still read it: judged as one answer.
            verdict, record = self.assess(relay, "input_response", responses, asked_by="inputResponses", via=via,
                                          params=params)
            if verdict.refused is not None:
                return f"the answers it carries: {verdict.refused}", None, [record]
            return None, (None if verdict.result is None else {**params, "inputResponses": verdict.result}), [record]
        changed: dict[str, Any] = {}
        records: list[dict[str, Any]] = []
        refused: str | None = None
        for key, answer in responses.items():
            # The keys are the server's; the shape says what was asked. One we do not recognise
            # (a later revision's, or not even an object) is still scanned as a whole and
            # recorded, not waved through.
            method = answer_method(answer) or "input_response"
            verdict, record = self.assess(relay, method, answer, asked_by=str(key), via=via, params=params)
            records.append(record)
            if verdict.refused is not None and refused is None:
                refused = f"the client's answer to the server's {method} request: {verdict.refused}"
            if verdict.result is not None:
                changed[key] = verdict.result
        if refused is not None:
            self.mark_unsent([r for r in records if r["decision"] != "block"],
                             "another answer in the same request was refused")
            return refused, None, records
        if not changed:
            return None, None, records
        return None, {**params, "inputResponses": {**responses, **changed}}, records
