"""Bounded local decoding for the sql/path/shell detectors: percent (multi-level, %u, overlong UTF-8), entities, base64, confusable dots and slashes.

Extraction (engine-core) also produces decoded forms; these detectors decode locally as well
because traversal and injection payloads stack encodings that generic decoding does not undo
(`%%32%66`, `%c0%af`, `%uff0e`, `0x2e0x2e`), and because a URL's query parameters must be
judged one by one, each in its own decoded form.
"""

from __future__ import annotations

import base64
import binascii
import functools
import unicodedata
from urllib.parse import unquote_to_bytes

from aegis_mcp.engine import regex
from aegis_mcp.engine.decode import unescape_html

_MAX_LEVELS = 4  # %252e%252e needs two, %25252e three; more is noise, and bounds the work
_MAX_LEN = 16_384  # decoding is linear, but there is no reason to decode megabytes here

_B64_SHAPE = regex.compile(r"^[A-Za-z0-9+/_-]{8,}={0,2}$")
# A percent sign followed by non-hex characters (`%bg%qf`) is no escape at all: old IIS decoders
# turned some of these into '/', and traversal fuzzers use them as separators (paths.py flags them).
INVALID_PCT_RUN = regex.compile(r"(?i)(?:%[g-z][0-9a-z]|%[0-9a-f][g-z])+")

# Look-alikes of '.', '/', '\' that NFKC leaves alone but path handling (or a WAF-evading
# payload) may treat as separators on some stacks.
_CONFUSABLES = str.maketrans(
    {
        "\u2215": "/",  # DIVISION SLASH
        "\u2044": "/",  # FRACTION SLASH
        "\u29f8": "/",  # BIG SOLIDUS
        "\uefc8": "/",  # private-use slash seen in IIS %u payloads
        "\uf025": "/",
        "\u2216": "\\",  # SET MINUS
        "\u29f9": "\\",
        "\u2024": ".",  # ONE DOT LEADER
        "\u3002": ".",  # IDEOGRAPHIC FULL STOP
        "\uff61": ".",
        "\u0000": "",
    }
)


def _fix_overlong(data: bytes) -> bytes:
    """Collapse overlong UTF-8 encodings of ASCII (c0 ae, e0 80 af, ...) to the ASCII byte.

    Old IIS/Tomcat decoders accepted them; they are how `..%c0%af` slips past a check for '/'.
    Also accepts the 'wrong continuation byte' variants (c0 2f, c1 9c) used by the same payloads.
    """
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        # lead byte -> total sequence length for the overlong forms of ASCII
        size = 2 if b in (0xC0, 0xC1) else 3 if b == 0xE0 else 4 if b == 0xF0 else 5 if b == 0xF8 else 6 if b == 0xFC else 0
        if size and i + size <= n and all(x in (0x80, 0x81) for x in data[i + 1 : i + size - 1]) and (size == 2 or data[i + size - 2] in (0x80, 0x81)):
            prev = data[i + size - 2] if size > 2 else b
            out.append((((prev & 0x1F if size == 2 else prev & 0x3F) << 6) | (data[i + size - 1] & 0x3F)) & 0x7F)
            i += size
            continue
        out.append(b)
        i += 1
    return bytes(out)


_OVERLONG_LEADS = (b"\xc0", b"\xc1", b"\xe0\x80", b"\xe0\x81", b"\xf0\x80", b"\xf8\x80", b"\xfc\x80")
_HEXDIGITS = frozenset("0123456789abcdefABCDEF")


