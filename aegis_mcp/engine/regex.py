"""Linear-time pattern matching for the engine: every detector pattern goes through RE2.

Python's `re` backtracks (an 81-character crafted input took 20 s); RE2 guarantees time
linear in the input, so a hostile argument cannot stall the firewall. Use `compile` for a
single pattern and `PatternSet` to test many patterns in one pass over a string.
"""

from __future__ import annotations

from typing import Sequence

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # a bad pattern raises; RE2 must not print to stdout/stderr itself
_OPTIONS.max_mem = 64 << 20


def compile(pattern: str) -> "re2._Regexp":  # noqa: A001 - mirrors re.compile on purpose
    """Compile one pattern with RE2 (raises re2.error on syntax RE2 does not support)."""
    return re2.compile(pattern, _OPTIONS)


class PatternSet:
    """Many named patterns matched in one linear pass; `matches(text)` returns the names that hit."""

    def __init__(self, named_patterns: Sequence[tuple[str, str]]) -> None:
        self._names = [name for name, _ in named_patterns]
        self._set = re2.Set.SearchSet(_OPTIONS)
        for _, pattern in named_patterns:
            self._set.Add(pattern)
        self._set.Compile()

    def matches(self, text: str) -> list[str]:
        hits = self._set.Match(text)
        return [self._names[i] for i in sorted(hits)] if hits else []
