"""paths, continued: a base64 data URI that is an inert picture or text, not a file to open.

Split out of paths.py (size); the judgement is unchanged.
"""

from __future__ import annotations

import base64
import binascii

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import R_PATH, Role

# An RFC 2397 data URI of an image or plain text (`data:image/png;base64,iVBOR…`): how JSON APIs
# carry avatars and attachments. It is data unless it sits where a file is opened (PHP's data
# wrapper turns an `include`d data URI into code) or its payload is code. `data://` (with the
# slashes) is PHP's own spelling, never a browser's, so it stays a wrapper everywhere.
_INERT_DATA_URI = regex.compile(r"(?i)^\s*data:(?:image/[a-z0-9.+-]+|text/plain)(?:;[a-z0-9_.=-]+)*;base64,")
_CODE_IN_PAYLOAD = (b"<?php", b"<?=", b"<script", b"<%=", b"<?PHP")
_INCLUDE_NAMES = frozenset(
    "include require file filename filepath path page template view module load dir folder doc document".split()
)


def is_inert_data_uri(raw: str, role: Role, name: str) -> bool:
    """An image / text/plain base64 data URI in a non-path argument whose payload is not code."""
    if role is R_PATH or not raw.lstrip()[:5].lower() == "data:" or raw.lstrip()[5:7] == "//":
        return False
    m = _INERT_DATA_URI.search(raw)
    if m is None or (name or "").lower() in _INCLUDE_NAMES:
        return False
    body = raw[m.end() : m.end() + 8192]
    body = body[: len(body) - len(body) % 4]
    try:
        payload = base64.b64decode(body, validate=False)
    except (binascii.Error, ValueError):
        return False
    return not any(c in payload for c in _CODE_IN_PAYLOAD)
