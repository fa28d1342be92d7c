"""Call-side injection: which fragments are prose, and the lower-cased forms and variants each is scanned in.

Code, addresses, keys and identifiers ("machine" fragments) are judged only for unmistakable
phrases unless plainly prose; prose gets every phrase family and the de-obfuscated variants
(leetspeak, spacing, doubled letters, masked letters, binary/hex bytes, typos). `Memo` keeps one
call's set passes and spans, since arguments often repeat a text.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors import injection_evasion as E
from aegis_mcp.engine.detectors import injection_rules as R
from aegis_mcp.engine.detectors import injection_text as T
from aegis_mcp.engine.detectors.base import Fragment, Role
from aegis_mcp.engine.detectors.injection_callgate import UNDERSCORED_SRC

_UNDERSCORED = R.regex.compile(UNDERSCORED_SRC)
CHAT_TAG_SRC = r"</?[a-z_]{2,20}>"

_SHELL_META = frozenset("|;&$<>`=\\{}")
_PROSE_ROLES = frozenset({Role.SHELL, Role.SQL, Role.KEY, Role.IDENT})
_TEXT_ROLES = frozenset({Role.TEXT, Role.CONTENT, Role.UNKNOWN})
NAME_ROLES = frozenset({Role.KEY, Role.IDENT})


def is_machine(frag: Fragment) -> bool:
    """Code, addresses, object keys and identifiers are judged by other detectors (only unmistakable
    phrases count here); one that is plainly prose (the role guess for `input` of `spawn_subagent`
    says shell, a key that is a sentence) is judged as text."""
    role = frag.role
    if role in _TEXT_ROLES:
        return False
    raw = frag.raw
    if role is Role.EMAIL:
        return " " not in raw and "_" not in raw and len(raw) < 120
    return not (role in _PROSE_ROLES and _prose(raw))


_CHAT_TAG = R.regex.compile(CHAT_TAG_SRC)


def _prose(raw: str) -> bool:
    head = raw[:400]
    if "<" in head:
        head = _CHAT_TAG.sub(" ", head.lower())  # "</user_query><system>Ignore ...": tags around prose
    if not _SHELL_META.isdisjoint(head):
        return False
    toks = head.split()
    if len(toks) < 5 or toks[0].startswith("-"):
        return False
    if toks[0].lower() in ("select", "insert", "update", "delete", "with", "create", "drop", "alter"):
        return False
    return sum(1 for t in toks if t.strip(".,;:!?'\"()").isalnum()) >= 0.8 * len(toks)


def _variants(low: str, machine: bool = False) -> tuple[str | None, ...]:
    """The de-obfuscated variants of one lower-cased form, in `forms_of` order (typo folding apart).
    (Letters masked by underscores are a trick for prose; in code every snake_case name would
    pay for the word-by-word check.)"""
    return (
        T.deobfuscate(low),
        T.squeeze(low),
        T.join_letters(low) if "," in low else None,
        E.unmask(low) if "_" in low and not machine else None,
        T.decode_binary(low) if "0100" in low else None,
        T.decode_hex_pairs(low) if " 6" in low or " 4" in low else None,
        E.unscramble(low) if not machine else None,  # backwards or ROT13 text
    )


def forms_of(frag: Fragment, machine: bool | None = None, typo: bool = False, memo: "Memo | None" = None,
             plain: bool = False) -> list[str]:
    """Lower-cased forms of a fragment plus a de-obfuscated variant when evasion is suspected.
    `plain`: the caller knows no variant's trigger occurs (injection_callgate), so none is tried."""
    out: list[str] = []
    if machine is None:
        machine = is_machine(frag)
    for f in frag.all_forms:
        low = f.lower()
        if low not in out:
            out.append(low)
        if plain:
            continue
        if machine and _UNDERSCORED.search(low) is None:
            continue  # code and addresses are full of digits and separators; judged raw
            # (but IGNORE_ALL_PREVIOUS_INSTRUCTIONS as one token is words joined to slip past)
        if memo is None or machine:
            v = _variants(low, machine)
        else:  # (a repeated argument, or the second look after a typo hint, reuses them)
            v = memo.variants.get(low)
            if v is None:
                v = memo.variants[low] = _variants(low)
        for d in (v[0], v[1], T.typo_fold(low) if typo else None, *v[2:]):
            if d is not None and d not in out:
                out.append(d)
    return out


NONE: dict[str, int] = {}  # shared "no family here" (never mutated)
# strong families of short machine forms (keys, identifiers, paths), across calls: never mutated
_STRONG_MEMO: dict[str, dict[str, int]] = {}
_STRONG_MEMO_LEN = 64
_STRONG_MEMO_MAX = 4096


class Memo:
    """Per-call caches. Arguments often repeat a text (a title that is the content, a subject that
    is the start of the body is not, but a `text` echoed in `summary` is), and judging asks for the
    same phrase span several times (defensive? quoted? the detail): each set pass and each span
    search runs once per distinct text."""

    __slots__ = ("full", "strong", "hits", "variants", "cands")

    def __init__(self) -> None:
        # the families that can occur in any prose form of this call (injection_callgate.candidates),
        # or None: any may (typo-folded forms are added after it was computed)
        self.cands: frozenset[str] | None = None
        self.variants: dict[str, tuple[str | None, ...]] = {}
        self.full: dict[str, dict[str, int]] = {}
        self.strong: dict[str, dict[str, int]] = {}
        self.hits: dict[tuple[str, int], R.Hit | None] = {}

    def families(self, low: str, machine: bool) -> dict[str, int]:
        """family -> first pattern index in `low`; code and addresses only get the strong families."""
        cache = self.strong if machine else self.full
        found = cache.get(low)
        if found is None:
            if machine:
                # (object keys and identifiers recur on every call of a tool: their answer is kept
                # across calls, a pure function of the text)
                found = _STRONG_MEMO.get(low)
                if found is None:
                    found = R.strong_matched(low) or NONE
                    if len(low) <= _STRONG_MEMO_LEN:
                        if len(_STRONG_MEMO) >= _STRONG_MEMO_MAX:
                            _STRONG_MEMO.clear()
                        _STRONG_MEMO[low] = found
                cache[low] = found
            else:
                found = cache[low] = R.matched_in(low, self.cands)
        return found

    def hit(self, low: str, idx: int) -> R.Hit | None:
        key = (low, idx)
        if key in self.hits:
            return self.hits[key]
        h = self.hits[key] = R.hit_at(low, idx)
        return h

