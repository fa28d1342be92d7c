"""The SQL detector's named rule sets: most rules in a few RE2 sets, the DFA-heavy ones run alone behind their literals.

An RE2 set is one lazily built DFA over all its patterns. A pattern with a long counted gap
(`union ... select.{0,400}? information_schema`, `;\\s*select[^;]{0,200}`) multiplies the states
that DFA needs: every byte after a `union select` is a new position of the count, combined with
whatever the other rules are in the middle of. Measured on the statements of the corpora (novel
texts, warm process): the 86 statement rules cost ~21 µs a text in two sets, 6 µs without their
six such alternatives, which cost 14 µs as a set of their own. So each top-level alternative
with a long count (or an unbounded counted group) is taken out of the set and tested on its own,
and only when every literal its matches must contain occurs in the text (most texts hold no
`union`, `dual`, `char(`...). Same answers by construction: an alternative matches only where
its mandatory literals occur, and a name hits when any of its alternatives does
(tests/engine/test_sql_sets.py holds the two readings equal).
"""

from __future__ import annotations

import re

from aegis_mcp.engine import regex

# A counted repetition whose upper bound is at least this (or unbounded from {2,}) is DFA-heavy.
_HEAVY_COUNT = re.compile(r"\{(\d+),(\d*)\}")  # read on our own constant patterns, never on input
_HEAVY_MIN_BOUND = 20
_QUANTIFIER_START = "?*+{"
_FLAG_GROUP = re.compile(r"\(\?[a-zA-Z]+\)")
_FLAGS = re.compile(r"\(\?[a-zA-Z]")  # (?i), (?i:...), (?P<name>...): not read
# Escapes other than the classes and word boundaries (`\x27`, `\pL`, `\Q..\E`, `\1`): not read.
_OTHER_ESCAPE = re.compile(r"\\[^bBsSdDwW.()\[\]{}|^$?*+\\/\-;:'\"#@&%!=<>,~`_ ]")
# Literals nearly every statement holds: an alternative whose literals are all of these stays in a set.
_COMMON = frozenset({"select", "from", "where", "and", "or", "as", "by", "order", "group", "in", "is", "not", "null",
                     "insert", "into", "values", "update", "set", "delete", "join", "on", "limit", "like", "case", "when",
                     "then", "else", "end"})
