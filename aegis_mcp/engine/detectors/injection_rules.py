"""Compiled injection phrase families: one RE2 set for the cheap pre-filter, single patterns for spans.

`scan(text)` answers "which families occur in this (lower-cased) text, and where" in one linear
pass for the set plus one search per family that hit, so a clean string costs a single set match.
"""

from __future__ import annotations

from dataclasses import dataclass

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_lexicon as L
from aegis_mcp.engine.detectors import injection_lexicon_extra as X
from aegis_mcp.engine.detectors import injection_lexicon_ml as ML
from aegis_mcp.engine.detectors import injection_text as T

# family -> list of (rule, source)
FAMILIES: dict[str, list[tuple[str, str]]] = {
    "override": L.OVERRIDE + ML.OVERRIDE,
    "extraction": L.EXTRACTION + ML.EXTRACTION,
    "jailbreak": L.JAILBREAK,
    "roleplay": L.ROLEPLAY + X.ROLEPLAY + ML.ROLEPLAY,
    "delimiter": L.DELIMITER,
    "fake_auth": L.FAKE_AUTH + X.HUMAN_CHECK,
    "output": L.OUTPUT + X.OUTPUT + X.OUTPUT_PRIMING,
    "addressed": L.ADDRESSED,
    "code_plant": L.CODE_PLANT,
    "persona": L.ROLE_WEAK + X.ROLE_WEAK + ML.ROLE_WEAK,
    "boundary": L.DELIM_WEAK,
    "auth_phrase": L.AUTH_PHRASE,
    "secret": L.SECRET + X.SECRET + ML.SECRET,
    "instr_ref": L.INSTR_REF,
    "output_weak": L.OUTPUT_WEAK,
    "addressed_ai": L.ADDRESS_AI + X.ADDRESS_AI,
    "conceal": L.CONCEAL,
    "hidden_text": L.HIDDEN,
    "image_exfil": L.MD_EXFIL,
    "glitch": X.GLITCH,
    "glitch_rep": X.GLITCH_REPEAT,
    # not a move of its own: tells the caller that a misspelled attack word or a token soup may be
    # present, so the costlier typo folding / soup test runs only then (same single set pass)
    "hint": [("typo_hint", T.TYPO_SOURCE), ("soup_hint", T.SOUP_HINT_SOURCE)],
}
# Families that are the same kind of move; a phrase often hits several (e.g. "start your answer with"
# is both forced output and addressed-to-assistant), so a kind counts once, at its strongest.
KIND: dict[str, str] = {
    "output": "output", "output_weak": "output", "addressed": "output",
    "roleplay": "persona", "persona": "persona", "jailbreak": "persona",
    "fake_auth": "auth", "auth_phrase": "auth",
    "extraction": "extraction", "secret": "extraction", "instr_ref": "extraction",
    "delimiter": "boundary", "boundary": "boundary",
    "glitch": "glitch", "glitch_rep": "glitch",
}


def score(fams: "set[str] | dict[str, object]") -> int:
    """Sum over kinds of the strongest family weight of each kind."""
    best: dict[str, int] = {}
    for f in fams:
        k = KIND.get(f, f)
        w = WEIGHT.get(f, 1)
        if w > best.get(k, 0):
            best[k] = w
    return sum(best.values())


# How much each family says on its own: 3 = an attack (CRITICAL), 2 = hold for a human (HIGH),
# 1 = noteworthy only in company. A string's score is the sum over distinct families.
WEIGHT: dict[str, int] = {
    "override": 3, "extraction": 3, "jailbreak": 3,
    "roleplay": 2, "delimiter": 2, "addressed_ai": 2, "conceal": 2, "image_exfil": 2, "hint": 0, "hidden_text": 1, "fake_auth": 2, "output": 2, "secret": 2, "agent": 2,
    "persona": 1, "boundary": 1, "auth_phrase": 1, "instr_ref": 1, "output_weak": 1,
    "addressed": 1, "code_plant": 1, "glitch": 1, "glitch_rep": 2,
}


@dataclass(frozen=True, slots=True)
class Hit:
    family: str
    rule: str
    start: int
    end: int
    text: str  # the matched phrase (lower-cased, clipped)


_INDEX: list[tuple[str, str, object]] = []  # (family, rule, compiled)
_sources: list[tuple[str, str]] = []
for _fam, _pats in FAMILIES.items():
    for _rule, _src in _pats:
        _INDEX.append((_fam, _rule, regex.compile(_src)))
        _sources.append((str(len(_sources)), _src))


class _ChunkedSet:
    """The phrase set as a few plain sets of fewer than regex.FILTER_MIN_PATTERNS patterns each, so
    every text takes the chunked-DFA path. (The filtered path suits clean short text, but a text
    carrying attack phrases makes it run dozens of candidate patterns one by one: measured ~65 µs
    against ~14 µs for the chunks on a 900-character injection, and the same ~2 µs p50 on clean
    calls.) Same answers: each name is reported iff its pattern occurs, in pattern order."""

    def __init__(self, named: list[tuple[str, str]], size: int = regex.SET_CHUNK) -> None:
        size = min(size, regex.FILTER_MIN_PATTERNS - 1)
        self._parts = [regex.PatternSet(named[i : i + size]) for i in range(0, len(named), size)]

    def matches(self, text: str) -> list[str]:
        out: list[str] = []
        for part in self._parts:
            out.extend(part.matches(text))
        return out


