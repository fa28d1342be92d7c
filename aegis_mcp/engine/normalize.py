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

import base64
import binascii
import html
import unicodedata
from typing import Any
from urllib.parse import unquote

import re2

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Fragment, Role
from aegis_mcp.engine.model import RiskLevel, Signal

MAX_FORMS = 8
DECODE_MAX = 32_768  # decoded forms cover the first 32 KB of a string; the raw form is scanned whole
MAX_RUNS = 6
_ANCHOR = re2._Anchor.UNANCHORED  # noqa: SLF001 - the wrapper's generator API costs ~2 µs per call


def _rx_test(rx: Any, text: str) -> bool:
    """RE2 search as a bool through the C++ binding (the Python wrapper's match objects are slow)."""
    b = text.encode("utf-8", "surrogatepass")
    return bool(rx._re.Match(_ANCHOR, b, 0, len(b))[0][0] != -1)  # noqa: SLF001


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

# --- decoders' pre-checks -----------------------------------------------------------------------
_PERCENT = regex.compile(r"%(?:[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})")
_OVERLONG = regex.compile(
    r"(?i)%(?:c0|c1|e0%[89][0-9a-f]|f0%80%[89][0-9a-f])%[89ab][0-9a-f]|%c0%9v|%c0%qf|%bg%qf|%c1%8s|%c1%pc"
)
# %uXXXX (IIS) and overlong UTF-8 spellings of '.', '/', '\' and friends that `unquote` cannot read.
_OVERLONG_MAP = {
    "%c0%ae": ".", "%c0%af": "/", "%c1%9c": "\\", "%c1%1c": "\\", "%c0%2f": "/", "%c0%5c": "\\", "%c1%af": "/",
    "%e0%80%ae": ".", "%e0%80%af": "/", "%c0%80": "\x00", "%f0%80%80%ae": ".", "%f0%80%80%af": "/",
    # invalid-hex spellings some IIS-era decoders accepted (payload lists carry them): never legitimate
    "%c0%9v": "\\", "%c0%qf": "/", "%bg%qf": "/", "%c1%8s": "/", "%c1%pc": "\\", "%c0%9c": "\\",
   
}
_U_ESCAPE = regex.compile(r"(?i)%u([0-9a-f]{4})")
_BACKSLASH = regex.compile(r"(?i)\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|u\{[0-9a-f]{1,6}\}|[0-7]{3})")
_BACKSLASH_ONE = regex.compile(r"(?i)\\(x[0-9a-f]{2}|u[0-9a-f]{4}|u\{[0-9a-f]{1,6}\}|[0-7]{3})")
_B64_RUN = regex.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_B64_URLSAFE_WHOLE = regex.compile(r"^[A-Za-z0-9_\-]{16,}={0,2}$")
_HEX_RUN = regex.compile(r"(?:0[xX])?[0-9A-Fa-f]{16,}")
_HEX_SQL = regex.compile(r"0[xX][0-9A-Fa-f]{6,}")
# One pass that says "some decoder could apply": the common plain argument stops here.
_ANY_ENCODED = regex.compile(
    r"%[0-9A-Fa-f]{2}|%[uU][0-9A-Fa-f]{4}|&(?:#|[A-Za-z]{2,8};)|\\(?:[xX][0-9a-fA-F]{2}|[uU][0-9a-fA-F{]|[0-7]{3})|"
    r"[A-Za-z0-9+/]{16,}|0[xX][0-9A-Fa-f]{6}|^[A-Za-z0-9_\-]{16,}={0,2}$"
)
# Paths are not base64/hex-decoded by a file system, so for them only the URL-ish encodings matter.
_ANY_ENCODED_PATH = regex.compile(
    r"%[0-9A-Fa-f]{2}|%[uU][0-9A-Fa-f]{4}|&(?:#|[A-Za-z]{2,8};)|\\(?:[xX][0-9a-fA-F]{2}|[uU][0-9a-fA-F{]|[0-7]{3})|"
    r"\\[nrt0]|%bg%qf|%c0%9v|%c0%qf|%c1%8s|%c1%pc"
)
_ANY_ENCODED_URL = regex.compile(
    r"%[0-9A-Fa-f]{2}|%[uU][0-9A-Fa-f]{4}|&(?:#|[A-Za-z]{2,8};)|\\(?:[xX][0-9a-fA-F]{2}|[uU][0-9a-fA-F{]|[0-7]{3})|"
    r"\\[nrt0]|[A-Za-z0-9+]{16,}|0[xX][0-9A-Fa-f]{6}"
)
_ANY_ENCODED_CMD = regex.compile(
    r"%[0-9A-Fa-f]{2}|%[uU][0-9A-Fa-f]{4}|&(?:#|[A-Za-z]{2,8};)|\\(?:[xX][0-9a-fA-F]{2}|[uU][0-9a-fA-F{]|[0-7]{3})|"
    r"\\[nrt0]|[A-Za-z0-9+/]{16,}|0[xX][0-9A-Fa-f]{6}|^[A-Za-z0-9_\-]{16,}={0,2}$"
)
_IFS = regex.compile(r"\$(?:\{IFS\}|IFS\b)(?:\$\d|\$\{\d\})?")
_MIDWORD_QUOTE = regex.compile(
    r"[A-Za-z0-9](?:'[A-Za-z0-9/]*'|\"[A-Za-z0-9/]*\")[A-Za-z0-9/]|(?:^|[\s;|&])[A-Za-z]+\\[a-z]|[a-z]\$@|\$\{[a-z]?\}"
)


