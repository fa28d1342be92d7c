"""JSON-RPC 2.0 framing for the relay: parse one line, classify it, build the errors the proxy sends.

Parsing is only for inspection; relayed messages keep their original bytes. What a firewall
cannot judge unambiguously is rejected: batches, ids that are neither integers nor strings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

import orjson

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
# Server-defined range: the upstream is gone / the proxy refused to relay.
UPSTREAM_GONE = -32000
REQUEST_CANCELLED = -32800

Kind = Literal["request", "notification", "response"]
JsonId = int | str


class InvalidMessage(Exception):
    """A line that is not one acceptable JSON-RPC message; `code` is the error to answer with."""

    def __init__(self, code: int, message: str, msg_id: JsonId | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.msg_id = msg_id


@dataclass(slots=True)
class Message:
    """One parsed JSON-RPC message plus the exact bytes it arrived as."""

    raw: bytes
    obj: dict[str, Any]
    kind: Kind
    id: JsonId | None
    method: str | None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# orjson turns integers beyond 64 bits into floats: 123456789012345678901234567890 would be
# judged, and forwarded, as 1.2345678901234568e+29. A run of 19+ digits sends the message to the
# exact (slower) stdlib parser instead; a false alarm (a long digit run inside a string) only costs time.
# Found by mapping every digit to "0" and everything else to " " (bytes.translate, C speed): the
# regular expression `[0-9]{19}` took ~60 ns a byte, ten times orjson's whole parse of a big result.
_DIGIT_MAP = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_RUN = b"0" * 19


def has_long_digit_run(raw: bytes) -> bool:
    """Whether raw holds 19 or more decimal digits in a row (anywhere, strings included)."""
    if not isinstance(raw, (bytes, bytearray)):
        raw = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else bytes(raw)
    return len(raw) >= 19 and _LONG_RUN in raw.translate(_DIGIT_MAP)


def loads(raw: bytes) -> Any:
    """orjson (fast) unless the message may hold an integer orjson cannot keep exact."""
    if not has_long_digit_run(raw):
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass  # the stdlib decides, and reports, below
    return json.loads(raw, parse_constant=_reject_constant)


def dumps(obj: Any) -> bytes:
    """Compact JSON bytes; falls back to the stdlib for what orjson refuses (huge ints, lone surrogates)."""
    try:
        return orjson.dumps(obj)
    except TypeError:
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=True).encode()


class _DuplicateKey(Exception):
    pass


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _DuplicateKey
    return obj


def may_repeat_method(raw: bytes) -> bool:
    """A cheap necessary condition for a message to hold the key "method" twice: the key is spelt
    `"method"` (counted) or with a `\\u` escape. Two substring scans at memchr speed."""
    return raw.count(b'"method"') > 1 or b"\\u" in raw


def has_duplicate_keys(raw: bytes) -> bool:
    """Whether any object in raw repeats a key. Parsers disagree on which copy wins (orjson, Python
    and JavaScript keep the last; others the first or refuse), so a message relayed as it came
    must not have one: what the proxy read would not be what a peer reads. Stdlib-slow: call it
    only when may_repeat_method (or the like) says it could matter."""
    try:
        json.loads(raw, object_pairs_hook=_unique_pairs, parse_constant=_reject_constant)
    except _DuplicateKey:
        return True
    except (ValueError, RecursionError):
        return False  # parse() already accepted it; nothing more to say here
    return False


# Methods whose messages the proxy judges or whose answers it inspects, by their exact name. A
# peer that matches names loosely (trimmed, case-folded) would run `Tools/Call ` as a tools/call
# the proxy never judged: such near-spellings are refused, never relayed.
INSPECTED_METHODS = frozenset({"tools/call", "tools/list", "resources/read", "prompts/get", "initialize",
                               "server/discover", "tasks/result"})
_NOT_NAME = re.compile(r"[^a-z/]+")


def loose_spelling(method: str) -> bool:
    """True when `method` is not an inspected method but reads as one once case, spaces and other
    stray characters are ignored."""
    return method not in INSPECTED_METHODS and _NOT_NAME.sub("", method.lower()) in INSPECTED_METHODS


def _valid_id(value: Any) -> bool:
    # bool is an int subclass in Python; true/false are not JSON-RPC ids.
    return (isinstance(value, int) and not isinstance(value, bool)) or isinstance(value, str)


def parse(raw: bytes) -> Message:
    """Parse and classify one line; raises InvalidMessage with the error code to answer."""
    try:
        obj = loads(raw)
    except (ValueError, RecursionError, UnicodeDecodeError) as exc:
        raise InvalidMessage(PARSE_ERROR, f"Parse error: {exc}") from None
    if isinstance(obj, list):
        raise InvalidMessage(INVALID_REQUEST, "Invalid Request: batches are not supported")
    if not isinstance(obj, dict):
        raise InvalidMessage(INVALID_REQUEST, "Invalid Request: a message must be a JSON object")
    if obj.get("jsonrpc") != "2.0":
        raise InvalidMessage(INVALID_REQUEST, 'Invalid Request: "jsonrpc" must be "2.0"', _safe_id(obj))
    has_id = "id" in obj
    msg_id = obj.get("id")
    if has_id and not _valid_id(msg_id):
        # A null or fractional id cannot be matched reliably across the relay (the SDK turns 1.5
        # into a notification): refuse it rather than guess.
        raise InvalidMessage(INVALID_REQUEST, "Invalid Request: id must be an integer or a string")
    method = obj.get("method")
    if method is not None:
        if not isinstance(method, str):
            raise InvalidMessage(INVALID_REQUEST, "Invalid Request: method must be a string", msg_id)
        params = obj.get("params")
        if params is not None and not isinstance(params, (dict, list)):
            raise InvalidMessage(INVALID_REQUEST, "Invalid Request: params must be an object", msg_id)
        return Message(raw, obj, "request" if has_id else "notification", msg_id, method)
    if has_id and ("result" in obj or "error" in obj):
        return Message(raw, obj, "response", msg_id, None)
    raise InvalidMessage(INVALID_REQUEST, "Invalid Request: neither a request nor a response", msg_id)


_ID = rb'(-?[0-9]{1,18}|"(?:[^"\\]|\\.){0,256}")'
# The top-level id of a message too large to parse, from its first or last bytes: written first
# (`{"jsonrpc":"2.0","id":7,...`, Python SDKs) or last (`...,"jsonrpc":"2.0","id":7}`, the
# TypeScript SDK). A nested "id" cannot match the tail form: the `}` right before the end of the
# line closes the outermost object.
_HEAD_ID = re.compile(rb'\A\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*' + _ID)
_TAIL_ID = re.compile(rb'"id"\s*:\s*' + _ID + rb'\s*(?:,\s*"jsonrpc"\s*:\s*"2\.0"\s*)?\}\s*\Z')


def id_hint(head: bytes, tail: bytes) -> JsonId | None:
    """The id of an unparsable (oversized) message from its first and last bytes, or None.

    A hint, not a parse: the caller must only use it for an id it is actually waiting on.
    """
    for pattern, data in ((_HEAD_ID, head), (_TAIL_ID, tail)):
        m = pattern.search(data)
        if m is not None:
            try:
                value = json.loads(m.group(1))
            except ValueError:
                continue
            if _valid_id(value):
                return value  # type: ignore[no-any-return]
    return None


def _safe_id(obj: dict[str, Any]) -> JsonId | None:
    value = obj.get("id")
    return value if _valid_id(value) else None


def error_response(msg_id: JsonId | None, code: int, message: str, data: Any = None) -> bytes:
    error: dict[str, Any] = {"code": code, "message": message}
    if data is not None:
        error["data"] = data
    return dumps({"jsonrpc": "2.0", "id": msg_id, "error": error})


def result_response(msg_id: JsonId, result: dict[str, Any]) -> bytes:
    return dumps({"jsonrpc": "2.0", "id": msg_id, "result": result})