_SET = _ChunkedSet(_sources)
_BY_FAMILY: dict[str, list[int]] = {}
for _k, (_fam, _, _) in enumerate(_INDEX):
    _BY_FAMILY.setdefault(_fam, []).append(_k)


STRONG = ("override", "extraction", "jailbreak")
_STRONG_SET = regex.PatternSet([(str(i), _sources[i][1]) for i, (fam, _, _) in enumerate(_INDEX) if fam in STRONG])


def strong_matched(text: str) -> dict[str, int]:
    """`matched` restricted to the strong families, for code and addresses (SQL, shell, paths,
    URLs): only the unmistakable families are judged there, so a smaller automaton answers."""
    out: dict[str, int] = {}
    for i in _STRONG_SET.matches(text):
        k = int(i)
        out.setdefault(_INDEX[k][0], k)
    return out


def families(text: str) -> set[str]:
    """Families present anywhere in `text` (one set pass)."""
    return {_INDEX[int(i)][0] for i in _SET.matches(text)}


def matched(text: str) -> dict[str, int]:
    """family -> index of its first matching pattern (one set pass, no per-pattern search)."""
    out: dict[str, int] = {}
    for i in _SET.matches(text):
        k = int(i)
        out.setdefault(_INDEX[k][0], k)
    return out


def _first(rx: object, text: str):  # type: ignore[no-untyped-def]
    """`rx.search(text)` for a pattern the set already found: the first match of `finditer`, which
    encodes a non-ASCII text once (search would first re-prove the match, then encode it again
    and map offsets through the wrapper: ~60 µs a hit on a long non-ASCII result)."""
    return next(rx.finditer(text), None)  # type: ignore[attr-defined]


def hit_at(text: str, index: int) -> Hit | None:
    """The span of pattern `index` (from `matched`) in `text`."""
    fam, rule, rx = _INDEX[index]
    m = _first(rx, text)
    return None if m is None else Hit(fam, rule, m.start(), m.end(), m.group(0)[:80])


def scan(text: str, limit: int = 8) -> list[Hit]:
    """Every pattern that hits `text`, with the first span of each (bounded by `limit` per family)."""
    out: list[Hit] = []
    per: dict[str, int] = {}
    for i in _SET.matches(text):
        fam, rule, rx = _INDEX[int(i)]
        if per.get(fam, 0) >= limit:
            continue
        m = _first(rx, text)
        if m is None:
            continue
        per[fam] = per.get(fam, 0) + 1
        out.append(Hit(fam, rule, m.start(), m.end(), m.group(0)[:80]))
    return out


# one small set per family: which of its patterns occur, in one pass, before any is searched
# (a family has up to ~40 patterns; searching each in turn cost ~400 µs on a 2 KB argument)
_FAMILY_SETS: dict[str, regex.PatternSet] = {
    fam: regex.PatternSet([(str(k), _sources[k][1]) for k in ks]) for fam, ks in _BY_FAMILY.items()
}


def scan_all(text: str, family: str, max_hits: int = 64) -> list[Hit]:
    """All spans of one family's patterns in `text` (used for per-sentence judgement in results)."""
    out: list[Hit] = []
    fset = _FAMILY_SETS.get(family)
    if fset is None:
        return out
    for name in fset.matches(text):  # in pattern order, like the loop over every pattern was
        fam, rule, rx = _INDEX[int(name)]
        for m in rx.finditer(text):  # type: ignore[attr-defined]
            out.append(Hit(fam, rule, m.start(), m.end(), m.group(0)[:80]))
            if len(out) >= max_hits:
                return out
    return out


# With at most this many candidate families, their own sets (one pass each) replace the whole
# phrase set's chunks; more, and the chunks are fewer passes.
NARROW_MAX = 2


def matched_in(text: str, fams: "frozenset[str] | None") -> dict[str, int]:
    """`matched(text)` when no family outside `fams` can occur in `text` (None: any may); an empty
    `fams` (injection_callgate found no family's atoms anywhere) costs no pass at all, and a few
    (injection_callgate.prose_verdict) cost one pass of each family's own set."""
    if fams is None or len(fams) > NARROW_MAX:
        return matched(text)
    if not fams:
        return {}
    firsts: list[tuple[int, str]] = []
    for fam in fams:
        fset = _FAMILY_SETS.get(fam)
        found = fset.matches(text) if fset is not None else None
        if found:
            firsts.append((int(found[0]), fam))  # (a family set's names come in pattern order)
    if not firsts:
        return {}
    firsts.sort()  # matched()'s order: families by the index of their first matching pattern
    return {fam: k for k, fam in firsts}


def families_in(text: str, fams: "frozenset[str] | None") -> bool:
    """`bool(families(text))` under the same promise as `matched_in`."""
    if fams is None or len(fams) > NARROW_MAX:
        return bool(_SET.matches(text))
    return any(_FAMILY_SETS[f].test(text) for f in fams if f in _FAMILY_SETS)
