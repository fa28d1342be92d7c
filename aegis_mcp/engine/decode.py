"""Decoders for normalisation: percent (double, overlong), HTML entities, escapes, base64, hex, SQL/shell tricks.

Each decoder takes a string and a flag set and returns the decoded string (adding its flag) or
None when it does not apply. All are bounded (the caller passes at most DECODE_MAX characters,
base64/hex runs are capped at MAX_RUNS per string) and every pattern is RE2.
"""

from __future__ import annotations

import base64
import binascii
import functools
import html
import re
from typing import Any
from urllib.parse import unquote

import re2

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Role

MAX_RUNS = 6
_ANCHOR = re2._Anchor.UNANCHORED  # noqa: SLF001 - the wrapper's generator API costs ~2 µs per call


def rx_test(rx: Any, text: str) -> bool:
    """RE2 search as a bool through the C++ binding (the Python wrapper's match objects are slow)."""
    b = text.encode("utf-8", "surrogatepass")
    return bool(rx._re.Match(_ANCHOR, b, 0, len(b))[0][0] != -1)  # noqa: SLF001


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
ANY_ENCODED = regex.compile(
    r"%[0-9A-Fa-f]{2}|%[uU][0-9A-Fa-f]{4}|&(?:#|[A-Za-z]{2,8};)|\\(?:[xX][0-9a-fA-F]{2}|[uU][0-9a-fA-F{]|[0-7]{3})|"
    r"[A-Za-z0-9+/]{16,}|0[xX][0-9A-Fa-f]{6}|^[A-Za-z0-9_\-]{16,}={0,2}$"
)
# Paths are not base64/hex-decoded by a file system, so for them only the URL-ish encodings matter.
ANY_ENCODED_PATH = regex.compile(
    r"%[0-9A-Fa-f]{2}|%[uU][0-9A-Fa-f]{4}|&(?:#|[A-Za-z]{2,8};)|\\(?:[xX][0-9a-fA-F]{2}|[uU][0-9a-fA-F{]|[0-7]{3})|"
    r"\\[nrt0]|%bg%qf|%c0%9v|%c0%qf|%c1%8s|%c1%pc"
)
ANY_ENCODED_URL = regex.compile(
    r"%[0-9A-Fa-f]{2}|%[uU][0-9A-Fa-f]{4}|&(?:#|[A-Za-z]{2,8};)|\\(?:[xX][0-9a-fA-F]{2}|[uU][0-9a-fA-F{]|[0-7]{3})|"
    r"\\[nrt0]|[A-Za-z0-9+]{16,}|0[xX][0-9A-Fa-f]{6}"
)
ANY_ENCODED_CMD = regex.compile(
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
    if "%" not in s or not rx_test(_PERCENT, s):
        return None
    t = s
    low = t.lower()
    if rx_test(_OVERLONG, low):
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
    if "%" in out and rx_test(_PERCENT, out):
        flags.add("double_percent")
    return out


_ENTITY = regex.compile(r"&(?:#[0-9]|#[xX][0-9A-Fa-f]|[A-Za-z][A-Za-z0-9]{1,31};)")
# html.unescape is `_charref.sub(_replace_charref, s)`: a Python callback per reference that parses
# the number or looks the name up again each time. The replacement is a pure function of the
# reference's text (group 1), and a hostile value repeats a few references thousands of times,
# so the callback asks a cache (~40% less CPU per reference, measured); same output by construction.
_CHARREF = html._charref  # type: ignore[attr-defined]  # noqa: SLF001
_REPLACE_CHARREF = html._replace_charref  # type: ignore[attr-defined]  # noqa: SLF001


@functools.lru_cache(maxsize=2048)
def _charref_text(ref: str) -> str:
    # (the reference alone matches as itself: the pattern is greedy and was stopped by its end)
    return _REPLACE_CHARREF(_CHARREF.match("&" + ref))  # type: ignore[no-any-return]


def _charref_sub(m: "re.Match[str]") -> str:
    return _charref_text(m.group(1))


def unescape_html(s: str) -> str:
    """= html.unescape(s), with the replacement of each distinct reference computed once."""
    if "&" not in s:
        return s
    return _CHARREF.sub(_charref_sub, s)  # type: ignore[no-any-return]


def _html(s: str, flags: set[str]) -> str | None:
    # `&` alone is common (URL query strings, prose); only a real entity is worth html.unescape
    if "&" not in s or not rx_test(_ENTITY, s):
        return None
    out = unescape_html(s)
    if out == s:
        return None
    flags.add("html_entity")
    return out


def _backslash(s: str, flags: set[str]) -> str | None:
    if "\\" not in s or not rx_test(_BACKSLASH, s):
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
    if out is None and ("-" in s or "_" in s) and " " not in s and rx_test(_B64_URLSAFE_WHOLE, s):
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


def sql_comment_form(s: str, flags: set[str]) -> str | None:
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


_SEPARATORS = ";|&\n("


def _unglue(t: str) -> tuple[str, bool]:
    """Quote removal the way bash does it, outside quotes only where it hides a word.

    `c'a't`, `c"a"t`, `ca$@t` and `c\\at` all run `cat`. The result drops such glued quotes,
    empty expansions and in-word backslashes; `suspicious` is set when they split a word at
    command position (the first word of a command), where a real command never needs them.
    """
    out: list[str] = []
    i, n = 0, len(t)
    first_word = True  # inside the first word of the current command
    seen_char = False
    suspicious = False
    while i < n:
        c = t[i]
        if c in " \t":
            if seen_char:
                first_word = False
            out.append(c)
            i += 1
            continue
        if c in _SEPARATORS:
            first_word, seen_char = True, False
            out.append(c)
            i += 1
            continue
        if c in "'\"":
            j = t.find(c, i + 1)
            if j < 0:
                out.append(t[i:])
                break
            inner = t[i + 1 : j]
            glued = i > 0 and t[i - 1].isalnum() and j + 1 < n and (t[j + 1].isalnum() or t[j + 1] in "'\"")
            if glued and inner.replace("/", "").isalnum() | (inner == ""):
                out.append(inner)  # `c'a't` -> `cat`
                suspicious = suspicious or first_word
            else:
                out.append(t[i : j + 1])  # ordinary quoting: kept as written
            seen_char = True
            i = j + 1
            continue
        if c == "\\" and i + 1 < n and t[i + 1].isalnum() and i > 0 and t[i - 1].isalnum():
            suspicious = suspicious or first_word
            i += 1  # `c\\at` -> `cat`
            continue
        if c == "$" and t.startswith(("$@", "$*", "${}"), i) and i > 0 and t[i - 1].isalnum():
            suspicious = suspicious or first_word
            i += 3 if t.startswith("${}", i) else 2
            continue
        out.append(c)
        seen_char = True
        i += 1
    return "".join(out), suspicious


def shell_form(s: str, flags: set[str]) -> str | None:
    """Undo shell obfuscation that keeps a command working: ${IFS}, c'a't, c\\at, ca$@t, {cat,/etc/passwd}."""
    if not ("$" in s or "'" in s or '"' in s or "\\" in s or "{" in s):
        return None
    t = s
    suspicious = False
    if "IFS" in t and rx_test(_IFS, t):
        t = _IFS.sub(" ", t)
        suspicious = True
    if rx_test(_MIDWORD_QUOTE, t):
        t, glued = _unglue(t)
        suspicious = suspicious or glued
    # A brace list at command position: `{cat,/etc/passwd}` runs `cat /etc/passwd`.
    lead = t.lstrip()
    if lead.startswith("{") and "," in lead:
        rb = lead.find("}")
        inner = lead[1:rb] if rb > 0 else ""
        if "," in inner and " " not in inner:
            t = inner.replace(",", " ") + lead[rb + 1 :]
            suspicious = True
    if t == s or not suspicious:
        return None
    flags.add("shell_obfuscation")
    return t


DECODERS = (_percent, _html, _backslash, _base64, _hex)
PATH_DECODERS = (_percent, _html, _backslash)
# Commands, identifiers and URLs also get C escapes (`host\\nid`); prose and code keep them
# literal, where `\\n` is overwhelmingly just text.
COMMAND_DECODERS = (_percent, _html, _backslash, _c_escapes, _base64, _hex)
C_ESCAPE_ROLES = (Role.SHELL, Role.IDENT, Role.UNKNOWN)
URL_DECODERS = (_percent, _html, _backslash, _c_escapes, _base64_url, _hex)
