"""Stage 1 of the engine: every string value and object key of a call, with its argument role.

FIRST CUT (scaffold): recursive extraction with JSON Pointers and a simple role guess.
The engine-core work replaces this with caps, normalisation and decoded forms; the
`extract(call) -> ScanContext` signature is the contract the detectors rely on.
"""

from __future__ import annotations

import re
from typing import Any

from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext
from aegis_mcp.engine.model import ToolCall

_WORD_SPLIT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def tool_words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD_SPLIT.findall(name))


def _pointer_escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def guess_role(name: str, value: str, words: frozenset[str]) -> Role:
    n = name.lower()
    if n in {"query", "sql", "statement"} and (words & {"sql", "query", "db", "database", "execute"}):
        return Role.SQL
    if n in {"command", "cmd", "script", "shell"}:
        return Role.SHELL
    if n in {"path", "file", "filename", "filepath", "file_path", "source", "destination", "dir", "directory"}:
        return Role.PATH
    if n in {"url", "uri", "endpoint", "link", "href"}:
        return Role.URL
    if n in {"to", "cc", "bcc", "recipient", "recipients", "email"}:
        return Role.EMAIL
    if n in {"content", "body", "data", "code", "file_content", "contents"}:
        return Role.CONTENT
    if len(value) > 40 or " " in value:
        return Role.TEXT
    return Role.IDENT


def extract(call: ToolCall, mode: str = "call") -> ScanContext:
    words = tool_words(call.tool_name)
    fragments: list[Fragment] = []

    def walk(node: Any, pointer: str, name: str) -> None:
        if isinstance(node, str):
            fragments.append(Fragment(pointer, node, name, guess_role(name, node, words), forms=(node,)))
        elif isinstance(node, dict):
            for key, child in node.items():
                key_s = str(key)
                child_ptr = f"{pointer}/{_pointer_escape(key_s)}"
                fragments.append(Fragment(child_ptr, key_s, key_s.lower(), Role.KEY, is_key=True, forms=(key_s,)))
                walk(child, child_ptr, key_s.lower())
        elif isinstance(node, list):
            for i, child in enumerate(node):
                walk(child, f"{pointer}/{i}", name)

    walk(call.arguments, "", "")
    total = sum(len(f.raw) for f in fragments)
    return ScanContext(
        tool_name=call.tool_name,
        fragments=tuple(fragments),
        mode="result" if mode == "result" else "call",
        tool_words=words,
        schema=call.tool_schema,
        annotations=call.annotations,
        total_chars=total,
    )
