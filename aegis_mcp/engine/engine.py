"""The engine's front door: `Engine.check(call)`, `check_result`, `check_tool_definition` -> Decision.

extract -> detect -> classify -> policy, pure and synchronous. Every public method fails
closed: any exception inside (a detector bug, a pathological input) becomes a block with
reason `engine_error`, never an allow and never an exception in the caller.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from aegis_mcp.engine.classify import annotation_signals, categorize
from aegis_mcp.engine.detectors.base import Detector, Fragment, Role, ScanContext
from aegis_mcp.engine.gates import Gate, GateSet
from aegis_mcp.engine.extract import extract, extract_text, scrub_surrogates, tool_words
from aegis_mcp.engine.memo import MEMO_MAX_BYTES, MISSING, bounded_put, call_key, memoised
from aegis_mcp.engine.normalize import normalize
from aegis_mcp.engine.model import Decision, RiskLevel, Signal, ToolCall
from aegis_mcp.engine.policy import PolicySet, build_policy_set, load_policy_file

_LOW = RiskLevel.LOW  # a module global: `RiskLevel.LOW` goes through the slow enum attribute hook (3.11)

DETECTOR_NAMES = ("sql", "paths", "shell", "injection", "secrets", "pii", "exfil", "nosql", "destructive_ops")
# A tool result is text handed back to the model: only these kinds of finding are about it.
RESULT_DETECTORS = ("injection", "secrets", "pii")


def _load_detectors() -> tuple[list[tuple[str, Detector]], GateSet]:
    out = []
    gates: list[tuple[str, Gate | None]] = []
    for name in DETECTOR_NAMES:
        module = importlib.import_module(f"aegis_mcp.engine.detectors.{name}")
        out.append((name, module.detect))
        gates.append((name, getattr(module, "GATE", None)))
    return out, GateSet(gates)


class DetectorError(Exception):
    """A detector raised: the engine turns it into a block (fail closed)."""


def _engine_error(exc: BaseException, category: str = "unknown") -> Decision:
    return Decision(
        decision="block",
        risk_level=RiskLevel.CRITICAL,
        category=category,
        signals=(Signal("engine", "engine_error", f"{type(exc).__name__}: {exc}"[:300], RiskLevel.CRITICAL),),
        reason=f"engine_error: {type(exc).__name__}: {exc}"[:300],
    )


def _summary(signals: list[Signal], limit: int = 3) -> str:
    parts = [f"{s.pattern}/{s.rule} at {s.path or '/'} ({s.severity.name})" for s in signals[:limit]]
    if len(signals) > limit:
        parts.append(f"+{len(signals) - limit} more")
    return "; ".join(parts)


def _dedupe(signals: list[Signal]) -> list[Signal]:
    """One signal per (pattern, rule, path), the most severe kept; most severe first."""
    if len(signals) < 2:
        return signals  # nothing to merge or order (the common clean call)
    best: dict[tuple[str, str, str], Signal] = {}
    for s in signals:
        key = (s.pattern, s.rule, s.path)
        cur = best.get(key)
        if cur is None or s.severity > cur.severity:
            best[key] = s
    return sorted(best.values(), key=lambda s: -s.severity)


class Engine:
    """Decides tool calls, tool results and tool definitions against one compiled policy set."""

    def __init__(self, policy_set: PolicySet | None = None, memo: bool = True, gates: bool = True) -> None:
        self._ps = policy_set if policy_set is not None else build_policy_set()
        self._detectors, gate_set = _load_detectors()
        # gates=False runs every detector on everything: the reference the gates are tested against
        self._gates = gate_set if gates else None
        self._hash = self._ps.hash
        # Per-tool answers of the policy set (globs over names), memoised: a proxy sees the
        # same few tools over and over. Bounded (tool names come from the model).
        self._allowed: dict[str, bool] = {}
        self._overrides: dict[str, str | None] = {}
        # (server, tool, category) -> (policies in scope, whether one of them could be violated by
        # a call without any signal: only then does a clean call build the facts document)
        self._scopes: dict[tuple[str, str, str], tuple[tuple[Any, ...], bool]] = {}
        # Whole decisions, memoised: the engine is pure, so an identical call (an agent polling
        # `get_status {}`, retrying, listing the same directory) gets the identical answer. Only
        # when every policy reads nothing but the signals: the key is the call as JSON, which
        # cannot tell NaN from null, and only an argument-reading rule could.
        self._memo_ok = memo and self._ps.reads_only_signals
        # A call without signals is allowed unless the operator holds everything (threshold LOW)
        self._clean_allows = self._ps.pending_threshold > RiskLevel.LOW
        self._result_memo_ok = memo
        self._memo: dict[Any, Decision] = {}
        self._result_memo: dict[Any, Decision] = {}

    def _tool_allowed(self, tool_name: str) -> bool:
        hit = self._allowed.get(tool_name)
        if hit is None:
            hit = self._ps.tool_allowed(tool_name)
            bounded_put(self._allowed, tool_name, hit)
        return hit

    def _category_override(self, tool_name: str) -> str | None:
        hit = self._overrides.get(tool_name, MISSING)
        if hit is MISSING:
            hit = self._ps.category_override(tool_name)
            bounded_put(self._overrides, tool_name, hit)
        return hit  # type: ignore[return-value]

    def _in_scope(self, server: str, tool_name: str, category: str) -> tuple[tuple[Any, ...], bool]:
        """The policies whose scope covers this server/tool/category (globs matched once per key),
        and whether any of them may be violated by a call that has no signal."""
        key = (server, tool_name, category)
        hit = self._scopes.get(key)
        if hit is None:
            scoped = tuple(p for p in self._ps.policies if p.in_scope(server, tool_name, category))
            hit = (scoped, not all(p.signal_gated() for p in scoped))
            bounded_put(self._scopes, key, hit)
        return hit

    @classmethod
    def from_file(cls, path: str | Path) -> Engine:
        """An engine over a YAML/JSON policy file; raises ConfigError with a clear message."""
        return cls(load_policy_file(path))

    @property
    def policy_set(self) -> PolicySet:
        return self._ps

    @property
    def policy_hash(self) -> str:
        return self._hash

    @property
    def policies(self) -> list[dict[str, Any]]:
        return [
            {
                "name": d["name"],
                "risk": d["risk"],
                "action": d["action"],
                "description": d["description"],
                "scope": d["scope"],
                "source": d["source"],
                "hash": d["hash"],
            }
            for d in (p.describe() for p in self._ps.policies)
        ]

    # -- detection ---------------------------------------------------------------------------

    def _run(self, ctx: ScanContext, only: tuple[str, ...] | None = None,
             roles: frozenset[Role] | None = None) -> list[Signal]:
        signals: list[Signal] = list(ctx.extra.get("signals", ()))
        gates = self._gates
        # (a mode no gate covers runs every detector: nothing to ask)
        wanted = gates.wanted(ctx, roles) if gates is not None and ctx.mode in gates.modes else None
        for name, detect in self._detectors:
            if only is not None and name not in only:
                continue
            if wanted is not None and name not in wanted:
                continue  # its gate says it has nothing to look at (gates.py)
            try:
                found = detect(ctx)
            except Exception as exc:  # fail closed: a broken detector must not become an allow
                raise DetectorError(f"detector {name} failed: {type(exc).__name__}: {exc}") from exc
            if found:
                signals.extend(found)
        return signals

    # -- tool calls --------------------------------------------------------------------------

    def check(self, call: ToolCall, memo_key: Any = None) -> Decision:
        """allow / block / pending for one tools/call; never raises.

        `memo_key`: optional, the caller's own key for this exact call (it must determine the
        tool, server, agent, arguments in document order, schema and annotations, and never equal
        a memo.call_key tuple): the proxy builds it from bytes it has anyway, sparing call_key's walk.
        """
        try:
            key = (memo_key if memo_key is not None else call_key(call)) if self._memo_ok else None
            return memoised(self._memo, key, self._check, call)
        except Exception as exc:
            return _engine_error(exc)

    def _check(self, call: ToolCall) -> Decision:
        ps = self._ps
        on_limits = ps.block_threshold if ps.on_limits == "block" else ps.pending_threshold
        ctx = extract(call, limits=ps.limits, limits_severity=on_limits)
        if ps.trusted_domains:  # the operator's own domains: detectors judge "external" against them
            ctx.extra["trusted_domains"] = ps.trusted_domains
        roles = frozenset([f.role for f in ctx.fragments])  # asked by the gates and by categorize
        signals = self._run(ctx, None, roles)
        category = categorize(ctx, signals, self._category_override(call.tool_name), roles)
        if ctx.annotations:
            signals.extend(annotation_signals(ctx, signals))
        signals = _dedupe(signals)
        top = signals[0].severity if signals else _LOW

        allowed_tool = self._tool_allowed(call.tool_name)
        if allowed_tool or category in ps.allow_categories:
            why = "allow_tools" if allowed_tool else "allow_categories"
            return Decision("allow", top, category, tuple(signals), f"allowed by {why}")

        scoped, ungated = self._in_scope(call.server, call.tool_name, category)
        if not signals and not ungated and self._clean_allows:
            # The common clean call: no signal, and no rule in scope can be violated without one
            # (so the facts document is never built and no JSON Schema is evaluated).
            return Decision("allow", top, category, (), "")
        violated: list[Any] = []
        if scoped:
            facts = {
                "tool_name": call.tool_name,
                "server": call.server,
                "category": category,
                "arguments": call.arguments,
                "annotations": call.annotations or {},
                "signals": [
                    {
                        "pattern": s.pattern,
                        "rule": s.rule,
                        "severity": s.severity.name,
                        "blocking": s.severity >= ps.block_threshold,
                        "path": s.path,
                    }
                    for s in signals
                ],
                "max_severity": top.name,
            }
            violated = [p for p in scoped if p.violated(facts)]
        risk = max([top, *(p.risk for p in violated)])
        blocking = [p for p in violated if p.action == "block"]
        if blocking or top >= ps.block_threshold:
            decision = "block"
        elif violated or top >= ps.pending_threshold:
            decision = "pending"
        else:
            decision = "allow"
        reason = self._reason(decision, signals, violated, ps)
        out = Decision(decision, risk, category, tuple(signals), reason, tuple(p.name for p in violated))
        if ps.audit_only and decision != "allow":
            return Decision(
                "allow",
                risk,
                category,
                out.signals,
                f"audit_only: would have {'blocked' if decision == 'block' else 'held'}: {reason}",
                out.violations,
                extra={"audit_only": True, "would_decision": decision},
            )
        return out

    @staticmethod
    def _reason(decision: str, signals: list[Signal], violated: list[Any], ps: PolicySet) -> str:
        if decision == "allow":
            return _summary(signals) if signals else ""
        parts = []
        if violated:
            parts.append("violates " + ", ".join(p.name for p in violated))
        strong = [s for s in signals if s.severity >= ps.pending_threshold] or signals
        if strong:
            parts.append(_summary(strong))
        return "; ".join(parts)

    # -- tool results ------------------------------------------------------------------------

    def check_result(self, call: ToolCall, result_text: str) -> Decision:
        """allow / flag / redact (with redacted_text) / block for a tool's output; never raises."""
        try:
            # A result is judged on its text alone (and the tool's name): repeats are answered once.
            key = ((call.tool_name, result_text)
                   if self._result_memo_ok and type(result_text) is str and len(result_text) <= MEMO_MAX_BYTES else None)
            return memoised(self._result_memo, key, self._check_result, call, result_text)
        except Exception as exc:
            return _engine_error(exc, "result")

    def _check_result(self, call: ToolCall, result_text: str) -> Decision:
        ps = self._ps
        if not isinstance(result_text, str):
            raise TypeError("result_text must be a string")
        ctx = extract_text(result_text, call.tool_name, "result", ps.limits)
        signals = _dedupe(self._run(ctx, RESULT_DETECTORS))
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
            redacted = _redact(result_text)
            if redacted is None:
                decision = "block"  # fail closed: a secret we cannot remove must not reach the model
            elif redacted == result_text:
                decision, redacted = "flag", None
            else:
                decision = "redact"
        elif actions:
            decision = "flag"
        else:
            decision = "allow"
        reason = _summary(act or signals) if decision != "allow" or signals else ""
        if decision == "block" and "redact" in actions and redacted is None and "block" not in actions:
            reason = "redactor unavailable; " + reason
        out = Decision(decision, top, "result", tuple(signals), reason, (), redacted)
        if ps.audit_only and decision == "block":
            return Decision(
                "flag", top, "result", out.signals, f"audit_only: would have blocked: {reason}",
                extra={"audit_only": True, "would_decision": decision},
            )
        return out

    # -- tool definitions (tools/list) -------------------------------------------------------

    def check_tool_definition(self, tool: dict[str, Any], server: str = "") -> Decision:
        """Tool poisoning in a tools/list entry -> allow / pending / block; never raises."""
        try:
            return self._check_tool_definition(tool, server)
        except Exception as exc:
            return _engine_error(exc, "tool_definition")

    def _check_tool_definition(self, tool: dict[str, Any], server: str) -> Decision:
        ps = self._ps
        if not isinstance(tool, dict):
            raise TypeError("a tool definition must be an object")
        name = str(tool.get("name", ""))
        fragments, capped = _definition_fragments(tool, ps.limits.max_strings, ps.limits.max_total_chars)
        total = sum(len(f.raw) for f in fragments)
        ctx = ScanContext(
            tool_name=name,
            fragments=tuple(fragments),
            mode="description",
            tool_words=tool_words(name),
            schema=tool.get("inputSchema") if isinstance(tool.get("inputSchema"), dict) else None,
            annotations=tool.get("annotations") if isinstance(tool.get("annotations"), dict) else None,
            total_chars=total,
        )
        found = self._run(ctx)
        if capped:
            # A definition too big to read whole is not vouched for (fail closed, like calls).
            sev = ps.block_threshold if ps.on_limits == "block" else ps.pending_threshold
            found.append(Signal("limits", capped, "tool definition exceeds the scan limits", sev))
        signals = _dedupe(found)
        top = signals[0].severity if signals else RiskLevel.LOW
        if top >= ps.block_threshold:
            decision = "block"
        elif top >= ps.pending_threshold:
            decision = "pending"
        else:
            decision = "allow"
        reason = _summary(signals) if signals else ""
        if ps.audit_only and decision != "allow":
            return Decision("allow", top, "tool_definition", tuple(signals), f"audit_only: would have {decision}: {reason}",
                            extra={"audit_only": True, "would_decision": decision})
        return Decision(decision, top, "tool_definition", tuple(signals), reason)


