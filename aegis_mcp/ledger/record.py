"""Ledger records as bytes: canonical (RFC 8785-equal) JSON, the RFC 6962 leaf hash, and the chain link."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from aegis_mcp.errors import LedgerError

# RFC 8785 requires I-JSON numbers: an integer outside +-(2**53-1) has no exact IEEE-754 form, so
# two canonicalisers could disagree about its bytes. We refuse it rather than store something
# another verifier would serialise differently.
MAX_SAFE_INT = 2**53 - 1
# The `prev` of the first record: there is no previous leaf.
GENESIS_PREV = "0" * 64
LEAF_PREFIX = b"\x00"  # RFC 6962 domain separation: leaves 0x00, interior nodes 0x01
RESERVED_KEYS = frozenset({"seq", "prev"})


class RecordError(LedgerError):
    """A record that cannot be canonicalised (a float, a huge int, a non-str key, an odd type)."""


def _check(value: Any) -> bool:
    """Refuse anything RFC 8785 and orjson might serialise differently; True if a key is non-ASCII.

    Iterative with exact-type fast paths: this runs for every record on the append path. A dict's
    plain values (nearly all of a record: strings, small ints, None, empty lists) are checked in
    the dict's own loop; only the rest goes through the stack (half the work per record).
    """
    odd = False
    stack = [value]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        v = pop()
        t = type(v)
        if t is dict:
            try:
                keys = "".join(v)  # C-speed: TypeError for a non-str key
            except TypeError:
                raise RecordError("record keys must be strings") from None
            if not keys.isascii():
                odd = True
            for item in v.values():
                ti = type(item)
                if ti is str or item is None or ti is bool or (ti is list and not item):
                    continue
                if ti is int and -MAX_SAFE_INT <= item <= MAX_SAFE_INT:
                    continue
                push(item)  # containers, out-of-range ints, odd types: judged below
            continue
        if t is str or v is None or t is bool:
            continue
        if t is int:
            if not -MAX_SAFE_INT <= v <= MAX_SAFE_INT:
                raise RecordError(f"integer {v} is outside the I-JSON range (+-2**53-1); use a string or a coarser unit")
            continue
        if t is list or t is tuple:
            extend(v)
            continue
        # Subclasses (str/int enums, dict subclasses) are what they claim; floats never are allowed.
        if isinstance(v, float):
            raise RecordError("records are float-free: use an int (e.g. microseconds, basis points) or a string")
        if isinstance(v, bool) or isinstance(v, str):
            continue
        if isinstance(v, int):
            push(int(v))
            continue
        if isinstance(v, dict):
            push(dict(v))
            continue
        if isinstance(v, (list, tuple)):
            extend(v)
            continue
        raise RecordError(f"records hold only dict, list, str, int, bool and None, not {t.__name__}")
    return odd


def _utf16_sorted(value: Any) -> Any:
    """Rebuild dicts with keys in UTF-16 code-unit order (RFC 8785 section 3.2.3), for non-ASCII keys."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-16-be"))
        return {k: _utf16_sorted(value[k]) for k in keys}
    if isinstance(value, (list, tuple)):
        return [_utf16_sorted(v) for v in value]
    return value


def canonical_bytes(record: dict[str, Any]) -> bytes:
    """The exact bytes stored and hashed: RFC 8785 canonical JSON of a float-free record.

    orjson with sorted keys emits minimal escapes, raw UTF-8, and integer digits exactly as
    RFC 8785 does for I-JSON integers; it sorts keys by code point, which equals RFC 8785's
    UTF-16 order for ASCII keys, so only records with non-ASCII keys take the slow path.
    """
    if not isinstance(record, dict):
        raise RecordError("a record is a JSON object (dict)")
    return _dumps(record, _check(record))


def _dumps(record: dict[str, Any], non_ascii_keys: bool) -> bytes:
    try:
        if non_ascii_keys:
            return orjson.dumps(_utf16_sorted(record))
        return orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError as exc:  # e.g. a lone surrogate in a string
        raise RecordError(f"record cannot be encoded as JSON: {exc}") from exc


# The canonical bytes of a record check_caller_record accepted (its answer: non-ASCII keys), for
# the store's append loop, which inlines seal() (it runs twice per proxied call).
dumps_checked = _dumps


def leaf_hash(body: bytes) -> bytes:
    """RFC 6962 leaf hash: SHA-256(0x00 || bytes)."""
    return hashlib.sha256(LEAF_PREFIX + body).digest()


def seal(record: dict[str, Any], seq: int, prev_hex: str, *, checked: bool | None = None,
         ts_us: int | None = None) -> tuple[bytes, bytes]:
    """Add the chain link (`seq`, `prev`) to a caller's record; return (body, leaf hash).

    `checked` is check_caller_record's answer when the record was validated already; `ts_us`,
    the time given to a record without one (in the same copy: this is the store's hot path).
    """
    linked = dict(record)
    if ts_us is not None and "ts_us" not in linked:
        linked["ts_us"] = ts_us
    linked["seq"] = seq
    linked["prev"] = prev_hex
    body = canonical_bytes(linked) if checked is None else _dumps(linked, checked)
    return body, leaf_hash(body)


def check_caller_record(record: dict[str, Any]) -> bool:
    """Validate a caller's record (so one bad record never fails a batch); True if a key is non-ASCII."""
    if not isinstance(record, dict):
        raise RecordError("a record is a JSON object (dict)")
    if "seq" in record or "prev" in record:  # (two lookups, no set built per record)
        raise RecordError(f"the store sets {sorted(RESERVED_KEYS.intersection(record))}; do not pass them")
    if not isinstance(record.get("kind"), str):
        raise RecordError('every record needs a string "kind"')
    return _check(record)


def parse_body(body: bytes) -> dict[str, Any]:
    """Parse stored bytes back into a dict (for readers; the verifier hashes the bytes themselves)."""
    value = orjson.loads(body)
    if not isinstance(value, dict):
        raise ValueError("record body is not a JSON object")
    return value
