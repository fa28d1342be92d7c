"""Features of the learned injection scorer: a text prepared, cut into segments, and read as word uni/bi-grams.

Training (bench/dev/learned_train.py) and inference (`scorer`) share every step here, so the model
sees at run time exactly the features it was trained on. A text is lower-cased, its e-mail addresses
and URLs folded into one token each (a destination's shape matters, its name does not) and its digit
runs into "0" (numbers are data, not vocabulary); then cut into segments (`segments`: a line, a
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
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+|\d+")
# where a text's pieces meet: line breaks (real or JSON-escaped) and the joints between quoted values
_JOINT = re.compile(r"\n|\\n|[\"']\s*[,:]\s*[\"'{\[]|[\"']\s*[}\]]+\s*,?\s*[{\[]?\s*[\"']?")
_SENT = re.compile(r"[.!?]\s+")


def prepare(text: str) -> str:
    """The text as the model reads it: head and tail of a long one, lower-cased, destinations and numbers folded."""
    if len(text) > HEAD + TAIL:
        text = text[:HEAD] + "\n" + text[-TAIL:]
    low = text.lower()
    if "://" in low or "www." in low:
        low = _URL.sub(" zzurl ", low)
    if "@" in low:
        low = _EMAIL.sub(" zzemail ", low)
    return _DIGITS.sub("0", low)


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of a prepared text's segments: its pieces (lines, quoted values) merged up to
    SEG characters; a piece longer than 2*SEG is cut at sentence ends (else hard) into SEG-sized parts."""
    n = len(text)
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


def tokens(segment: str) -> list[str]:
    """Word tokens of a prepared segment."""
    return _WORD.findall(segment)


def features(segment: str) -> set[str]:
    """The features present in a prepared segment (binary: presence, not counts): words and word pairs."""
    toks = tokens(segment)
    out = set(toks)
    out.update(a + " " + b for a, b in zip(toks, toks[1:]))
    return out
