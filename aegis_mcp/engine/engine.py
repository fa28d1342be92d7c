"""The engine's front door: `Engine.check(call)`, `check_result`, `check_tool_definition` -> Decision.

extract -> detect -> classify -> policy, pure and synchronous. Every public method fails
closed: any exception inside (a detector bug, a pathological input) becomes a block with
reason `engine_error`, never an allow and never an exception in the caller. Tool calls are
orchestrated here; the result side lives in results.py, tool definitions in tooldef.py, and
the pieces of a Decision (ordering signals, reason lines, the error block) in verdict.py.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Any, Iterator

from aegis_mcp.engine.classify import annotation_signals, categorize
from aegis_mcp.engine.detectors.base import Detector, Role, ScanContext
from aegis_mcp.engine.gates import Gate, GateSet
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.memo import MEMO_MAX_BYTES, bounded_put, call_key, memoised
from aegis_mcp.engine.model import Decision, RiskLevel, Signal, ToolCall
from aegis_mcp.engine.policy import PolicySet, build_policy_set, load_policy_file
from aegis_mcp.engine.result_source import secret_source
from aegis_mcp.engine.results import judge_result
from aegis_mcp.engine.tooldef import judge_definition
from aegis_mcp.engine.verdict import dedupe, engine_error, reason_for

__all__ = ["DETECTOR_NAMES", "DetectorError", "Engine"]

_LOW = RiskLevel.LOW  # a module global: `RiskLevel.LOW` goes through the slow enum attribute hook (3.11)

DETECTOR_NAMES = ("sql", "paths", "shell", "injection", "secrets", "pii", "exfil", "nosql", "destructive_ops")


def _load_detectors() -> tuple[list[tuple[str, Detector]], GateSet]:
    out = []
    gates: list[tuple[str, Gate | None]] = []
    for name in DETECTOR_NAMES:
        module = importlib.import_module(f"aegis_mcp.engine.detectors.{name}")
        out.append((name, module.detect))
        gates.append((name, getattr(module, "GATE", None)))
        prepare = getattr(module, "prepare", None)
        if prepare is not None:  # tables a detector would otherwise build on its first input
            prepare()
    return out, GateSet(gates)


class DetectorError(Exception):
    """A detector raised: the engine turns it into a block (fail closed)."""


class Engine:
    """Decides tool calls, tool results and tool definitions against one compiled policy set."""

    def __init__(self, policy_set: PolicySet | None = None, memo: bool = True, gates: bool = True) -> None:
        self._ps = policy_set if policy_set is not None else build_policy_set()
        # (name, detect) in DETECTOR_NAMES order, and which of them to run per (only, wanted) in _run
        self._chosen: dict[tuple[Any, Any], tuple[tuple[str, Detector], ...]] = {}
        self._detector_list, gate_set = _load_detectors()
        # gates=False runs every detector on everything: the reference the gates are tested against
        self._gates = gate_set if gates else None
        self._hash = self._ps.hash
        # Per-tool answers of the policy set (globs over names), memoised: a proxy sees the
        # same few tools over and over. Bounded (tool names come from the model).
        self._tools: dict[str, tuple[bool, str | None]] = {}
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
        if self._ps.results.learned_injection != "off":
            # The learned scorer's weights (~0.2 s, once per process) are read when an engine is built,
            # not on its first result; and not for a bare policy set (list_policies, check --policy
            # validation), which never scores a text.
            from aegis_mcp.engine.learned.scorer import default_model  # noqa: PLC0415

            default_model()

    @property
    def _detectors(self) -> list[tuple[str, Detector]]:
        return self._detector_list

    @_detectors.setter
    def _detectors(self, detectors: list[tuple[str, Detector]]) -> None:
        # (a test's broken detector): the choices made from the old list must not be reused
        self._detector_list = detectors
        self._chosen.clear()

    def _tool(self, tool_name: str) -> tuple[bool, str | None]:
        """(allowed by allow_tools, the operator's category for it or None): one lookup a call."""
        hit = self._tools.get(tool_name)
        if hit is None:
            hit = (self._ps.tool_allowed(tool_name), self._ps.category_override(tool_name))
            bounded_put(self._tools, tool_name, hit)
        return hit

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
        carried = ctx.extra.get("signals")
        signals: list[Signal] = list(carried) if carried else []
        gates = self._gates
        # (a mode no gate covers runs every detector: nothing to ask)
        wanted = gates.wanted(ctx, roles) if gates is not None and ctx.mode in gates.modes else None
        # the detectors to run, in DETECTOR_NAMES order, per (only, wanted): a few dozen combinations
        key = (only, wanted)
        chosen = self._chosen.get(key)
        if chosen is None:
            chosen = tuple((name, detect) for name, detect in self._detector_list
                           if (only is None or name in only) and (wanted is None or name in wanted))
            bounded_put(self._chosen, key, chosen, 1024)
        for name, detect in chosen:
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
            return engine_error(exc)

    def _check(self, call: ToolCall) -> Decision:
        ps = self._ps
        on_limits = ps.block_threshold if ps.on_limits == "block" else ps.pending_threshold
        ctx = extract(call, limits=ps.limits, limits_severity=on_limits)
        if ps.trusted_domains:  # the operator's own domains: detectors judge "external" against them
            ctx.extra["trusted_domains"] = ps.trusted_domains
        roles = frozenset([f.role for f in ctx.fragments])  # asked by the gates and by categorize
        signals = self._run(ctx, None, roles)
        allowed_tool, override = self._tool(call.tool_name)
        category = categorize(ctx, signals, override, roles)
        if ctx.annotations:
            signals.extend(annotation_signals(ctx, signals))
        signals = dedupe(signals)
        top = signals[0].severity if signals else _LOW

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
        reason = reason_for(decision, signals, violated, ps.pending_threshold)
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

    # -- tool results ------------------------------------------------------------------------

    def check_result(self, call: ToolCall, result_text: str) -> Decision:
        """allow / flag / redact (with redacted_text) / block for a tool's output; never raises."""
        try:
            # A result is judged on its text alone (and the tool's name): repeats are answered once.
            # ... and whether it was read out of a credential store (result_source), which changes what is secret.
            source = secret_source(call.arguments)
            key = ((call.tool_name, source, result_text)
                   if self._result_memo_ok and type(result_text) is str and len(result_text) <= MEMO_MAX_BYTES else None)
            return memoised(self._result_memo, key, judge_result, self._ps, self._run, call, result_text, source)
        except Exception as exc:
            return engine_error(exc, "result")

    def _check_result(self, call: ToolCall, result_text: str) -> Decision:
        return judge_result(self._ps, self._run, call, result_text, secret_source(call.arguments))

    # -- warm-up ---------------------------------------------------------------------------

    def warm_up_steps(self, slice_ms: float = 5.0) -> Iterator[int]:
        """Judge the package's generic sample traffic (warmup.py), yielding after every `slice_ms`
        of CPU so a caller (the proxy, while its upstream starts) can interleave it with other work.
        Yields how many sample items are done. Decisions are thrown away and never memoised; the
        engine is pure, so warming changes no later decision, only how fast the first ones come."""
        from aegis_mcp.engine.warmup import warm_up_items  # noqa: PLC0415 - only when asked

        done = 0
        t0 = time.thread_time()
        try:
            for call, result in warm_up_items():
                try:  # bypass the decision memos: they hold real traffic
                    if result is None:
                        self._check(call)
                    else:
                        self._check_result(call, result)
                except Exception:  # noqa: BLE001, S112 - warming is best effort and must never raise
                    pass
                done += 1
                if (time.thread_time() - t0) * 1000 >= slice_ms:
                    yield done
                    t0 = time.thread_time()
        finally:  # also when the caller stops early
            if self._gates is not None:
                self._gates.forget_plans()  # sample traffic must not decide which gates get promoted
            self._chosen.clear()
        yield done

    def warm_up(self) -> int:
        """All of warm_up_steps() at once; returns the number of sample items judged."""
        done = 0
        for done in self.warm_up_steps(slice_ms=1e9):
            pass
        return done

    # -- tool definitions (tools/list) -------------------------------------------------------

    def check_tool_definition(self, tool: dict[str, Any], server: str = "") -> Decision:
        """Tool poisoning in a tools/list entry -> allow / pending / block; never raises."""
        try:
            return judge_definition(self._ps, self._run, tool)
        except Exception as exc:
            return engine_error(exc, "tool_definition")