# Escapes that stand for one literal character (RE2 syntax).
_LITERAL_ESCAPES = frozenset(".()[]{}|^$?*+\\/-;:'\"#@&%!=<>,~`_ ")


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (split on `|` outside groups and classes); the
    pattern whole when it sets flags for what follows (`(?i)a|b`: the flag covers both)."""
    if _FLAG_GROUP.search(pattern):
        return [pattern]
    out: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            i += 1
            if pattern.startswith("^", i):
                i += 1
            if pattern.startswith("]", i):
                i += 1  # a `]` first in a class is literal
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def mandatory_literals(alt: str) -> tuple[str, ...]:
    """Runs of literal characters every match of `alt` contains (conservative: any construct not
    understood ends the run). Empty when `alt` sets flags (a case-insensitive literal is not a substring)."""
    if _FLAGS.search(alt) or _OTHER_ESCAPE.search(alt):
        return ()
    runs: list[str] = []
    cur: list[str] = []
    i, n = 0, len(alt)

    def end_run() -> None:
        if cur:
            runs.append("".join(cur))
            cur.clear()

    while i < n:
        c = alt[i]
        if c == "\\" and i + 1 < n:
            lit = alt[i + 1] if alt[i + 1] in _LITERAL_ESCAPES else None
            step = 2
        elif c in "([":
            # a group or class: skip it whole (its content is not read), ending the run
            end_run()
            i = _skip_group(alt, i)
            i = _skip_quantifier(alt, i)
            continue
        elif c in ".^$|)":
            lit, step = None, 1
        elif c.isascii() and c.isprintable():
            lit, step = c, 1
        else:
            lit, step = None, 1
        nxt = alt[i + step] if i + step < n else ""
        if lit is None or (nxt and nxt in _QUANTIFIER_START):
            end_run()  # not a literal, or a quantified one (it may be absent or repeated)
            i = _skip_quantifier(alt, i + step)
            continue
        cur.append(lit)
        i += step
    end_run()
    return tuple(r for r in runs if r)


def _skip_group(p: str, i: int) -> int:
    """Index just past the group or class starting at p[i]."""
    if p[i] == "[":
        j = i + 1
        if p.startswith("^", j):
            j += 1
        if p.startswith("]", j):
            j += 1
        while j < len(p) and p[j] != "]":
            j += 2 if p[j] == "\\" else 1
        return j + 1
    depth, j = 0, i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _skip_group(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return j


def _skip_quantifier(p: str, i: int) -> int:
    """Index past a quantifier (and its lazy `?`) at p[i], if there is one."""
    if i < len(p) and p[i] in "?*+":
        i += 1
    elif i < len(p) and p[i] == "{":
        j = p.find("}", i)
        i = j + 1 if j > 0 else i + 1
    if i < len(p) and p[i] == "?":
        i += 1
    return i


def is_heavy(alt: str) -> bool:
    """A long counted gap (`{0,80}`, `{1,400}`) or an unbounded count of 2+ (`(...){2,}`)."""
    for m in _HEAVY_COUNT.finditer(alt):
        lo, hi = int(m.group(1)), m.group(2)
        if (hi and int(hi) >= _HEAVY_MIN_BOUND) or (not hi and lo >= 2):
            return True
    return False


def _filter_literals(alt: str) -> tuple[str, ...]:
    """For a heavy alternative that has one: its mandatory literals, the rarest first (a keyword
    every statement holds filters nothing, so the first must be uncommon and 3+ long)."""
    if not is_heavy(alt):
        return ()
    lits = sorted((lit for lit in mandatory_literals(alt) if lit.strip()),
                  key=lambda lit: (lit.strip() not in _COMMON, len(lit)), reverse=True)
    if not lits or len(lits[0]) < 3 or lits[0].strip() in _COMMON:
        return ()
    return tuple(lits)


class RuleSets:
    """Named rules: the light ones matched by a few RE2 sets, the heavy alternatives one by one
    behind their mandatory literals. `matches(text)` returns the names that hit (in no set order)."""

    def __init__(self, rules: list[tuple[str, str]], parts: int) -> None:
        self.rules = tuple(rules)  # as given (tests compare against one plain set of them)
        light: list[tuple[str, str]] = []
        # literal -> the heavy alternatives it filters (name, pattern), then as one small set each:
        # a set only says which patterns occur, where a single regex's match also finds its span
        # (a second, reverse pass that a long count makes as costly as the forward one)
        heavy: dict[str, list[tuple[str, str]]] = {}
        for name, pattern in rules:
            alts = alternatives(pattern)
            kept: list[str] = []
            for alt in alts:
                lits = _filter_literals(alt)
                if lits:
                    heavy.setdefault(lits[0], []).append((name, alt))
                else:
                    kept.append(alt)
            if len(kept) == len(alts):
                light.append((name, pattern))  # nothing taken out: the pattern as written
            elif kept:
                light.append((name, "|".join(kept)))
        size = -(-len(light) // parts)
        chunks = [light[i : i + size] for i in range(0, len(light), size)]
        # The filter literals ride in the last set's pass (a literal adds a handful of DFA states),
        # under names that sort last and cannot be a rule's: _MARK + literal.
        chunks[-1] = chunks[-1] + [(_MARK + lit, re.escape(lit)) for lit in heavy]
        self._sets = [regex.PatternSet(chunk) for chunk in chunks]
        self._heavy = {lit: regex.PatternSet(alts) for lit, alts in heavy.items()}

    def matches(self, text: str) -> list[str]:
        out: list[str] = []
        for rule_set in self._sets:
            out.extend(rule_set.matches(text))
        if not out or out[-1][:1] != _MARK:
            return out  # no filter literal occurs (most texts): no heavy alternative can match
        lits: list[str] = []
        while out and out[-1][:1] == _MARK:  # (the set's names come in pattern order: marks last)
            lits.append(out.pop()[1:])
        for lit in lits:
            out.extend(self._heavy[lit].matches(text))
        return out


_MARK = "\x00"
