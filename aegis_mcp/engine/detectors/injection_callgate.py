"""The call-side injection detector's necessary conditions: a call no rule can act on costs one RE2 pass.

A call-mode signal (injection_call) comes from one of four places, and each needs something
visible in the raw strings (case-insensitively: the detector lower-cases them):
- a phrase family matching a lower-cased form: one of the atoms that pattern requires
  (injection_atoms.required_cores: literals, with the word boundaries they sit against; a
  pattern with none is kept whole), or matching a de-obfuscated variant, which exists only past
  its own trigger (leetspeak/spacing, doubled letters, quoted letter lists, masked letters,
  binary/hex bytes; typo folding only after the "hint" family, itself a family here);
- a request for an agent to act: `REQUEST_HINT_SRC` (a polite word, "my"/"me", an address), which
  the judge asks of the fragment's own text before it looks for a request;
- hidden markup, judged as in a result: only looked for when a "<" is present;
- a token soup: bracket padding, a 30-letter run, six stacked combining marks or a run of tiny
  tokens (token_soup's four necessary triggers).
Code, addresses, keys and identifiers ("machine" fragments) are judged for the strong families
only, with variants only when `UNDERSCORED_SRC` holds: `MACHINE` is that smaller condition.
Two characters lower-case to ASCII letters without being their RE2 case fold (U+0130, the Kelvin
sign), so they open both. Prose with a request hint or a "<" but no family's atoms, variants or
soup (`NO_FAMILY`) is judged without a single phrase-set pass. tests/engine/test_injection_callgate.py
checks all of it against the full detector.
"""

from __future__ import annotations

import re2

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_evasion as E
from aegis_mcp.engine.detectors import injection_rules as R
from aegis_mcp.engine.detectors import injection_text as T
from aegis_mcp.engine.detectors.injection_atoms import WB, required_cores

# what makes the detector look for a request to act (its judge asks this of the fragment itself)
REQUEST_HINT_SRC = (r"\b(?:please|pls|kindly|can you|could you|would you|will you|i need you to|you must|make sure|my|me)\b"
                    r"|[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]")
UNDERSCORED_SRC = r"_\S*_\S*_"  # a whitespace-free run of 3+ underscore-joined words: IGNORE_ALL_PREVIOUS_...

_SPECIAL = frozenset("\\.^$|?*+()[]{}-#&~")
_ESCAPES = {"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\v": "\\v", " ": " ", WB: "\\b"}


def _lit(s: str) -> str:
    """An atom as RE2 source: the word-boundary marker as \\b, metacharacters escaped."""
    return "".join(_ESCAPES.get(c) or ("\\" + c if c in _SPECIAL else c) for c in s)


def _minimal(atoms: set[str]) -> list[str]:
    """Drop each atom that contains another: text holding the longer one holds the shorter."""
    out: list[str] = []
    for s in sorted(atoms, key=len):
        if not any(t in s for t in out):
            out.append(s)
    return sorted(out)


def _family_parts() -> tuple[dict[str, str], dict[str, list[str]]]:
    """family -> one alternation of the atoms its patterns require; family -> its patterns that
    require none (kept whole)."""
    atoms_of: dict[str, str] = {}
    whole_of: dict[str, list[str]] = {}
    for fam, pats in R.FAMILIES.items():
        atoms: set[str] = set()
        for _rule, src in pats:
            got = required_cores(src)
            if got is None:
                whole_of.setdefault(fam, []).append(src)
            else:
                atoms |= got
        if atoms:
            atoms_of[fam] = "(?:" + "|".join(_lit(s) for s in _minimal(atoms)) + ")"
    return atoms_of, whole_of


FAMILY_ATOMS, FAMILY_WHOLE = _family_parts()
# every trigger of a de-obfuscated variant (injection_call_forms._variants)
VARIANT_SOURCES: tuple[str, ...] = (T.HINT_SOURCE, T.DOUBLED3_SOURCE, T.LETTER_LIST_SOURCE, T.BINARY_SOURCE,
                                    T.HEXPAIRS_SOURCE, E.MASKED_SHAPES_SOURCE, E.SCRAMBLED_SOURCE)
SOUP_SOURCES: tuple[str, ...] = (r"(?:[)\]}>]\s+){12,}", "[A-Za-z]{30}", r"\p{M}{6}", E.REPEAT_RUN_SOURCE)
_WHOLE = tuple(src for srcs in FAMILY_WHOLE.values() for src in srcs)
# Over the lower-cased forms of prose fragments, each test stopping at its first match:
# - FAMILY: the atoms (literals: a small, fast automaton);
# - OTHER: the patterns no atom stands for, and the token-soup triggers (which make "hint" match);
# - VARIANT: the triggers of the de-obfuscated variants; when none occurs the forms are scanned
#   plain. Three words with a doubled last letter ("access", "will", "address") are common, so
#   that trigger is settled apart: the squeezed variant itself is made (as the detector would) and
#   tested for phrases;
# - ELSE: a request hint or a "<" (hidden markup): judged, but no family can match anywhere.
# (Literals and counted repeats apart: mixed, the repeats multiply the automaton's states,
# measured 3-10x the cost of the two apart.)
PROSE_FAMILY: tuple[str, ...] = tuple(FAMILY_ATOMS.values())
PROSE_OTHER: tuple[str, ...] = (*_WHOLE, *SOUP_SOURCES)
PROSE_VARIANT: tuple[str, ...] = tuple(v for v in VARIANT_SOURCES if v != T.DOUBLED3_SOURCE)
PROSE_ELSE: tuple[str, ...] = (REQUEST_HINT_SRC, "<")
# Over the raw forms of machine fragments (case-insensitive): a strong phrase, or words joined by
# underscores (the only way a machine fragment gets de-obfuscated variants)
MACHINE: tuple[str, ...] = tuple("(?i)" + s for s in (*(FAMILY_ATOMS[f] for f in R.STRONG if f in FAMILY_ATOMS),
                                                     *(w for f in R.STRONG for w in FAMILY_WHOLE.get(f, ())),
                                                     UNDERSCORED_SRC))


