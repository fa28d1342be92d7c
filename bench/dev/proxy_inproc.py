"""The proxy's CPU per tools/call, deterministic: client, proxy and upstream in ONE process and one
event loop (real pipes, the proxy's real channels, engine and SQLite ledger), so no other process's
scheduling changes how messages batch. For A/B between trees on a loaded machine (run the trees
alternately, several times: cache contention from other processes still moves the numbers).

    .venv/bin/python bench/dev/proxy_inproc.py [--tree DIR] [--calls 3200] [--concurrency 16]
        [--relay-only] [--repeat 5] [--same] [--asyncio] [--stub engine,result,preview,ledger,sqlite]

Prints µs of process CPU per call (client and fake upstream included: they are the same code for
every tree; --relay-only gives their share plus the bare relay). The fake upstream answers echo
like server-everything. Arguments vary per call as in bench/proxy_bench.py (--same: one call repeated).
The harness builds the interceptor itself, so the proxy's idle-time engine warm-up never runs here.
--stub replaces parts by near-free stand-ins (engine: check/check_result answer allow; result: only
check_result does; preview: an empty preview; ledger: records are built, never committed; sqlite: sealed and hashed, never written), so the
difference to a full run is what that part costs in situ.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _args() -> argparse.Namespace:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", default=str(Path(__file__).resolve().parents[2]))
    ap.add_argument("--calls", type=int, default=3200)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--relay-only", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--same", action="store_true", help="the same arguments every call (memo hits)")
    ap.add_argument("--asyncio", action="store_true", help="the standard event loop instead of uvloop")
    ap.add_argument("--callgrind", action="store_true",
                    help="under `valgrind --tool=callgrind --instr-atstart=no`: count the measured calls only")
    ap.add_argument("--stub", default="", help="comma-separated: engine, result, preview, ledger, sqlite, fastredact (turns it off), gc (threshold 7000)")
    return ap.parse_args()


ARGS = _args()
sys.path.insert(0, ARGS.tree)

import orjson  # noqa: E402

from aegis_mcp.proxy.channel import StdioChannel  # noqa: E402
from aegis_mcp.proxy.relay import Relay  # noqa: E402

TOOLS = [{"name": "echo", "description": "Echoes back the input string",
          "inputSchema": {"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]}}]


async def fake_upstream(reader: asyncio.StreamReader, out_fd: int) -> None:
    """Answers like server-everything's echo; one write per line read (a peer process would)."""
    while line := await reader.readline():
        msg = orjson.loads(line)
        if "id" not in msg:
            continue
        method = msg.get("method")
        if method == "initialize":
            result: Any = {"protocolVersion": "2025-11-25", "capabilities": {"tools": {}},
                           "serverInfo": {"name": "fake", "version": "1"}}
        elif method == "tools/list":
            result = {"tools": TOOLS}
        elif method == "tools/call":
            result = {"content": [{"type": "text", "text": f"Echo: {msg['params']['arguments']['message']}"}]}
        else:
            result = {}
        os.write(out_fd, orjson.dumps({"result": result, "jsonrpc": "2.0", "id": msg["id"]}) + b"\n")


class Client:
    def __init__(self, reader: asyncio.StreamReader, out_fd: int) -> None:
        self.reader, self.out_fd = reader, out_fd
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future[Any]] = {}
        self.task = asyncio.get_running_loop().create_task(self._read())

    async def _read(self) -> None:
        while line := await self.reader.readline():
            msg = orjson.loads(line)
            fut = self.waiting.pop(msg.get("id"), None)
            if fut is not None:
                fut.set_result(msg)

    async def request(self, method: str, params: dict[str, Any]) -> Any:
        i = next(self.ids)
        fut = asyncio.get_running_loop().create_future()
        self.waiting[i] = fut
        os.write(self.out_fd, orjson.dumps({"jsonrpc": "2.0", "id": i, "method": method, "params": params}) + b"\n")
        return await fut


async def _reader(fd: int) -> asyncio.StreamReader:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=1 << 26)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(fd, "rb", buffering=0))
    return reader


