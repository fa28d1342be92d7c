"""Detector gates: one RE2 pass over a call decides which detectors have anything to look at.

Most tool calls are ordinary (`get_weather {"city": "Paris"}`), and each detector spends a few
microseconds of Python just walking the fragments to find nothing. A detector module may
declare `GATE = Gate(...)`: a *necessary condition* for it to emit any signal in the gated
modes: some fragment has one of `roles`, the tool's name has one of `tool_words`, or one of
`patterns` occurs somewhere in the call's text (every form of every fragment, keys included,
joined by newlines). When none holds, the engine skips the detector. All gated detectors'
patterns are matched together, once per call (`GateSet.wanted`).

A gate must never change a decision, only skip work that would have found nothing:
`Engine(gates=False)` runs every detector, and `bench/dev/gate_diff.py` (over the corpora) and
tests/engine/test_gates.py compare the two. A detector without a GATE always runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.regex import PatternSet

# Past this many characters every detector runs: the one pass would cost about what it saves,
# and long inputs are where the detectors' own bounded scans belong.
GATE_MAX_CHARS = 65_536


@dataclass(frozen=True, slots=True)
class Gate:
    """When a detector may have something to say (any one condition suffices)."""

    patterns: tuple[str, ...] = ()  # RE2 patterns, unanchored; write them case-insensitive ((?i))
    roles: frozenset[Role] = frozenset()
    tool_words: frozenset[str] = frozenset()
    modes: frozenset[str] = field(default_factory=lambda: frozenset({"call"}))  # other modes: always run


class GateSet:
    """The gates of the engine's detectors, compiled into one pattern set."""

    def __init__(self, gates: Iterable[tuple[str, Gate | None]]) -> None:
        self._always: list[str] = []
        self._gated: list[tuple[str, Gate]] = []
        named: list[tuple[str, str]] = []
        for name, gate in gates:
            if gate is None:
                self._always.append(name)
                continue
            self._gated.append((name, gate))
            named.extend((name, p) for p in gate.patterns)
        self._set = PatternSet(named) if named else None

    def wanted(self, ctx: ScanContext) -> frozenset[str] | None:
        """Names of the detectors to run on `ctx`, or None for all of them."""
        if not self._gated or ctx.total_chars > GATE_MAX_CHARS:
            return None
        run = set(self._always)
        pending: list[str] = []
        roles = {f.role for f in ctx.fragments}
        words = ctx.tool_words
        mode = ctx.mode
        for name, gate in self._gated:
            if mode not in gate.modes or not roles.isdisjoint(gate.roles) or not words.isdisjoint(gate.tool_words):
                run.add(name)
            elif gate.patterns:
                pending.append(name)
        if pending and self._set is not None and ctx.fragments:
            text = "\n".join([form for f in ctx.fragments for form in f.all_forms])
            run.update(self._set.matches(text))
        return frozenset(run)