def _test(sources: tuple[str, ...]):  # type: ignore[no-untyped-def]
    return regex.compile_test("|".join(f"(?:{s})" for s in sources))._re  # noqa: SLF001 - the C++ matcher


# The same atoms as one RE2 Set (one pass, every family's alternation a member): which families
# can occur at all. A call whose prose is scanned plain then runs only those families' own sets
# instead of the whole phrase set (injection_rules.matched_in): a short "hello world" holds one
# family's atom ("hello "), not five chunks' worth of patterns.
_FAMILY_NAMES: tuple[str, ...] = tuple(FAMILY_ATOMS)
_FAMILY_SET = re2._re2.Set(regex._UNANCHORED, regex._SET_OPTIONS)  # noqa: SLF001
for _src in PROSE_FAMILY:
    if _FAMILY_SET.Add(_src.encode("utf-8")) == -1:
        raise re2.error(f"failed to add {_src!r} to the family set")
if not _FAMILY_SET.Compile():
    raise re2.error("failed to compile the family set")
_WHOLE_TEST = _test(_WHOLE) if _WHOLE else None
_WHOLE_FAMILIES: frozenset[str] = frozenset(FAMILY_WHOLE)
_OTHER_TEST = _test(PROSE_OTHER)
_VARIANT_TEST = _test(PROSE_VARIANT)
_ELSE_TEST = _test(PROSE_ELSE)
_DOUBLED3_TEST = _test((T.DOUBLED3_SOURCE,))
_PHRASE_TEST = _test((*PROSE_FAMILY, *_WHOLE))  # what a variant is scanned for
_MACHINE_TEST = _test(MACHINE)
_UNANCHORED = regex._UNANCHORED  # noqa: SLF001

# what a call's prose can yield, from least to most: nothing at all; no phrase family (requests,
# hidden markup and soups only; its forms scanned plain); families, but no variant (plain forms);
# anything
NOTHING, NO_FAMILY, PLAIN, ANY = 0, 1, 2, 3
# Prose this long (all forms, UTF-8 bytes) is not tested for atoms: over the corpora none of 778
# calls with 400+ bytes of prose came out NOTHING or NO_FAMILY, 52 of 1,461 at 120-400, 875 of
# 3,311 below 120 (the test costs a pass over all of it, on first sight building automaton states)
_LONG = 400


def _odd_fold(raw: str) -> bool:
    return not raw.isascii() and ("\u0130" in raw or "\u212a" in raw)


def _hit(rx, b: bytes) -> bool:  # type: ignore[no-untyped-def]
    return rx.Match(_UNANCHORED, b, 0, len(b))[0][0] != -1


def prose_state(forms: list[str], raws: list[str]) -> int:
    """What the prose of a call can yield (NOTHING, NO_FAMILY, PLAIN or ANY): `forms` are the
    lower-cased forms of the fragments judged as text, `raws` their raw strings."""
    return prose_verdict(forms, raws)[0]


def prose_verdict(forms: list[str], raws: list[str]) -> tuple[int, frozenset[str] | None]:
    """`prose_state`, and with PLAIN the families that can occur in these forms (their atoms, or a
    pattern no atom stands for, occur in them), else None (any may). Sound because every pattern
    of a family either requires one of the family's atoms or is tested whole here, and the forms
    are joined by "\n", which no atom holds and which is a word boundary like a text's edge."""
    b = "\n".join(forms).encode("utf-8")
    if _hit(_VARIANT_TEST, b):
        return ANY, None
    doubled = _hit(_DOUBLED3_TEST, b)
    if len(b) >= _LONG:
        return (ANY if doubled else PLAIN), None  # (long prose nearly always holds some atom: not worth a pass)
    found = _FAMILY_SET.Match(b)
    if found or _hit(_OTHER_TEST, b) or any(_odd_fold(r) for r in raws):
        if doubled:
            return ANY, None
        if not found or len(found) > R.NARROW_MAX or any(_odd_fold(r) for r in raws):
            return PLAIN, None  # (past NARROW_MAX families the whole phrase set is read anyway)
        names = _FAMILY_NAMES
        cands = frozenset([names[i] for i in found])
        if _WHOLE_TEST is not None and _hit(_WHOLE_TEST, b):
            cands |= _WHOLE_FAMILIES
        return PLAIN, cands
    if doubled:
        for low in forms:
            v = T.squeeze(low)
            if v is not None and _hit(_PHRASE_TEST, v.encode("utf-8")):
                return ANY, None
    return (NO_FAMILY if _hit(_ELSE_TEST, b) else NOTHING), None


def machine_open(machine_raw: str, raws: list[str]) -> bool:
    """Can a strong phrase be found in the machine fragments (raw forms joined by newlines)?"""
    return _hit(_MACHINE_TEST, machine_raw.encode("utf-8")) or any(_odd_fold(r) for r in raws)
