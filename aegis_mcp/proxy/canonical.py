"""Canonical JSON hashing: what approvals and pins are bound to (sorted keys, compact, UTF-8)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import orjson


def canonical_bytes(value: Any) -> bytes:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # integers past 64 bits, lone surrogates: the stdlib can still write them
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def canonical_sha256(value: Any) -> str:
    """SHA-256 hex of the canonical JSON of a value."""
    return hashlib.sha256(canonical_bytes(value)).hexdigest()