def _decode_pct_u(text: str) -> str:
    """IIS-style %uXXXX escapes (string scanning: re2.sub is slow from Python)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        j = text.find("%", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        chunk = text[j + 2 : j + 6]
        if text[j + 1 : j + 2] in ("u", "U") and len(chunk) == 4 and all(c in _HEXDIGITS for c in chunk):
            out.append(chr(int(chunk, 16)))
            i = j + 6
        else:
            out.append("%")
            i = j + 1
    return "".join(out)


def _decode_0x(text: str) -> str:
    """`0x2e0x2e0x2f` -> `../` (only the dot and separator codes)."""
    for code, ch in (("2e", "."), ("2f", "/"), ("5c", "\\")):
        for pre in ("0x", "0X"):
            text = text.replace(pre + code, ch).replace(pre + code.upper(), ch)
    return text


def percent_decode_once(text: str) -> str:
    if "%" not in text:
        return text
    if "%u" in text or "%U" in text:
        text = _decode_pct_u(text)
    raw = unquote_to_bytes(text.encode("utf-8", "surrogatepass"))
    if any(lead in raw for lead in _OVERLONG_LEADS):  # the byte loop is Python: run it only when needed
        raw = _fix_overlong(raw)
    return raw.decode("utf-8", "replace")


def fold(text: str) -> str:
    """NFKC plus separator/dot confusables: the form path and keyword rules read."""
    if text.isascii():
        return text.replace("\x00", "")
    return unicodedata.normalize("NFKC", text).translate(_CONFUSABLES)


def _maybe_base64(text: str) -> str | None:
    s = text.strip()
    if len(s) < 8 or len(s) > 4096 or " " in s or "." in s or not _B64_SHAPE.search(s):
        return None
    try:
        data = base64.b64decode(s + "=" * (-len(s) % 4), altchars=b"-_" if ("-" in s or "_" in s) else None, validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        out = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # Only keep decodings that look like text: random tokens decode to binary garbage.
    if not out or sum(c.isprintable() for c in out) < 0.95 * len(out):
        return None
    return out


@functools.lru_cache(maxsize=4096)
def _decoded(text: str) -> tuple[str, ...]:
    # The sql and paths detectors both decode a URL's parameters: the second asks the cache.
    seen: list[str] = [text]

    def add(s: str) -> None:
        if s and s not in seen:
            seen.append(s)

    cur = text
    for _ in range(_MAX_LEVELS):
        nxt = percent_decode_once(cur)
        if nxt == cur:
            break
        add(nxt)
        cur = nxt
    done: set[str] = set()  # a form already decoded in the first round adds nothing in the second
    for _ in range(2):  # twice: `0x2e0x2e%u2215` needs hex, then folding of what hex produced
        for s in list(seen):
            if s in done:
                continue
            done.add(s)
            if "&" in s and ";" in s:
                add(unescape_html(s))  # = html.unescape (decode.py)
            if "0x" in s or "0X" in s:
                add(_decode_0x(s))
            if not s.isascii():
                add(fold(s))
    if "%" in text:
        # `??%bg%qf??%bg%qfetc%bg%qfpasswd`: runs of invalid escapes read as the separator they stand for
        for s in list(seen):
            if "%" in s and INVALID_PCT_RUN.search(s):
                add(INVALID_PCT_RUN.sub("/", s))
                break
    return tuple(seen)


def variants(text: str, *, b64: bool = True) -> list[str]:
    """Distinct decoded forms of `text` (the raw first), bounded in count and size."""
    text = text[:_MAX_LEN]
    if "%" not in text and "&" not in text and "0x" not in text and "0X" not in text and text.isascii():
        seen = [text]  # nothing any decoder below would touch (most paths): no cache, no loops
    elif len(text) <= 2_048:
        seen = list(_decoded(text))
    else:
        seen = list(_decoded.__wrapped__(text))

    def add(s: str) -> None:
        if s and s not in seen:
            seen.append(s)

    if b64:
        decoded = _maybe_base64(text)
        if decoded is not None:
            add(decoded)
        elif "/" in text and len(text) < 4096:
            # a base64 segment inside a path or URL (`/static/Li4vLi4v...`)
            for seg in text.split("/"):
                if len(seg) >= 16:
                    decoded = _maybe_base64(seg)
                    if decoded is not None:
                        add(decoded)
    return seen


_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_WORD = frozenset(_WORD_CHARS)  # RE2's \\w (ASCII)


def head(text: str, n: int) -> str:
    """At most the first `n` characters, cut where no word is split (after a non-word character,
    or before the word run that straddles `n`): a window must not create a word boundary the
    whole text lacks, so every `\\bword\\b` match in it is also one in the text (what lets the
    detectors' gates be tested on the whole text)."""
    if len(text) <= n:
        return text
    if text[n - 1] not in _WORD or text[n] not in _WORD:
        return text[:n]
    return text[:n].rstrip(_WORD_CHARS)  # (C speed on a hostile run of word characters)


def tail(text: str, n: int) -> str:
    """At most the last `n` characters, cut where no word is split (see `head`)."""
    if len(text) <= n:
        return text
    j = len(text) - n
    if text[j - 1] not in _WORD or text[j] not in _WORD:
        return text[j:]
    return text[j:].lstrip(_WORD_CHARS)


def url_pieces(url: str) -> list[tuple[str, str]]:
    """Split a URL into ("path", p), ("param", value) and ("param_name", name) pieces, still encoded.

    Done by hand (not parse_qsl) so nothing is decoded or dropped before the detectors see it,
    and so a malformed URL still yields its parts.
    """
    s = head(url, _MAX_LEN)
    frag_at = s.find("#")
    if frag_at >= 0:
        s, fragment = s[:frag_at], s[frag_at + 1 :]
    else:
        fragment = ""
    q_at = s.find("?")
    base, query = (s[:q_at], s[q_at + 1 :]) if q_at >= 0 else (s, "")
    scheme_at = base.find("://")
    if scheme_at >= 0:
        rest = base[scheme_at + 3 :]
        slash = rest.find("/")
        path = rest[slash:] if slash >= 0 else ""
    else:
        path = base
    out: list[tuple[str, str]] = []
    if path:
        out.append(("path", path))
    for part in query.split("&") if query else ():
        name, eq, value = part.partition("=")
        if eq:
            out.append(("param", value))
        elif name:
            out.append(("param", name))
    if fragment:
        out.append(("param", fragment))
    return out
