"""The proxy's JSON-RPC framing and era rules, as pure functions (no processes)."""

from __future__ import annotations

import pytest

from aegis_mcp.proxy import jsonrpc
from aegis_mcp.proxy.eras import EraTracker, tool_error_result


@pytest.mark.parametrize(
    ("raw", "kind", "msg_id"),
    [
        (b'{"jsonrpc":"2.0","id":1,"method":"ping"}', "request", 1),
        (b'{"jsonrpc":"2.0","id":"a-1","method":"tools/call","params":{}}', "request", "a-1"),
        (b'{"jsonrpc":"2.0","method":"notifications/initialized"}', "notification", None),
        (b'{"jsonrpc":"2.0","id":3,"result":{}}', "response", 3),
        (b'{"jsonrpc":"2.0","id":4,"error":{"code":-1,"message":"x"}}', "response", 4),
        (b'{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"}', "request",
         123456789012345678901234567890),  # valid JSON orjson refuses: the stdlib reads it
    ],
)
def test_valid_messages_are_classified(raw: bytes, kind: str, msg_id: object) -> None:
    msg = jsonrpc.parse(raw)
    assert (msg.kind, msg.id, msg.raw) == (kind, msg_id, raw)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"{", jsonrpc.PARSE_ERROR),
        (b'{"jsonrpc":"2.0","id":1,"method":"ping","x":NaN}', jsonrpc.PARSE_ERROR),
        (b"\xff\xfe", jsonrpc.PARSE_ERROR),
        (b"[]", jsonrpc.INVALID_REQUEST),
        (b'{"jsonrpc":"2.0","id":1.5,"method":"ping"}', jsonrpc.INVALID_REQUEST),
        (b'{"jsonrpc":"2.0","id":false,"method":"ping"}', jsonrpc.INVALID_REQUEST),
        (b'{"jsonrpc":"2.0","id":{},"method":"ping"}', jsonrpc.INVALID_REQUEST),
        (b'{"jsonrpc":"2.0","id":1,"method":7}', jsonrpc.INVALID_REQUEST),
        (b'{"jsonrpc":"2.0","id":1,"method":"x","params":"s"}', jsonrpc.INVALID_REQUEST),
        (b'{"jsonrpc":"2.0","id":1}', jsonrpc.INVALID_REQUEST),
        (b'{"id":1,"method":"ping"}', jsonrpc.INVALID_REQUEST),
    ],
)
def test_unjudgeable_messages_are_refused(raw: bytes, code: int) -> None:
    with pytest.raises(jsonrpc.InvalidMessage) as exc:
        jsonrpc.parse(raw)
    assert exc.value.code == code


def test_era_of_a_request() -> None:
    era = EraTracker()
    assert not era.is_modern({})
    modern = {"_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28"}}
    assert era.is_modern(modern)
    era.note_initialize_result({"protocolVersion": "2025-11-25"})
    assert not era.is_modern({}) and era.is_modern(modern)  # per-request _meta wins
    assert tool_error_result("no", True)["resultType"] == "complete"
    assert "resultType" not in tool_error_result("no", False)


async def _read_all(data: bytes, limit: int) -> list[object]:
    import asyncio

    from aegis_mcp.proxy.channel import MessageTooLarge, _read_line

    reader = asyncio.StreamReader(limit=limit)
    reader.feed_data(data)
    reader.feed_eof()
    out: list[object] = []
    while True:
        try:
            line = await _read_line(reader)
        except MessageTooLarge:
            out.append("too large")
            continue
        if line is None:
            return out
        out.append(line)


def test_oversized_line_is_discarded_whole_and_the_next_one_read() -> None:
    import asyncio

    data = b'{"a":1}\n' + b"x" * 100 + b"\n\r\n" + b'{"b":2}\r\n' + b'{"c":3}'
    assert asyncio.run(_read_all(data, 16)) == [b'{"a":1}', "too large", b'{"b":2}', b'{"c":3}']