def _printable_text(s: str) -> bool:
    """Is a decoded blob text a person or a parser would read (not random bytes)?"""
    if len(s) < 4:
        return False
    letters = sum(1 for c in s if c.isalpha())
    good = sum(1 for c in s if c.isprintable() or c in "\n\r\t")
    return good >= 0.9 * len(s) and letters >= max(3, len(s) // 5)


def _b64_decode(run: str) -> str | None:
    body = run.rstrip("=")
    if len(body) % 4 == 1:
        return None
    # Base64 of text mixes cases; an all-lower/all-upper/all-digit run is a word, hash or id.
    if body.islower() or body.isupper() or body.isdigit():
        return None
    padded = body + "=" * (-len(body) % 4)
    try:
        raw = base64.urlsafe_b64decode(padded) if ("-" in body or "_" in body) else base64.b64decode(padded)
        text = raw.decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return text if _printable_text(text) else None


def _hex_decode(run: str) -> str | None:
    body = run[2:] if run[:2] in ("0x", "0X") else run
    if len(body) % 2:
        return None
    try:
        text = bytes.fromhex(body).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    return text if _printable_text(text) else None


def _spans(rx: Any, b: bytes, limit: int) -> list[tuple[int, int]]:
    """Byte spans of up to `limit` non-overlapping matches, via the C++ binding (no match objects)."""
    out: list[tuple[int, int]] = []
    pos, end = 0, len(b)
    match = rx._re.Match  # noqa: SLF001
    while pos <= end and len(out) < limit:
        span = match(_ANCHOR, b, pos, end)[0]
        if span[0] == -1:
            break
        out.append(span)
        pos = span[1] if span[1] > span[0] else span[1] + 1
    return out


def _replace_runs(s: str, rx: Any, decode: Any) -> str | None:
    """Replace each decodable run (at most MAX_RUNS) by its text; None when nothing decoded."""
    b = s.encode("utf-8", "surrogatepass")
    spans = _spans(rx, b, MAX_RUNS)
    if not spans:
        return None
    out: list[str] = []
    last = 0
    changed = False
    for start, stop in spans:
        text = decode(b[start:stop].decode("ascii"))  # the run patterns are ASCII-only
        if text is not None:
            out.append(b[last:start].decode("utf-8", "surrogatepass"))
            out.append(text)
            last = stop
            changed = True
    if not changed:
        return None
    out.append(b[last:].decode("utf-8", "surrogatepass"))
    return "".join(out)


def _percent(s: str, flags: set[str]) -> str | None:
    if "%" not in s or not _rx_test(_PERCENT, s):
        return None
    t = s
    low = t.lower()
    if _rx_test(_OVERLONG, low):
        for enc, ch in _OVERLONG_MAP.items():
            if enc in low:
                low = low.replace(enc, ch)
        t = low  # lower-casing is harmless for the attacks overlong forms carry (paths)
        flags.add("overlong_utf8")
    if "%u" in t or "%U" in t:
        t = _U_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), t)
    out = unquote(t, errors="replace")
    if out == s:
        return None
    flags.add("percent")
    if "%" in out and _rx_test(_PERCENT, out):
        flags.add("double_percent")
    return out


def _html(s: str, flags: set[str]) -> str | None:
    if "&" not in s:
        return None
    out = html.unescape(s)
    if out == s:
        return None
    flags.add("html_entity")
    return out


