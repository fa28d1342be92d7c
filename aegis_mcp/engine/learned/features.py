"""Features of the learned injection scorer: a text prepared, cut into segments, and read as word uni/bi-grams.

Training (bench/dev/learned_train.py) and inference (`scorer`) share every step here, so the model
sees at run time exactly the features it was trained on. A text is lower-cased, its e-mail addresses
and URLs folded into one token each (a destination's shape matters, its name does not) and its digit
as "0" (numbers are data, not vocabulary); words are what punctuation separates; then cut into segments (`segments`: a line, a
quoted value, about SEG characters), because a planted instruction is a few words in a long carrier.
Features are strings looked up in a shipped weight table: no hash, salted or not, is involved.
"""

from __future__ import annotations

import re

SEG = 320  # characters a segment grows to: about one planted instruction with a little of its setting
HEAD, TAIL = 12288, 4096  # a longer text is read at its head and its tail (an injection likes either end)

# a destination folded to its kind (stops at quotes and brackets, so a JSON joint after it survives);
# each pattern runs only when its anchor ("@", "://", "www.") is in the text: most texts have none
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)[^\s\"'<>()\[\]{}]+")
# one character for one (so segment spans, found on the prepared text, index this reading too):
# punctuation to a space, each digit to "0" (numbers are data, not vocabulary: "2026" reads "0000");
# words are then what str.split finds (a regex findall cost 3x as much)
_PUNCT_CHARS = ("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\r\n\x0b\x0c"
                "\u00a0\u00ab\u00bb\u00bf\u00a1\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022"
                "\u3001\u3002\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f\u300c\u300d\u3010\u3011")
_WORDS = {ord(c): " " for c in _PUNCT_CHARS} | {ord(d): "0" for d in "123456789"}
_NON_ASCII_PUNCT = tuple(c for c in _PUNCT_CHARS if ord(c) >= 128)
# the same for ASCII text, as a bytes table (bytes.translate is several times faster than str.translate)
_WORDS_B = bytes(_WORDS.get(i, chr(i)).encode("latin-1")[0] if i < 128 else i for i in range(256))
# where a text's pieces meet: line breaks (real or JSON-escaped) and the joints between quoted values
_JOINT = re.compile(r"\n|\\n|[\"']\s*[,:]\s*[\"'{\[]|[\"']\s*[}\]]+\s*,?\s*[{\[]?\s*[\"']?")
_SENT = re.compile(r"[.!?]\s+")


def prepare(text: str) -> str:
    """The text as the model reads it: head and tail of a long one, lower-cased, destinations folded."""
    if len(text) > HEAD + TAIL:
        text = text[:HEAD] + "\n" + text[-TAIL:]
    low = text.lower()
    if "://" in low or "www." in low:
        low = _URL.sub(" zzurl ", low)
    if "@" in low:
        low = _EMAIL.sub(" zzemail ", low)
    return low


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of a prepared text's segments: its pieces (lines, quoted values) merged up to
    SEG characters; a piece longer than 2*SEG is cut at sentence ends (else hard) into SEG-sized parts."""
    n = len(text)
    if n <= SEG:
        return [(0, n)] if n else []
    cuts = [0]
    for m in _JOINT.finditer(text):
        cuts.append(m.end())
    cuts.append(n)
    out: list[tuple[int, int]] = []
    start = 0  # the open segment
    for a, b in zip(cuts, cuts[1:]):
        if b - a > 2 * SEG:
            if a > start:
                out.append((start, a))
            p = a
            while b - p > 2 * SEG:
                m = _SENT.search(text, p + SEG // 2, p + 2 * SEG)
                q = m.end() if m is not None else p + SEG
                out.append((p, q))
                p = q
            start = p
            continue
        if b - start > SEG and a > start:
            out.append((start, a))
            start = a
    if n > start:
        out.append((start, n))
    return [(a, b) for a, b in out if b > a]


def words(text: str) -> str:
    """A prepared text with punctuation blanked and digits as "0" (same length: `segments` spans index it too)."""
    if text.isascii():
        return text.encode("ascii").translate(_WORDS_B).decode("ascii")
    # UTF-8 bytes: the table maps ASCII to ASCII and leaves every byte >= 0x80 alone, so characters
    # keep their count; the few non-ASCII punctuation marks are blanked one by one (str.replace, C)
    out = text.encode("utf-8", "surrogatepass").translate(_WORDS_B).decode("utf-8", "surrogatepass")
    for c in _NON_ASCII_PUNCT:
        if c in out:
            out = out.replace(c, " ")
    return out


def tokens(segment: str) -> list[str]:
    """Word tokens of a prepared segment (or of the same span of `words(text)`, which is cheaper)."""
    return words(segment).split()


def features(segment: str) -> set[str]:
    """The features present in a prepared segment (binary: presence, not counts): words and word pairs."""
    toks = tokens(segment)
    out = set(toks)
    out.update(a + " " + b for a, b in zip(toks, toks[1:]))
    return out
