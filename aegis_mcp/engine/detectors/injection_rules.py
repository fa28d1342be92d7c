"""Compiled injection phrase families: one RE2 set for the cheap pre-filter, single patterns for spans.

`scan(text)` answers "which families occur in this (lower-cased) text, and where" in one linear
pass for the set plus one search per family that hit, so a clean string costs a single set match.
"""

from __future__ import annotations

from dataclasses import dataclass

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_lexicon as L
from aegis_mcp.engine.detectors import injection_text as T

# family -> list of (rule, source)
FAMILIES: dict[str, list[tuple[str, str]]] = {
    "override": L.OVERRIDE,
    "extraction": L.EXTRACTION,
    "jailbreak": L.JAILBREAK,
    "roleplay": L.ROLEPLAY,
    "delimiter": L.DELIMITER,
    "fake_auth": L.FAKE_AUTH,
    "output": L.OUTPUT,
    "addressed": L.ADDRESSED,
    "code_plant": L.CODE_PLANT,
    "persona": L.ROLE_WEAK,
    "boundary": L.DELIM_WEAK,
    "auth_phrase": L.AUTH_PHRASE,
    "secret": L.SECRET,
    "instr_ref": L.INSTR_REF,
    "output_weak": L.OUTPUT_WEAK,
    "addressed_ai": L.ADDRESS_AI,
    "conceal": L.CONCEAL,
    "hidden_text": L.HIDDEN,
    "image_exfil": L.MD_EXFIL,
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
    "addressed": 1, "code_plant": 1,
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
_SET = regex.PatternSet(_sources)
_BY_FAMILY: dict[str, list[int]] = {}
for _k, (_fam, _, _) in enumerate(_INDEX):
    _BY_FAMILY.setdefault(_fam, []).append(_k)


STRONG = ("override", "extraction", "jailbreak")
_STRONG_SET = regex.PatternSet([(str(i), _sources[i][1]) for i, (fam, _, _) in enumerate(_INDEX) if fam in STRONG])


def strong_families(text: str) -> set[str]:
    """Like `families`, for code and addresses (SQL, shell, paths, URLs): only the unmistakable
    families are judged there, so a smaller set (a smaller, faster automaton) answers."""
    return {_INDEX[int(i)][0] for i in _STRONG_SET.matches(text)}


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


def hit_at(text: str, index: int) -> Hit | None:
    """The span of pattern `index` (from `matched`) in `text`."""
    fam, rule, rx = _INDEX[index]
    m = rx.search(text)  # type: ignore[attr-defined]
    return None if m is None else Hit(fam, rule, m.start(), m.end(), m.group(0)[:80])


def scan(text: str, limit: int = 8) -> list[Hit]:
    """Every pattern that hits `text`, with the first span of each (bounded by `limit` per family)."""
    out: list[Hit] = []
    per: dict[str, int] = {}
    for i in _SET.matches(text):
        fam, rule, rx = _INDEX[int(i)]
        if per.get(fam, 0) >= limit:
            continue
        m = rx.search(text)  # type: ignore[attr-defined]
        if m is None:
            continue
        per[fam] = per.get(fam, 0) + 1
        out.append(Hit(fam, rule, m.start(), m.end(), m.group(0)[:80]))
    return out


def scan_all(text: str, family: str, max_hits: int = 64) -> list[Hit]:
    """All spans of one family's patterns in `text` (used for per-sentence judgement in results)."""
    out: list[Hit] = []
    for k in _BY_FAMILY.get(family, ()):
        fam, rule, rx = _INDEX[k]
        for m in rx.finditer(text):  # type: ignore[attr-defined]
            out.append(Hit(fam, rule, m.start(), m.end(), m.group(0)[:80]))
            if len(out) >= max_hits:
                return out
    return out