def _stub(interceptor: Any, parts: set[str]) -> None:
    """Replace the named parts of one interceptor by near-free stand-ins (see --stub)."""
    from aegis_mcp.engine.model import Decision, RiskLevel

    allow = Decision("allow", RiskLevel.LOW, "other", (), "")
    if "engine" in parts:
        interceptor.engine.check = lambda call, key=None: allow
    if "engine" in parts or "result" in parts:
        interceptor.engine.check_result = lambda call, text: allow
    if "gc" in parts:  # a young generation 10x larger (fewer collections of the same garbage)
        import gc

        gc.set_threshold(7000, 10, 10)
    if "fastredact" in parts:  # redaction's fast path off: the full path for every preview
        from aegis_mcp.engine import redact

        redact.FAST_PATH = False
    if "preview" in parts:
        interceptor.recorder._preview = lambda call, args_json: ""
    if "ledger" in parts:
        from aegis_mcp.ledger.store import AppendResult

        seqs = itertools.count()
        interceptor.recorder.store.append_many = lambda records: [AppendResult(next(seqs), "0" * 64) for _ in records]
    if "sqlite" in parts:  # the ledger's Python (validation, sealing, hashing) runs; SQLite does not
        store = interceptor.recorder.store

        class _Cursor:
            def execute(self, sql: str, params: Any = ()) -> Any:
                return self

            executemany = execute

            def fetchone(self) -> tuple[int]:
                return (store._tail.data_version,)

        cursor = _Cursor()
        store._write(lambda cur: None)  # a real first transaction: the tail is read and cached
        store._append_in_txn(store._cur, [({"kind": "x"}, False)])
        store._write = lambda fn: fn(cursor)


async def main() -> None:
    c2p_r, c2p_w = os.pipe()  # client → proxy
    p2c_r, p2c_w = os.pipe()
    p2u_r, p2u_w = os.pipe()  # proxy → upstream
    u2p_r, u2p_w = os.pipe()
    client_ch = await StdioChannel.open(c2p_r, p2c_w, guard_stdout=False)
    upstream_ch = await StdioChannel.open(u2p_r, p2u_w, guard_stdout=False)
    interceptor = None
    if not ARGS.relay_only:
        from aegis_mcp.proxy.app import ProxyOptions, _build_interceptor
        tmp = tempfile.mkdtemp()
        options = ProxyOptions(command=["fake"], db_path=Path(tmp) / "l.db")
        interceptor = await _build_interceptor(options, "s" * 32, "everything")
        _stub(interceptor, set(filter(None, ARGS.stub.split(","))))
    relay = Relay(client_ch, upstream_ch, interceptor)
    relay_task = asyncio.get_running_loop().create_task(relay.run())
    up_task = asyncio.get_running_loop().create_task(fake_upstream(await _reader(p2u_r), u2p_w))
    client = Client(await _reader(p2c_r), c2p_w)
    await client.request("initialize", {"protocolVersion": "2025-11-25", "capabilities": {},
                                        "clientInfo": {"name": "bench", "version": "1"}})
    await client.request("tools/list", {})
    counter = itertools.count()

    async def call() -> None:
        n = 0 if ARGS.same else next(counter)
        resp = await client.request("tools/call", {"name": "echo", "arguments": {"message": f"hello world {n}"}})
        if "error" in resp or resp["result"].get("isError"):
            raise RuntimeError(resp)

    for _ in range(300):
        await call()
    if ARGS.callgrind:  # count instructions of the measured calls only (run under valgrind --instr-atstart=no)
        import subprocess

        subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    seq_us, conc_us = [], []
    for _ in range(ARGS.repeat):
        n = ARGS.calls // 4
        t = time.process_time()
        for _ in range(n):
            await call()
        seq_us.append((time.process_time() - t) / n * 1e6)
        per = ARGS.calls // ARGS.concurrency

        async def worker() -> None:
            for _ in range(per):
                await call()

        t = time.process_time()
        await asyncio.gather(*(worker() for _ in range(ARGS.concurrency)))
        conc_us.append((time.process_time() - t) / (per * ARGS.concurrency) * 1e6)
    if ARGS.callgrind:
        import subprocess

        subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)
    commits = getattr(getattr(getattr(interceptor, "recorder", None), "_committer", None), "commits", None)
    print(f"{'relay only' if ARGS.relay_only else 'proxied'} tree={ARGS.tree}: CPU µs/call (whole process) "
          f"sequential {statistics.median(seq_us):.1f} {[round(x, 1) for x in seq_us]}, "
          f"{ARGS.concurrency} concurrent {statistics.median(conc_us):.1f} {[round(x, 1) for x in conc_us]}"
          + (f"; commits {commits}" if commits is not None else ""))
    relay_task.cancel()
    up_task.cancel()
    client.task.cancel()


if __name__ == "__main__":
    if ARGS.asyncio:
        asyncio.run(main())
    else:
        import uvloop
        uvloop.run(main())
