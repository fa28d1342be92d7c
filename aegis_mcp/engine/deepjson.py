"""JSON parsing that never recurses: orjson first, an iterative parser for documents deeper than it allows.

orjson (and the stdlib) refuse or overflow past ~1,000 levels of nesting; a hostile client
can send 100,000. Such a line must still be *decided* (the extractor's depth cap then holds or
blocks it), not dropped or crashed on, so the fallback builds the document with an explicit
stack. It is only used after orjson has refused a document, so its speed matters little.
"""

from __future__ import annotations

from typing import Any

import orjson

_WS = " \t\n\r"
_NUM_CHARS = frozenset("0123456789+-.eE")
_LITERALS = {"true": True, "false": False, "null": None}


class DeepJSONError(ValueError):
    """Not valid JSON (with the byte offset)."""


def loads(data: bytes | str) -> Any:
    """Parse JSON of any nesting depth; raises ValueError (orjson.JSONDecodeError or DeepJSONError)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if "depth" not in str(exc).lower() and "recursion" not in str(exc).lower():
            raise
    text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
    return _parse_iterative(text)


def _parse_iterative(s: str) -> Any:
    """A small JSON state machine with an explicit stack (no recursion, any depth)."""
    n = len(s)
    i = 0
    stack: list[Any] = []  # open containers
    keys: list[Any] = []  # the pending key of each open dict (None for lists)
    root: Any = None
    # states: "value" (a value must come), "value|]" (value or ]), "key" , "key|}", "colon", "after"
    state = "value"

    def err(msg: str) -> DeepJSONError:
        return DeepJSONError(f"{msg} at character {i}")

    def put(value: Any) -> None:
        nonlocal root
        if not stack:
            root = value
        elif isinstance(stack[-1], list):
            stack[-1].append(value)
        else:
            stack[-1][keys[-1]] = value

    while True:
        while i < n and s[i] in _WS:
            i += 1
        if i >= n:
            break
        c = s[i]
        if state == "after" and not stack:
            raise err("extra data")
        if c == "{" or c == "[":
            if state not in ("value", "value|]"):
                raise err(f"unexpected {c!r}")
            container: Any = {} if c == "{" else []
            put(container)
            stack.append(container)
            keys.append(None)
            state = "key|}" if c == "{" else "value|]"
            i += 1
        elif c == "}" or c == "]":
            want = "key|}" if c == "}" else "value|]"
            if not stack or state not in ("after", want) or isinstance(stack[-1], dict) != (c == "}"):
                raise err(f"unexpected {c!r}")
            stack.pop()
            keys.pop()
            state = "after"
            i += 1
        elif c == ",":
            if state != "after" or not stack:
                raise err("unexpected ','")
            state = "key" if isinstance(stack[-1], dict) else "value"
            i += 1
        elif c == ":":
            if state != "colon":
                raise err("unexpected ':'")
            state = "value"
            i += 1
        elif c == '"':
            j = i + 1
            while True:
                j = s.find('"', j)
                if j < 0:
                    raise err("unterminated string")
                k = j - 1
                slashes = 0
                while s[k] == "\\":
                    slashes += 1
                    k -= 1
                if slashes % 2 == 0:
                    break
                j += 1
            token = s[i : j + 1]
            try:
                value = orjson.loads(token) if ("\\" in token or not token.isprintable()) else token[1:-1]
            except orjson.JSONDecodeError:
                raise err("bad string") from None
            if state in ("key", "key|}"):
                keys[-1] = value
                state = "colon"
            elif state in ("value", "value|]"):
                put(value)
                state = "after"
            else:
                raise err("unexpected string")
            i = j + 1
        else:
            j = i
            while j < n and (s[j] in _NUM_CHARS or s[j].isalpha()):
                j += 1
            token = s[i:j]
            if not token or state not in ("value", "value|]"):
                raise err("unexpected character")
            if token in _LITERALS:
                put(_LITERALS[token])
            else:
                try:
                    put(orjson.loads(token))
                except orjson.JSONDecodeError:
                    raise err(f"bad token {token[:20]!r}") from None
            state = "after"
            i = j
    if stack:
        raise err("unterminated container")
    if state != "after":
        raise err("empty document")
    return root
