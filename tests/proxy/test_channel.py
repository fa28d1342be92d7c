"""The upstream channel's write coalescing: every message arrives once, whole and in order."""

from __future__ import annotations

import asyncio

import anyio
import orjson
import pytest

from aegis_mcp.proxy.channel import SubprocessChannel

pytestmark = pytest.mark.anyio


async def _read(channel: SubprocessChannel, count: int) -> list[dict]:
    received = []
    with anyio.fail_after(60):
        while len(received) < count:
            line = await channel.receive()
            assert line is not None, f"channel closed after {len(received)} of {count} messages"
            received.append(orjson.loads(line))
    return received


async def test_concurrent_senders_keep_each_senders_order_and_lose_nothing() -> None:
    # `cat` echoes every byte back: what comes out is exactly what the coalescer wrote.
    channel = await SubprocessChannel.spawn(["cat"])
    try:
        senders, per_sender = 16, 60
        # Some messages are larger than a pipe buffer (64 KiB), so back-pressure (drain) is exercised
        # while other senders keep queueing into the same loop turn.
        big = "x" * 200_000

        async def sender(n: int) -> None:
            for i in range(per_sender):
                body = big if i % 20 == 7 else "m"
                await channel.send(orjson.dumps({"sender": n, "i": i, "body": body}))

        reader = asyncio.create_task(_read(channel, senders * per_sender))
        await asyncio.gather(*(sender(n) for n in range(senders)))
        received = await reader
    finally:
        await channel.close()

    per: dict[int, list[int]] = {}
    for msg in received:
        per.setdefault(msg["sender"], []).append(msg["i"])
        assert msg["body"] in ("m", big)  # no torn or merged message
    assert per == {n: list(range(per_sender)) for n in range(senders)}


async def test_a_burst_from_one_sender_arrives_in_exact_order() -> None:
    channel = await SubprocessChannel.spawn(["cat"])
    try:
        reader = asyncio.create_task(_read(channel, 500))
        for i in range(500):
            await channel.send(orjson.dumps({"i": i}))
        received = await reader
    finally:
        await channel.close()
    assert [m["i"] for m in received] == list(range(500))