def _redact(text: str) -> str | None:
    """The secrets/PII redactor, imported lazily: None when it is not available (caller fails closed)."""
    try:
        from aegis_mcp.engine.redact import redact  # noqa: PLC0415 - optional until it lands
    except ImportError:
        return None
    return redact(text).text


def _definition_fragments(tool: dict[str, Any], max_strings: int, max_chars: int) -> tuple[list[Fragment], str]:
    """Every string a model reads in a tool definition: description, titles, schema prose, property names.

    Returns the fragments and "" or the name of the cap that cut the walk short ("strings"/"size").
    """
    out: list[Fragment] = []
    budget = [max_chars]
    capped = [""]

    def add(path: str, raw: str, name: str, role: Role, is_key: bool) -> None:
        if len(out) >= max_strings:
            capped[0] = capped[0] or "strings"
            return
        if len(raw) > budget[0]:
            capped[0] = capped[0] or "size"
            raw = raw[: max(budget[0], 0)]
        budget[0] -= len(raw)
        raw = raw if raw.isascii() else scrub_surrogates(raw)
        forms, flags = normalize(raw, role)
        out.append(Fragment(path, raw, name, role, is_key, forms, flags))

    for key in ("description", "title"):
        val = tool.get(key)
        if isinstance(val, str) and val:
            add(f"/{key}", val, key, Role.TEXT, False)
    ann = tool.get("annotations")
    if isinstance(ann, dict) and isinstance(ann.get("title"), str):
        add("/annotations/title", ann["title"], "title", Role.TEXT, False)
    schema = tool.get("inputSchema")
    stack: list[tuple[Any, str]] = [(schema, "/inputSchema")]
    while stack and not capped[0]:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                ks = str(k)
                child = f"{ptr}/{ks.replace('~', '~0').replace('/', '~1')}"
                if ptr.endswith("/properties"):
                    add(child, ks, ks.lower(), Role.KEY, True)  # a property name is read by the model too
                if isinstance(v, str):
                    if ks in ("description", "title", "default", "$comment") or ptr.endswith(("/enum", "/examples")):
                        add(child, v, ks.lower(), Role.TEXT, False)
                elif isinstance(v, (dict, list)):
                    stack.append((v, child))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                if isinstance(v, str):
                    add(f"{ptr}/{i}", v, "", Role.TEXT, False)
                elif isinstance(v, (dict, list)):
                    stack.append((v, f"{ptr}/{i}"))
    return out, capped[0]
