"""Detector gates: a few cheap RE2 tests over a call decide which detectors have anything to look at.

Most tool calls are ordinary (`get_weather {"city": "Paris"}`), and each detector spends a few
microseconds of Python just walking the fragments to find nothing. A detector module may
declare `GATE = Gate(...)`: a *necessary condition* for it to emit any signal in the gated
modes: some fragment has one of `roles`, the tool's name has one of `tool_words`, one of
`hints` is true in the call's annotations, or one of `patterns` occurs somewhere in the call's
text (every form of every fragment, keys included, joined by newlines). When none holds, the
engine skips the detector (`GateSet.wanted`). A gate that opens on nearly every call of one
kind stops being tested for that kind: its detector simply runs (`_promote`).

Each detector's patterns are one RE2 alternation (a very long pattern apart, tested after it:
HEAVY_PATTERN_CHARS), tested (first match wins) only when its roles, tool words and hints have
not already opened it. Not one union of every gate's patterns:
measured over the corpora, that union's DFA has so many states (the product of the patterns'
unbounded gaps) that it rebuilt states for nearly every new text: p50 ~130 µs a call, cold,
against ~15-25 µs for the per-detector tests, which also stop at their first match.
Nor batched through RE2's FilteredRE2 (one C++ call for all shut gates: measured in session 4,
per plan or one shared filter): it saved the ~0.5 µs a call into RE2 costs (warm gate p50
-20%), but on first-sight traffic a gate's cost is mostly its DFA states being built (the
injection test: ~10 µs cold, 2.5 warm), and the filter's extra copies of the alternations
build their own: +29% instructions on the first-sight fixed path (callgrind), so it was dropped.

A gate must never change a decision, only skip work that would have found nothing:
`Engine(gates=False)` runs every detector, and `bench/dev/gate_diff.py` (over the corpora) and
tests/engine/test_gates.py compare the two. A detector without a GATE always runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine import regex
from aegis_mcp.engine.memo import bounded_put

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
    # MCP tool annotations (`openWorldHint`) that, when true, open the gate: a call's
    # annotations are not in its text (added for exfil: an open-world tool sends what it gets)
    hints: frozenset[str] = frozenset()


class GateSet:
    """The gates of the engine's detectors, each compiled into one RE2 alternation."""

    def __init__(self, gates: Iterable[tuple[str, Gate | None]]) -> None:
        self._always: list[str] = []
        self._gated: list[tuple[str, Gate]] = []
        # name -> the C++ matchers of its gate's tests, tried in order until one hits
        self._tests: dict[str, tuple[Any, ...]] = {}
        for name, gate in gates:
            if gate is None:
                self._always.append(name)
                continue
            self._gated.append((name, gate))
            if gate.patterns:
                self._tests[name] = _compile_tests(gate.patterns)
        # Modes some gate covers: in any other mode every detector runs, so there is nothing to ask.
        self.modes: frozenset[str] = frozenset(m for _, g in self._gated for m in g.modes)
        self._hints = frozenset(h for _, g in self._gated for h in g.hints)
        # (mode, roles present, tool words, hints set) -> (detectors open without looking at the
        # text, the pattern tests of those still shut). A proxy sees the same few tools and shapes
        # of call over and over; bounded, cleared when full (tool names come from the model).
        self._plans: dict[tuple[str, frozenset[Role], frozenset[str], frozenset[str]], _Plan] = {}

    def _plan(self, mode: str, roles: frozenset[Role], words: frozenset[str], hinted: frozenset[str]) -> _Plan:
        run = set(self._always)
        pending: list[tuple[str, Any]] = []
        for name, gate in self._gated:
            if mode not in gate.modes or not roles.isdisjoint(gate.roles) or not words.isdisjoint(gate.tool_words) \
                    or not hinted.isdisjoint(gate.hints):
                run.add(name)
            elif name in self._tests:
                pending.append((name, self._tests[name]))
        return [frozenset(run), tuple(pending), 0, [0] * len(pending)]

    def forget_plans(self) -> None:
        """Drop the plans and their open counts (after a warm-up: sample traffic must not steer
        which gates get promoted; the tests' compiled RE2 state, DFAs included, is kept)."""
        self._plans.clear()

    def wanted(self, ctx: ScanContext, roles: frozenset[Role] | None = None) -> frozenset[str] | None:
        """Names of the detectors to run on `ctx`, or None for all of them.

        `roles`: the roles of ctx's fragments, when the caller already has them."""
        if not self._gated or ctx.total_chars > GATE_MAX_CHARS:
            return None
        frags = ctx.fragments
        if roles is None:
            roles = frozenset([f.role for f in frags])
        ann = ctx.annotations
        hinted = _NO_HINTS
        if ann and self._hints and isinstance(ann, dict):
            hinted = frozenset(h for h in self._hints if ann.get(h) is True)
        key = (ctx.mode, roles, ctx.tool_words, hinted)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plan(*key)
            bounded_put(self._plans, key, plan, _PLANS_MAX)
        # (one unpacking: atomic under the GIL, so a plan replaced by another thread is read whole)
        run, pending, calls, counts = plan
        if not pending or not frags:
            return run  # every gate is decided without the text: skip the join and the tests
        parts: list[str] = []
        for f in frags:
            parts.extend(f.forms or (f.raw,))  # = f.all_forms, without a property call per fragment
        b = "\n".join(parts).encode("utf-8")  # strict, as RE2's own wrapper encodes
        n = len(b)
        hits = []
        for i, (name, tests) in enumerate(pending):
            for rx in tests:
                if rx.Match(_UNANCHORED, b, 0, n)[0][0] != -1:
                    hits.append(name)
                    counts[i] += 1
                    break
        plan[2] = calls + 1  # (a count lost to a race only delays the promotion)
        if calls + 1 == _PROMOTE_AFTER:
            promoted = _promote(plan)
            if promoted is not plan:
                self._plans[key] = promoted  # a new plan object: readers of the old one stay consistent
        return run.union(hits) if hits else run


