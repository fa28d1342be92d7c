"""The result side of the engine: a tool's output judged for injected instructions, secrets and PII,
and what to do about it (allow / flag / redact with the redacted text / block).
"""

from __future__ import annotations

from typing import Callable

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.extract import extract_text
from aegis_mcp.engine.learned import opinion as learned
from aegis_mcp.engine.model import Decision, RiskLevel, Signal, ToolCall
from aegis_mcp.engine.policy import PolicySet
from aegis_mcp.engine.redact import redact
from aegis_mcp.engine.verdict import dedupe, summary

# A tool result is text handed back to the model: only these kinds of finding are about it.
RESULT_DETECTORS = ("injection", "secrets", "pii")
_LOW = RiskLevel.LOW  # a module global: `RiskLevel.LOW` goes through the slow enum attribute hook (3.11)
# The engine's detector pass: (context, only these detectors or None, roles or None) -> signals
Runner = Callable[[ScanContext, "tuple[str, ...] | None", "frozenset[Role] | None"], "list[Signal]"]


def judge_result(ps: PolicySet, run: Runner, call: ToolCall, result_text: str, source: str | None) -> Decision:
    """allow / flag / redact / block for one tool result (the engine's check_result, minus its memo).

    `source`: the credential store the result was read from (result_source.secret_source), else None."""
    if not isinstance(result_text, str):
        raise TypeError("result_text must be a string")
    ctx = extract_text(result_text, call.tool_name, "result", ps.limits)
    if source is not None:
        ctx.extra["secret_source"] = source  # a credential store was read: its generic credentials are real
    signals = dedupe(run(ctx, RESULT_DETECTORS, None))
    how = learned.mode(ps.results.learned_injection)
    if how != "off":
        signals = learned.second_opinion(signals, result_text, ctx, how)  # the learned second opinion (never raises)
    if not signals:
        return Decision("allow", _LOW, "result", (), "", (), None)  # the common clean result
    top = signals[0].severity
    act = [s for s in signals if s.severity >= ps.pending_threshold]
    actions: set[str] = set()
    for s in act:
        if s.pattern == "prompt_injection":
            # CRITICAL (an unambiguous override) gets the configured action; HIGH is flagged.
            actions.add(ps.results.injection if s.severity >= ps.block_threshold else "flag")
        elif s.pattern == "secrets":
            actions.add(ps.results.secrets)
        elif s.pattern == "pii":
            actions.add(ps.results.pii)
        else:
            actions.add("flag")
    if any(s.pattern == "limits" for s in signals):
        actions.add("flag")  # the unscanned tail is not vouched for
    redacted: str | None = None
    if "block" in actions:
        decision = "block"
    elif "redact" in actions:
        redacted = redact(result_text).text
        if redacted == result_text:
            decision, redacted = "flag", None
        else:
            decision = "redact"
    elif actions:
        decision = "flag"
    else:
        decision = "allow"
    reason = summary(act or signals) if decision != "allow" or signals else ""
    out = Decision(decision, top, "result", tuple(signals), reason, (), redacted)
    if ps.audit_only and decision == "block":
        return Decision(
            "flag", top, "result", out.signals, f"audit_only: would have blocked: {reason}",
            extra={"audit_only": True, "would_decision": decision},
        )
    return out
