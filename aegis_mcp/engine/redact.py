"""Redaction: secrets and validated PII in a text replaced by `[REDACTED:<kind>]`.

Used by the engine to clean tool results and by the proxy for the ledger's previews, so a
raw credential never reaches the log. It uses the same finders as the `secrets` and `pii`
detectors (one RE2 pass, then validation), errs on the side of removing: generic
credentials and random-looking tokens are redacted too, and so are e-mail addresses and
phone numbers unless `contacts=False`. Only the sensitive value is replaced (the password
of `postgres://user:pw@host`, the value of `api_key = ...`), so the text around it survives.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from typing import NamedTuple
from urllib.parse import unquote

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.secrets_scan import MIN_LEN, prefilter_hits, scan_text

# A JSON field named like a credential ("password": "...", "api_key": "...") is removed whatever
# its value looks like: a weak password is still a password, and the ledger must not keep it.
_CRED_FIELD_RE = (
    r'(?i)"[A-Za-z0-9_.\-]{0,30}(?:passw(?:or)?d|passwd|pwd|passphrase|secret|token|api[_\-]?key|apikey|'
    r'access[_\-]?key|private[_\-]?key|client[_\-]?secret|authorization|credentials?|cookie|session[_\-]?id)"'
    r'\s*:\s*"((?:[^"\\]|\\.)+)"'
)
_CRED_FIELD = regex.compile(_CRED_FIELD_RE)
_BLOB = regex.compile(r"(?:^|[^A-Za-z0-9+/=_\-])([A-Za-z0-9+/_\-]{24,}={0,2})")
# What the credential-field and encoded-blob passes need (see redact's fast path): a credential
# field, or a run of 24 blob characters (every _BLOB match has one; the class has both cases).
_MAYBE = regex.compile_test(_CRED_FIELD_RE + r"|[A-Za-z0-9+/_\-]{24}")
# redact()'s fast path (bench/dev/preview_equiv.py turns it off to prove it changes nothing).
FAST_PATH = True

# Past this size a text is redacted in overlapping windows, so a hostile megabyte cannot make
# one pathological scan; windows overlap enough to hold any single secret we recognise.
_WINDOW = 256 * 1024
_OVERLAP = 16 * 1024


class RedactResult(NamedTuple):
    text: str
    kinds: tuple[str, ...]  # kinds removed, in order of first appearance


def _spans(text: str, contacts: bool, hits: list[str] | None = None) -> list[tuple[int, int, str]]:
    """`hits`: prefilter_hits(text), when the caller has it (only for a text of one window)."""
    spans: list[tuple[int, int, str]] = []
    step = _WINDOW - _OVERLAP
    starts = range(0, max(1, len(text)), step) if len(text) > _WINDOW else range(1)
    for base in starts:
        chunk = text[base:base + _WINDOW] if len(text) > _WINDOW else text
        for f in scan_text(chunk, exhaustive=True, hits=hits if chunk is text else None):
            if f.family == "pii" and f.confidence == "weak" and not contacts:
                continue
            if f.family == "pii" and f.kind in ("date_of_birth",) and f.confidence != "strong":
                continue
            spans.append((base + f.start, base + f.end, f.kind))
        if '"' in chunk:
            for m in _CRED_FIELD.finditer(chunk):
                start, end = m.span(1)
                spans.append((base + start, base + end, "credential_field"))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if merged and start < merged[-1][1]:
            ps, pe, pk = merged[-1]
            merged[-1] = (ps, max(pe, end), pk)
            continue
        merged.append((start, end, kind))
    return merged


def _normalized(text: str) -> str:
    """The text as a reader sees it: format characters (zero-width, tags) dropped, NFKC
    (full-width digits), percent-escapes undone — the forms an evasion hides a key in."""
    out = "".join(ch for ch in text if unicodedata.category(ch) != "Cf") if not text.isascii() else text
    out = unicodedata.normalize("NFKC", out)
    if "%" in out:
        out = unquote(out)
    return out


def _encoded_blobs(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """base64 / hex runs whose decoded bytes hold a secret: the blob itself must go."""
    out: list[tuple[int, int, str]] = []
    for n, m in enumerate(_BLOB.finditer(text)):
        if n >= 500:
            break
        start, end = m.span(1)
        if end - start > 16384 or any(s <= start < e or s < end <= e for s, e, _ in spans):
            continue  # an encoded credential is short; megabytes of base64 are a file, not a key
        blob = text[start:end]
        raw: bytes | None = None
        try:
            if len(blob) % 2 == 0 and all(c in "0123456789abcdefABCDEF" for c in blob):
                raw = bytes.fromhex(blob)
            else:
                raw = base64.b64decode(blob.replace("-", "+").replace("_", "/") + "=" * (-len(blob) % 4))
        except (ValueError, binascii.Error):
            continue
        decoded = raw.decode("utf-8", "ignore")
        found = [f for f in scan_text(decoded, pii=False, exhaustive=True) if f.confidence in ("high", "generic")]
        if found:
            out.append((start, end, f"encoded_{found[0].kind}"))
    return out


def redact(text: str, *, contacts: bool = True) -> RedactResult:
    """`text` with every recognised secret and PII value replaced by `[REDACTED:<kind>]`.

    If the text only reveals a value once normalised (a key split by zero-width characters,
    full-width digits, percent-escapes), the normalised text is what is returned, redacted:
    the exact bytes are not worth keeping a secret for."""
    if not isinstance(text, str):
        raise TypeError("redact() takes a string")
    hits: list[str] | None = None
    if FAST_PATH and len(text) <= _WINDOW and text.isascii() and "%" not in text:
        # Most texts (ledger previews above all) hold nothing to redact, and the secrets pre-filter
        # says so for the finders alone; its answer is reused below. Then a necessary condition of
        # every other span source: _MAYBE for the credential-field and blob passes; the normalised
        # form differs only for non-ASCII or percent-escaped text. A new span source added here
        # must add its own necessary condition to this test.
        hits = prefilter_hits(text) if len(text) >= MIN_LEN else []
        if not hits and not _MAYBE.test(text):
            return RedactResult(text, ())
    spans = _spans(text, contacts, hits)
    norm = _normalized(text)
    if norm != text:
        norm_spans = _spans(norm, contacts)
        if len(norm_spans) > len(spans):
            text, spans = norm, norm_spans
    if len(text) >= 24:
        spans = sorted(spans + _encoded_blobs(text, spans))
    if not spans:
        return RedactResult(text, ())
    out: list[str] = []
    kinds: list[str] = []
    pos = 0
    for start, end, kind in spans:
        out.append(text[pos:start])
        out.append(f"[REDACTED:{kind}]")
        pos = end
        if kind not in kinds:
            kinds.append(kind)
    out.append(text[pos:])
    return RedactResult("".join(out), tuple(kinds))
