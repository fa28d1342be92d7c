"""Text obfuscations shared by the argument-injection attacks and the injected tool results."""

from __future__ import annotations

import base64
import codecs

from _util import RNG

_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})
_HOMO = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і", "y": "у"})  # Cyrillic look-alikes
_ZW = ["\u200b", "\u200c", "\u200d", "\u2060"]


def leet(s: str) -> str:
    return s.lower().translate(_LEET)


def homoglyph(s: str) -> str:
    return s.translate(_HOMO)


def zero_width(s: str) -> str:
    out = []
    for ch in s:
        out.append(ch)
        if ch.isalpha() and RNG.random() < 0.45:
            out.append(RNG.choice(_ZW))
    return "".join(out)


def tag_chars(s: str) -> str:
    """Unicode tag characters (U+E0000 block): invisible in most renderers, still read by models."""
    return "".join(chr(0xE0000 + ord(c)) if 0x20 <= ord(c) < 0x7F else c for c in s)


def b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def rot13(s: str) -> str:
    return codecs.encode(s, "rot13")


def split_words(s: str) -> str:
    """Break long words with hyphens/spaces, the way people dodge keyword filters."""
    out = []
    for w in s.split(" "):
        if len(w) > 5 and RNG.random() < 0.6:
            k = len(w) // 2
            w = w[:k] + RNG.choice(["-", " ", ".", "_"]) + w[k:]
        out.append(w)
    return " ".join(out)


def spaced(s: str) -> str:
    return " ".join(s)


def reversed_text(s: str) -> str:
    return s[::-1]