def _backslash(s: str, flags: set[str]) -> str | None:
    if "\\" not in s or not _rx_test(_BACKSLASH, s):
        return None

    def one(m: Any) -> str:
        g = m.group(1)
        if g[0] in "xX":
            return chr(int(g[1:], 16))
        if g[0] in "uU":
            cp = int(g[2:-1] if g[1] == "{" else g[1:], 16)
            return chr(cp) if cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF else "\ufffd"
        return chr(int(g, 8) & 0xFF)

    out = _BACKSLASH_ONE.sub(one, s)
    if out == s:
        return None
    flags.add("escape")
    return out


_C_ESCAPES = {"\\n": "\n", "\\r": "\r", "\\t": "\t", "\\0": "\x00"}


def _c_escapes(s: str, flags: set[str]) -> str | None:
    """Literal `\\n`, `\\r`, `\\t` read as the control characters (an escaped newline splits a command)."""
    if "\\" not in s:
        return None
    out = s
    for esc, ch in _C_ESCAPES.items():
        if esc in out:
            out = out.replace(esc, ch)
    if out == s:
        return None
    flags.add("c_escape")
    return out


def _base64(s: str, flags: set[str]) -> str | None:
    if len(s) < 16:
        return None
    out = _replace_runs(s, _B64_RUN, _b64_decode)
    if out is None and ("-" in s or "_" in s) and " " not in s and _rx_test(_B64_URLSAFE_WHOLE, s):
        out = _b64_decode(s)  # urlsafe base64 only as a whole value: `_`/`-` runs are usually identifiers
    if out is not None:
        flags.add("base64")
    return out


_B64_RUN_URL = regex.compile(r"[A-Za-z0-9+]{16,}={0,2}")


def _base64_url(s: str, flags: set[str]) -> str | None:
    """Base64 inside a URL: runs without `/`, which in a URL is the path separator, not base64."""
    if len(s) < 16:
        return None
    out = _replace_runs(s, _B64_RUN_URL, _b64_decode)
    if out is not None:
        flags.add("base64")
    return out


def _hex(s: str, flags: set[str]) -> str | None:
    if len(s) < 8:
        return None
    rx = _HEX_RUN if len(s) >= 16 else _HEX_SQL
    out = _replace_runs(s, rx, _hex_decode)
    if out is None and rx is _HEX_RUN and "0x" in s.lower():
        out = _replace_runs(s, _HEX_SQL, _hex_decode)
    if out is not None:
        flags.add("hex")
    return out


def _sql_comments(s: str, flags: set[str]) -> str | None:
    """`/**/` -> space; MySQL's executable `/*!50000 UNION*/` keeps its content."""
    if "/*" not in s:
        return None
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        j = s.find("/*", i)
        if j < 0:
            out.append(s[i:])
            break
        out.append(s[i:j])
        end = s.find("*/", j + 2)
        if s.startswith("/*!", j):
            k = j + 3
            while k < n and s[k].isdigit():
                k += 1
            body_end = end if end >= 0 else n
            out.append(" " + s[k:body_end] + " ")
        else:
            out.append(" ")
        if end < 0:
            break
        i = end + 2
    res = "".join(out)
    if res == s:
        return None
    flags.add("sql_comment")
    return res


def _shell(s: str, flags: set[str]) -> str | None:
    """Undo shell obfuscation that keeps a command working: ${IFS}, c'a't, c\\at, $@, {a,b} lists."""
    if not ("$" in s or "'" in s or '"' in s or "\\" in s or "{" in s):
        return None
    t = s
    suspicious = False
    if "IFS" in t and _rx_test(_IFS, t):
        t = _IFS.sub(" ", t)
        suspicious = True
    if _rx_test(_MIDWORD_QUOTE, t):
        suspicious = True
        t = t.replace("$@", "").replace("${}", "")
        t = t.replace("''", "").replace('""', "")
        # Quotes and backslashes glued inside a word are removed by the shell before it runs the word.
        chars: list[str] = []
        n = len(t)
        for i, c in enumerate(t):
            if c in "'\"\\" and 0 < i < n - 1 and t[i - 1].isalnum() and (t[i + 1].isalnum() or t[i + 1] in "'\""):
                continue
            chars.append(c)
        t = "".join(chars)
    if "{" in t and "," in t and "}" in t:
        # Brace lists: {cat,/etc/passwd} -> cat /etc/passwd
        lb, rb = t.find("{"), t.find("}")
        inner = t[lb + 1 : rb] if 0 <= lb < rb else ""
        if inner and "," in inner and " " not in inner and lb < rb:
            t = t[:lb] + inner.replace(",", " ") + t[rb + 1 :]
            suspicious = True
    if t == s or not suspicious:
        return None
    flags.add("shell_obfuscation")
    return t


