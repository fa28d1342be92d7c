"""Engine warm-up: judge generic sample traffic once so first real calls find RE2's DFA states built.

RE2 builds each compiled pattern's DFA lazily, state by state, as texts walk through it; the
first calls a fresh engine sees pay for that (measured in bench/dev/warm_ab.py). `warm_up_items`
turns the package's own sample text (warmup_text.py) into tool calls and tool results of every
kind the engine knows; `Engine.warm_up()` judges them and throws the decisions away. Pure: no I/O,
and the engine is deterministic, so no later decision can depend on it (tests/engine/test_warmup.py).
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from aegis_mcp.engine import warmup_text as T
from aegis_mcp.engine.model import ToolCall

# (tool call, result text or None): None means "judge the call", a string "judge it as this call's result"
Item = tuple[ToolCall, "str | None"]


def _doc(i: int, n: int, pool: tuple[str, ...]) -> str:
    """n paragraphs of `pool` starting at i (a longer document, like a fetched page or a file)."""
    return "\n\n".join(pool[(i + k) % len(pool)] for k in range(n))


def warm_up_items() -> Iterator[Item]:
    """Tool calls and results built from the sample text, varied in tool names, argument names
    and shapes (so argument roles, gates and detectors all see traffic of their kind)."""
    prose = T.PROSE_EN + T.PROSE_OTHER
    for i, cmd in enumerate(T.SHELL):
        yield ToolCall(("run_command", "shell_exec", "execute_command", "terminal")[i % 4],
                       {"command": cmd} if i % 3 else {"command": cmd, "cwd": T.PATHS[i % len(T.PATHS)], "timeout": 30}), None
    for i, q in enumerate(T.SQL):
        yield ToolCall(("execute_sql", "query_database", "run_query", "sqlite_read_query")[i % 4],
                       {("query", "sql", "statement", "query")[i % 4]: q}), None
    for i, p in enumerate(T.PATHS):
        if i % 3 == 0:
            yield ToolCall("write_file", {"path": p, "content": T.CODE[i % len(T.CODE)]}), None
        else:
            yield ToolCall(("read_file", "list_directory", "get_file_info")[i % 3], {"path": p}), None
    for i, u in enumerate(T.URLS):
        if i % 2:
            yield ToolCall("http_request", {"url": u, "method": ("GET", "POST")[i % 4 == 1],
                                            "headers": {"Accept": "application/json"},
                                            "body": json.dumps({"name": T.NAMES[i % len(T.NAMES)], "count": i})}), None
        else:
            yield ToolCall(("fetch", "browse_page", "web_fetch")[i % 3], {"url": u}), None
    for i, text in enumerate(prose):
        name = T.NAMES[i % len(T.NAMES)]
        yield ToolCall("send_email", {"to": T.EMAILS[i % len(T.EMAILS)], "subject": text[:40],
                                      "body": text}), None
        yield ToolCall(("post_message", "create_note", "translate_text", "search_web")[i % 4],
                       {("text", "content", "text", "query")[i % 4]: text, "channel": "general",
                        "tags": ["team", name.lower()]}), None
        yield ToolCall("get_weather", {"city": name, "units": "metric"}), None
        yield ToolCall("book_flight", {"from": name, "to": T.NAMES[(i + 3) % len(T.NAMES)],
                                       "date": f"2025-0{1 + i % 9}-1{i % 10}", "passengers": 1 + i % 4}), None
        yield ToolCall("create_event", {"title": text[:30], "start": "2025-06-01T09:00:00Z",
                                        "attendees": list(T.EMAILS[: 1 + i % 3]), "details": {"note": text[:120]}}), None
    for i, code in enumerate(T.CODE):
        yield ToolCall("run_python", {"code": code}), None
        yield ToolCall("create_gist", {"files": {T.PATHS[i % len(T.PATHS)]: {"content": code}}, "public": False}), None
    for i, h in enumerate(T.HOSTILE):
        yield ToolCall(("execute_sql", "read_file", "run_command", "send_message")[i % 4],
                       {("query", "path", "command", "text")[i % 4]: h}), None
        yield ToolCall("post_message", {"text": f"{T.PROSE_EN[i % len(T.PROSE_EN)]} {h}"}), None
    for i, text in enumerate(T.ADDRESSED):
        yield ToolCall(("post_message", "send_email", "create_note")[i % 3],
                       {("text", "body", "content")[i % 3]: text}), None
    for i, rec in enumerate(T.RECORDS):
        yield ToolCall(("write_file", "send_email", "post_message")[i % 3],
                       {("content", "body", "text")[i % 3]: rec, "path": T.PATHS[i % len(T.PATHS)]}), None
    # Tool results: short answers, documents of a few KB, listings, code, JSON.
    for i in range(len(prose)):
        yield ToolCall("fetch", {"url": T.URLS[i % len(T.URLS)]}), prose[i]
        yield ToolCall("read_file", {"path": T.PATHS[i % len(T.PATHS)]}), _doc(i, 4 + i % 5, prose)
    for i, code in enumerate(T.CODE):
        yield ToolCall("read_file", {"path": T.PATHS[i % len(T.PATHS)]}), code
    listing = "\n".join(f"-rw-r--r-- 1 app app {1000 + 37 * i} May {1 + i % 28} 12:0{i % 10} {p}"
                        for i, p in enumerate(T.PATHS))
    yield ToolCall("run_command", {"command": "ls -la"}), listing
    yield ToolCall("execute_sql", {"query": T.SQL[0]}), json.dumps(
        [{"id": i, "name": n, "email": T.EMAILS[i % len(T.EMAILS)], "city": n} for i, n in enumerate(T.NAMES)])
    for i, h in enumerate(T.HOSTILE):
        yield ToolCall("fetch", {"url": T.URLS[i % len(T.URLS)]}), f"{T.PROSE_EN[i % len(T.PROSE_EN)]}\n\n{h}"
    for i, text in enumerate(T.ADDRESSED):  # instructions inside otherwise ordinary documents
        yield ToolCall("fetch", {"url": T.URLS[i % len(T.URLS)]}), _doc(i, 2, prose) + "\n\n" + text + "\n\n" + _doc(i + 5, 1, prose)
    for i, rec in enumerate(T.RECORDS):
        yield ToolCall("read_file", {"path": T.PATHS[i % len(T.PATHS)]}), rec


def warm_up_items_list() -> list[Item]:
    return list(warm_up_items())


def judge(engine: Any, item: Item) -> None:
    call, result = item
    if result is None:
        engine.check(call)
    else:
        engine.check_result(call, result)
