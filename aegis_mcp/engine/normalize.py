"""Normalisation against evasion: the canonical and decoded forms of one string, and evasion flags.

Forms (raw first, deduplicated, at most MAX_FORMS): invisible characters stripped (zero-width,
bidi controls, Unicode tag characters — whose hidden ASCII is also decoded), NFKC, confusable
folding (Cyrillic/Greek look-alikes in Latin words), then up to two layers of decoding:
percent (incl. double and overlong UTF-8), HTML entities, backslash escapes, base64 and hex runs,
SQL comments (`/**/` -> space, MySQL `/*!...*/` kept), shell obfuscation (`${IFS}`, `c'a't`, `c\\at`).

Every decoder sits behind a cheap pre-check (a character test), so the common plain-ASCII
argument costs a few hundred nanoseconds. Decoders are bounded: at most DECODE_MAX characters
of a string are decoded and at most MAX_RUNS base64/hex runs per string. All matching is RE2.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from aegis_mcp.engine import regex
from aegis_mcp.engine.decode import (
    ANY_ENCODED,
    ANY_ENCODED_CMD,
    ANY_ENCODED_PATH,
    ANY_ENCODED_URL,
    C_ESCAPE_ROLES,
    COMMAND_DECODERS,
    DECODERS,
    PATH_DECODERS,
    URL_DECODERS,
    rx_test,
    shell_form,
    sql_comment_form,
)
from aegis_mcp.engine.detectors.base import R_IDENT, R_PATH, R_SHELL, R_SQL, R_TEXT, R_UNKNOWN, R_URL, Fragment, Role
from aegis_mcp.engine.model import RiskLevel, Signal

MAX_FORMS = 8
DECODE_MAX = 16_384  # decoded forms cover the first 16 KB of a string; the raw form is scanned whole
# --- invisible characters -----------------------------------------------------------------------
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f\u115f\u1160\u3164\uffa0"
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_STRIP_TABLE = {ord(c): None for c in _ZERO_WIDTH + _BIDI}
_TAG_LO, _TAG_HI = 0xE0000, 0xE007F
_ANY_TAG = regex.compile("[\U000E0000-\U000E007F]")

# --- confusables: look-alikes folded to Latin (only where a word mixes scripts, see below) ------
_CONFUSABLE_PAIRS = (
    "аa еe оo рp сc уy хx іi јj ѕs ԁd һh ӏl ԛq ԝw ѡw ьb кk мm тt вb нh ɡg ʏy ɪi ʟl ᴀa ᴄc ᴇe ᴏo ᴘp ᴛt ᴜu "
    "АA ВB ЕE КK МM НH ОO РP СC ТT ХX ІI ЈJ ЅS ԜW "
    "αa βb εe ιi κk νv οo ρp τt υu χx ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ıi ℓl"
)
_CONFUSABLE_TABLE = {ord(p[0]): p[1] for p in _CONFUSABLE_PAIRS.split()}
_CONFUSABLE_CLASS = "[" + "".join(chr(c) for c in _CONFUSABLE_TABLE) + "]"
_ANY_CONFUSABLE = regex.compile(_CONFUSABLE_CLASS)
_ASCII_LETTER = regex.compile("[A-Za-z]")
_ANY_INVISIBLE = regex.compile("[" + _ZERO_WIDTH + _BIDI + "]")

# --- typographic punctuation: word processors turn ' into ’ and -- into – ; a query or a command
# pasted through one still means the ASCII (payload lists are full of them). Not applied to prose.
_PUNCT_TABLE = {
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u02bc\u02b9"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u2036\u02ba"},
    **{ord(c): "--" for c in "\u2013\u2014\u2015"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2212"},
}
_ANY_PUNCT = regex.compile("[" + "".join(chr(c) for c in _PUNCT_TABLE) + "]")
_PROSE = (Role.TEXT, Role.CONTENT)

def _pairs(table: dict[int, str | None]) -> tuple[tuple[str, str], ...]:
    return tuple((chr(k), v or "") for k, v in table.items())


# The same tables as (character, replacement) pairs: str.translate with a dict looks up every
# character of the text (~45 ns each: 0.7 ms for 16 K of non-ASCII text); a `replace` per
# character actually present is ~20-70x cheaper. Equivalent because no replacement contains a
# character of its own table (they are ASCII or empty; every key is non-ASCII).
_STRIP_PAIRS = _pairs(_STRIP_TABLE)
_CONFUSABLE_PAIRS_ = _pairs(_CONFUSABLE_TABLE)
_PUNCT_PAIRS = _pairs(_PUNCT_TABLE)


def _replace_all(s: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for ch, rep in pairs:
        if ch in s:
            s = s.replace(ch, rep)
    return s


_WIDE_BASE = "\u0100".__sizeof__() - 4  # CPython: a compact non-ASCII string's size, less its 2 characters


def _may_be_astral(s: str) -> bool:
    """Could `s` hold a character beyond U+FFFF (Unicode tag characters are)? O(1): CPython
    stores 4 bytes a character only for a string that holds one (PEP 393), so its size tells;
    anything unexpected answers yes. (`max(s)` walked the string: 4 ms for 18 K characters.)"""
    return s.__sizeof__() > _WIDE_BASE + 2 * (len(s) + 1)


def _unicode_forms(raw: str, forms: list[str], flags: set[str]) -> None:
    s = raw
    has_tags = _may_be_astral(s) and rx_test(_ANY_TAG, s)
    if has_tags:
        # Tag characters are invisible; they can smuggle ASCII (U+E0041 is a hidden "A").
        hidden = s.translate(_TAG_DECODE)
        stripped = s.translate(_TAG_STRIP)
        if not _only_flag_emoji(s):
            flags.add("tag_chars")
        forms.append(hidden)
        s = stripped
    t = _replace_all(s, _STRIP_PAIRS) if rx_test(_ANY_INVISIBLE, s) else s
    if t != s:
        if any(c in s for c in _BIDI):
            flags.add("bidi")
        if _zero_width_in_word(s):
            flags.add("zero_width")
        s = t
    if not unicodedata.is_normalized("NFKC", s):
        n = unicodedata.normalize("NFKC", s)
        if n != s:
            flags.add("nfkc")
            s = n
    if not s.isascii() and rx_test(_ANY_CONFUSABLE, s) and rx_test(_ASCII_LETTER, s):
        folded = _replace_all(s, _CONFUSABLE_PAIRS_)
        if folded != s:
            if _mixed_script_word(s):
                flags.add("confusables")
                s = folded
            else:
                forms.append(s)
                s = folded
    forms.append(s)


_TAG_NOT_IN_FLAG = regex.compile("(?:^|[^\U0001F3F4\U000E0000-\U000E007F])[\U000E0000-\U000E007F]")
_TAG_DECODE = {cp: chr(cp - _TAG_LO) for cp in range(_TAG_LO + 1, _TAG_HI)}
_TAG_DECODE[_TAG_LO] = None
_TAG_DECODE[_TAG_HI] = None
_TAG_STRIP = dict.fromkeys(range(_TAG_LO, _TAG_HI + 1))


def _only_flag_emoji(s: str) -> bool:
    """Subdivision flags (🏴 + tag letters + cancel tag) are the one legitimate use of tag characters."""
    return not rx_test(_TAG_NOT_IN_FLAG, s)


# Soft hyphens (U+00AD) sit inside words legitimately (hyphenation hints in web text): stripped, not flagged.
_ZW_IN_WORD = regex.compile("[A-Za-z][" + _ZERO_WIDTH.replace("\u00ad", "") + "]+[A-Za-z]")


def _zero_width_in_word(s: str) -> bool:
    """A zero-width character between two letters splits a word (the evasion); elsewhere (emoji ZWJ) it is normal."""
    return rx_test(_ZW_IN_WORD, s)


_MIXED_WORD = regex.compile(f"[A-Za-z]{_CONFUSABLE_CLASS}|{_CONFUSABLE_CLASS}[A-Za-z]")


def _mixed_script_word(s: str) -> bool:
    """A word mixing ASCII letters with look-alikes (`pаypal` with a Cyrillic а) is a spoof."""
    return rx_test(_MIXED_WORD, s)


_SPECIAL = frozenset("%&\\$'\"{")


def _plain(s: str) -> bool:
    """No character that starts an encoding, an escape or shell quoting."""
    if len(s) < 256:
        return _SPECIAL.isdisjoint(s)
    # substring search is memchr-fast on long strings; a set scan would box every character
    return not ("%" in s or "&" in s or "\\" in s or "$" in s or "'" in s or '"' in s or "{" in s)
_EMPTY: frozenset[str] = frozenset()
# A token of 16+ characters (long enough to be base64/hex) between the separators str.split()
# uses on ASCII text. One RE2 pass; `max(map(len, raw.split()))` built a list of every word
# (1.3 ms on 11 KB of prose) and raised on a string of spaces alone (an engine_error block).
_LONG_TOKEN = regex.compile(r"[^ \t\n\x0b\x0c\r\x1c-\x1f]{16}|(?:[A-Za-z0-9_+/=-] ){15}[A-Za-z0-9_+/=-]")
_SPLIT_MAX = 96


def _long_or_spaced(raw: str) -> bool:
    """A token of 16+ characters, or (with 15+ spaces) 16 one-character tokens in a row: `g h p _ 7 f …`."""
    toks = raw.split()
    if any(len(t) >= 16 for t in toks):
        return True
    if len(toks) < 16 or raw.count(" ") < 15:
        return False
    run = 0
    for t in toks:
        run = run + 1 if len(t) == 1 else 0
        if run >= 16:
            return True
    return False


# `g h p _ 7 f K 2 …`: a token (letters, digits, base64 punctuation) spelt one character at a time to slip past
# matching. The run, its spaces removed, is a form of its own (prose-like roles only: a command's
# spaces separate arguments). Bounded: values up to _SPACED_MAX characters, RE2.
_SPACED_RUN = regex.compile(r"(?:[A-Za-z0-9_+/=-] ){15,}[A-Za-z0-9_+/=-]")
_SPACED_ROLES = (Role.TEXT, Role.CONTENT, Role.UNKNOWN, Role.IDENT)


_SPACED_MAX = 4096  # a spelt-out token sits in a short value; a long document is not searched for one


def _unspaced(s: str) -> str | None:
    if len(s) > _SPACED_MAX or s.count(" ") < 15 or not rx_test(_SPACED_RUN, s):
        return None
    out = _SPACED_RUN.sub(_collapse_run, s)
    return out if out != s else None


def _collapse_run(m: Any) -> str:
    run = m.group(0)
    # a token has letters and variety: `0 0 0 0 …` (a matrix) or `- - -` (a rule) is layout
    if len(set(run)) < 6 or not any(c.isalpha() for c in run):
        return run
    return run.replace(" ", "")


def normalize(raw: str, role: Role) -> tuple[tuple[str, ...], frozenset[str]]:
    """(forms, flags) for one string: forms[0] is `raw`, the rest distinct decoded/normalised variants."""
    if raw.isascii() and (_SPECIAL.isdisjoint(raw) if len(raw) < 256 else _plain(raw)) and "/*" not in raw \
            and "0x" not in raw and not ("\n" in raw and _word_per_line(raw)) and (
        len(raw) < 16 or role is R_PATH or (" " in raw and not (
            # (a short ASCII string: str.split() separates it at exactly _LONG_TOKEN's separators,
            # and splitting it costs less than calling into RE2)
            _long_or_spaced(raw) if len(raw) <= _SPLIT_MAX else rx_test(_LONG_TOKEN, raw)))
    ):
        # Nothing to decode: no escape character, and no token long enough for base64/hex
        # (paths are never base64-decoded). The common argument leaves here in well under 1 µs.
        return (raw,), _EMPTY
    if len(raw) <= _MEMO_MAX_LEN:
        return _normalize_memo(raw, role)
    return _normalize(raw, role)


_MEMO_MAX_LEN = 256
_LINE_JOIN_ROLES = (Role.TEXT, Role.CONTENT, Role.UNKNOWN, Role.IDENT)
_LINE_JOIN_MAX = 1024


def _word_per_line(s: str) -> bool:
    """A short text cut into lines of one or two words each (4 lines at least): a sentence split to
    dodge phrase matching. C-level counts only; `split` runs on short texts alone."""
    lines = s.count("\n") + 1
    if lines < 4 or len(s) > _LINE_JOIN_MAX:
        return False
    words = s.split()
    if len(words) > 2 * lines:
        return False
    # plain words (a list, a config file or a table reads as such, not as a sentence)
    return sum(1 for w in words if w.strip(_WORD_PUNCT).isalpha()) >= 0.8 * len(words)


_WORD_PUNCT = ".,;:!?'\"()"


@functools.lru_cache(maxsize=8192)
def _normalize_memo(raw: str, role: Role) -> tuple[tuple[str, ...], frozenset[str]]:
    # Pure in (raw, role), immutable result: short non-plain values (URLs, paths, commands with
    # quotes) recur across calls of the same tool; decoding them again is wasted work.
    return _normalize(raw, role)


def _normalize(raw: str, role: Role) -> tuple[tuple[str, ...], frozenset[str]]:
    flags: set[str] = set()
    forms: list[str] = [raw]
    head = raw if len(raw) <= DECODE_MAX else raw[:DECODE_MAX]
    if head is not raw and rx_test(ANY_ENCODED_PATH, raw[DECODE_MAX:]):
        # Encodings past the decode bound were not decoded: say so (never a silent pass).
        flags.add("decode_truncated")
    base = head
    if not head.isascii():
        _unicode_forms(head, forms, flags)
        base = forms[-1]
        if role not in _PROSE and rx_test(_ANY_PUNCT, base):
            base = _replace_all(base, _PUNCT_PAIRS)
            forms.append(base)
    # Decoding as a chain (percent -> HTML -> escapes -> base64 -> hex), each step over the
    # previous result, twice (double encodings). At most 10 bounded decoder runs per string.
    cur = base
    is_path = role is R_PATH
    if is_path:
        decoders, pre = PATH_DECODERS, ANY_ENCODED_PATH
    elif role is R_URL:
        decoders, pre = URL_DECODERS, ANY_ENCODED_URL
    elif role in C_ESCAPE_ROLES:
        decoders, pre = COMMAND_DECODERS, ANY_ENCODED_CMD
    else:
        decoders, pre = DECODERS, ANY_ENCODED
    for _layer in range(2 if rx_test(pre, base) else 0):
        changed = False
        for dec in decoders:
            out = dec(cur, flags)
            if out is None or out == cur:
                continue
            if not out.isascii():
                # decoded text can carry its own invisible or full-width characters
                sub: list[str] = []
                _unicode_forms(out, sub, flags)
                out = sub[-1] if sub else out
            if out not in forms:
                forms.append(out)
            cur = out
            changed = True
        if not changed or len(forms) >= MAX_FORMS:
            break
    # Language-specific comment/quote tricks on every form so far (cheap character pre-checks).
    extra: list[str] = []
    if role in (R_SQL, R_URL, R_UNKNOWN, R_TEXT, R_IDENT, R_PATH) or "/*" in head:
        for s in forms:
            out = sql_comment_form(s, flags)
            if out is not None and out not in forms and out not in extra:
                extra.append(out)
    if role in (R_SHELL, R_UNKNOWN, R_IDENT, R_URL):
        for s in forms[:3]:
            out = shell_form(s, flags)
            if out is not None and out not in forms and out not in extra:
                extra.append(out)
    if role in _SPACED_ROLES:
        out = _unspaced(head)
        if out is not None:
            extra.append(out)
    if role in _LINE_JOIN_ROLES and "\n" in head and _word_per_line(head):
        # "Ignore\nall\nprevious\ninstructions": a word or two a line reads as one sentence to a model
        extra.append(" ".join(head.split()))
    forms.extend(extra)
    if len(forms) > MAX_FORMS:
        forms = forms[:MAX_FORMS]
    # dedupe keeping order (raw first)
    seen: set[str] = set()
    uniq = [f for f in forms if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]
    return tuple(uniq), frozenset(flags)


# Flags that are evasion in themselves, and how loud they are. A decoded form that carries an
# attack is the detectors' business; these say "someone hid something", which a human should see.
_EVASION = {
    "tag_chars": (RiskLevel.HIGH, "invisible Unicode tag characters carry hidden text"),
    "overlong_utf8": (RiskLevel.HIGH, "overlong UTF-8 percent-encoding (never produced by a real client)"),
    "zero_width": (RiskLevel.MEDIUM, "zero-width characters inside a word"),
    "confusables": (RiskLevel.MEDIUM, "a word mixes Latin letters with look-alike letters of another script"),
    "bidi": (RiskLevel.MEDIUM, "bidirectional control characters (text displayed differently than stored)"),
    "double_percent": (RiskLevel.MEDIUM, "double percent-encoding"),
    "shell_obfuscation": (RiskLevel.MEDIUM, "shell obfuscation (${IFS}, quotes or backslashes inside a word)"),
    "decode_truncated": (RiskLevel.HIGH, f"encoded text beyond the first {DECODE_MAX} characters was not decoded"),
}


def evasion_signal(frag: Fragment) -> Signal | None:
    """One `evasion` signal for a fragment whose flags show deliberate hiding, else None."""
    worst: tuple[RiskLevel, str, str] | None = None
    for flag in frag.flags:
        hit = _EVASION.get(flag)
        if hit is None:
            continue
        if flag == "bidi" and frag.role in (Role.TEXT, Role.CONTENT):
            continue  # right-to-left text legitimately carries bidi marks
        if flag == "shell_obfuscation" and frag.role is not Role.SHELL:
            continue
        if flag == "decode_truncated" and frag.role in (Role.TEXT, Role.CONTENT):
            hit = (RiskLevel.MEDIUM, hit[1])  # long documents carry entities and % signs; recorded only
        # (ties by name: flags is a frozenset, so its order follows the process's hash seed)
        if worst is None or hit[0] > worst[0] or (hit[0] == worst[0] and flag < worst[1]):
            worst = (hit[0], flag, hit[1])
    if worst is None:
        return None
    return Signal("evasion", worst[1], worst[2], worst[0], frag.path)