# A gate pattern whose source is at least this long gets a test of its own, tried after the
# alternation of the gate's short patterns. In one alternation, the DFA's states are the product
# of every pattern's live threads: injection's 28,000-character phrase list beside its
# "five words in a row" counter built new states for nearly every new text. Measured over the
# benign corpora's call texts (first sight, thread CPU, a loaded box): the union cost 8.3 µs a
# shell command, 8.5 a URL; the phrase list alone 3.3-4.0, the short patterns together ~2, and the
# list runs only when the short ones miss (about half the commands have five words in a row). The same answer either way: a gate opens iff one of its patterns occurs.
HEAVY_PATTERN_CHARS = 4096


def _compile_tests(patterns: tuple[str, ...]) -> tuple[Any, ...]:
    """The C++ matchers of one gate: its short patterns as one alternation, then each long one."""
    light = [p for p in patterns if len(p) < HEAVY_PATTERN_CHARS]
    heavy = [p for p in patterns if len(p) >= HEAVY_PATTERN_CHARS]
    # (?:...) keeps each pattern's own flags, like `(?im)`, to itself (RE2 scopes them)
    # (never capturing: only "does it occur?" is asked, so a hit costs no submatch pass)
    groups = ([light] if light else []) + [[p] for p in heavy]
    return tuple(regex.compile_test("|".join(f"(?:{p})" for p in g))._re for g in groups)  # noqa: SLF001 - the C++ matchers


def _promote(plan: _Plan) -> _Plan:
    """Open for good the gates that (nearly) always open for this kind of call.

    A gate's test costs about as much as the detector on calls it lets through anyway (on SQL
    queries, injection's gate opened on every one): after _PROMOTE_AFTER calls of one plan, a
    gate that opened on at least 90% of them is no longer tested, its detector simply runs.
    Sound by construction: it only ever runs a detector more often than the gate would.
    """
    run, pending, calls, counts = plan
    keep = [(p, c) for p, c in zip(pending, counts) if c * 10 < calls * 9]
    if len(keep) == len(pending):
        return plan
    opened = run.union(name for (name, _), c in zip(pending, counts) if c * 10 >= calls * 9)
    return [opened, tuple(p for p, _ in keep), calls, [c for _, c in keep]]


_PROMOTE_AFTER = 64
# [open detectors, (name, tests) of the shut ones with patterns, calls tested, hits per gate]
_Plan = list[Any]
_PLANS_MAX = 4096
_NO_HINTS: frozenset[str] = frozenset()
_UNANCHORED = regex._UNANCHORED  # noqa: SLF001
