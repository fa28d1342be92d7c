"""RE2 instrumentation shared by the per-row profilers (re2_cost, oracle_census): names every compiled
pattern and pattern set, and times each C++ Match call while switched on. Import before the engine."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import re2

NAMES: dict[int, Any] = {}  # id of a C++ matcher -> "RE <pattern start>" or [kind, patterns added, first pattern]
ON = [False]  # flip ON[0] to time Match calls
clock = time.thread_time_ns
# (kind, matcher, Match's arguments, its result, thread-CPU ns)
OnMatch = Callable[[str, Any, tuple[Any, ...], Any, int], None]

_orig_compile = re2.compile


def _compile(pattern, options=None):  # type: ignore[no-untyped-def]
    rx = _orig_compile(pattern, options) if options is not None else _orig_compile(pattern)
    NAMES[id(rx._regexp)] = "RE " + str(pattern)[:90]  # noqa: SLF001
    return rx


def _patch(cls: type, kind: str, on_match: OnMatch) -> None:
    match = cls.Match
    add = getattr(cls, "Add", None)
    if add is not None:
        def add_w(self, p, *a):  # type: ignore[no-untyped-def]
            k = id(self)
            cur = NAMES.get(k)
            if not isinstance(cur, list) or cur[0] != kind:  # (ids of freed objects are reused)
                NAMES[k] = [kind, 0, p[:60]]
            NAMES[k][1] += 1
            return add(self, p, *a)
        cls.Add = add_w

    def w(self, *a):  # type: ignore[no-untyped-def]
        if not ON[0]:
            return match(self, *a)
        t = clock()
        r = match(self, *a)
        on_match(kind, self, a, r, clock() - t)
        return r

    cls.Match = w


def instrument(on_match: OnMatch, kinds: tuple[str, str, str] = ("RE2", "Set", "Filter")) -> None:
    """Patch re2 so every later compile is named and every Match (while ON[0]) reaches `on_match`."""
    re2.compile = _compile
    for cls, kind in zip((re2._re2.RE2, re2._re2.Set, re2._re2.Filter), kinds):  # noqa: SLF001
        _patch(cls, kind, on_match)


def label(matcher: Any, kind: str) -> str:
    """A matcher's readable name: its pattern's start, or a set's kind, size and first pattern."""
    n = NAMES.get(id(matcher), kind)
    return n if isinstance(n, str) else f"{n[0]}[{n[1]}] {n[2]!r}"