_DECODERS = (_percent, _html, _backslash, _base64, _hex)
_PATH_DECODERS = (_percent, _html, _backslash)
# Commands, identifiers and URLs also get C escapes (`host\\nid`); prose and code keep them
# literal, where `\\n` is overwhelmingly just text.
_COMMAND_DECODERS = (_percent, _html, _backslash, _c_escapes, _base64, _hex)
_C_ESCAPE_ROLES = (Role.SHELL, Role.IDENT, Role.UNKNOWN)
_URL_DECODERS = (_percent, _html, _backslash, _c_escapes, _base64_url, _hex)


def _unicode_forms(raw: str, forms: list[str], flags: set[str]) -> None:
    s = raw
    has_tags = "\U000e0000" <= max(s) and _rx_test(_ANY_TAG, s)
    if has_tags:
        # Tag characters are invisible; they can smuggle ASCII (U+E0041 is a hidden "A").
        hidden = s.translate(_TAG_DECODE)
        stripped = s.translate(_TAG_STRIP)
        if not _only_flag_emoji(s):
            flags.add("tag_chars")
        forms.append(hidden)
        s = stripped
    t = s.translate(_STRIP_TABLE) if _rx_test(_ANY_INVISIBLE, s) else s
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
    if not s.isascii() and _rx_test(_ANY_CONFUSABLE, s) and _rx_test(_ASCII_LETTER, s):
        folded = s.translate(_CONFUSABLE_TABLE)
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
    return not _rx_test(_TAG_NOT_IN_FLAG, s)


_ZW_IN_WORD = regex.compile("[A-Za-z][" + _ZERO_WIDTH + "]+[A-Za-z]")


def _zero_width_in_word(s: str) -> bool:
    """A zero-width character between two letters splits a word (the evasion); elsewhere (emoji ZWJ) it is normal."""
    return _rx_test(_ZW_IN_WORD, s)


_MIXED_WORD = regex.compile(f"[A-Za-z]{_CONFUSABLE_CLASS}|{_CONFUSABLE_CLASS}[A-Za-z]")


def _mixed_script_word(s: str) -> bool:
    """A word mixing ASCII letters with look-alikes (`pаypal` with a Cyrillic а) is a spoof."""
    return _rx_test(_MIXED_WORD, s)


_SPECIAL = frozenset("%&\\$'\"{")
_EMPTY: frozenset[str] = frozenset()


def normalize(raw: str, role: Role) -> tuple[tuple[str, ...], frozenset[str]]:
    """(forms, flags) for one string: forms[0] is `raw`, the rest distinct decoded/normalised variants."""
    if raw.isascii() and _SPECIAL.isdisjoint(raw) and "/*" not in raw and "0x" not in raw and (
        len(raw) < 16 or role is Role.PATH or (" " in raw and max(map(len, raw.split())) < 16)
    ):
        # Nothing to decode: no escape character, and no token long enough for base64/hex
        # (paths are never base64-decoded). The common argument leaves here in well under 1 µs.
        return (raw,), _EMPTY
    flags: set[str] = set()
    forms: list[str] = [raw]
    head = raw if len(raw) <= DECODE_MAX else raw[:DECODE_MAX]
    base = head
    if not head.isascii():
        _unicode_forms(head, forms, flags)
        base = forms[-1]
    # Decoding as a chain (percent -> HTML -> escapes -> base64 -> hex), each step over the
    # previous result, twice (double encodings). At most 10 bounded decoder runs per string.
    cur = base
    is_path = role is Role.PATH
    if is_path:
        decoders, pre = _PATH_DECODERS, _ANY_ENCODED_PATH
    elif role is Role.URL:
        decoders, pre = _URL_DECODERS, _ANY_ENCODED_URL
    elif role in _C_ESCAPE_ROLES:
        decoders, pre = _COMMAND_DECODERS, _ANY_ENCODED_CMD
    else:
        decoders, pre = _DECODERS, _ANY_ENCODED
    for _layer in range(2 if _rx_test(pre, base) else 0):
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
    if role in (Role.SQL, Role.URL, Role.UNKNOWN, Role.TEXT, Role.IDENT, Role.PATH) or "/*" in head:
        for s in forms:
            out = _sql_comments(s, flags)
            if out is not None and out not in forms and out not in extra:
                extra.append(out)
    if role in (Role.SHELL, Role.UNKNOWN, Role.IDENT, Role.URL):
        for s in forms[:3]:
            out = _shell(s, flags)
            if out is not None and out not in forms and out not in extra:
                extra.append(out)
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
        if worst is None or hit[0] > worst[0]:
            worst = (hit[0], flag, hit[1])
    if worst is None:
        return None
    return Signal("evasion", worst[1], worst[2], worst[0], frag.path)

