"""The proxy under bad input and failing peers, spoken to with raw JSON-RPC lines: what a firewall
cannot judge is refused and never forwarded; a dying upstream fails every pending request fast;
a departing client takes the upstream's whole process group with it; a ledger that cannot be
opened stops the proxy with one line, one that fails later blocks calls."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import anyio
import pytest

from tests.proxy.conftest import LINE_SERVER, PY, TEST_POLICY, WAIT_S, RawProxy, cli, proxy_argv, records

FAULTY_LEDGER_PROXY = str(Path(__file__).parent / "servers" / "faulty_ledger_proxy.py")

pytestmark = pytest.mark.anyio


def _env(log: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "LINE_SERVER_LOG": str(log), **extra}


def _forwarded(log: Path) -> list[bytes]:
    return log.read_bytes().splitlines() if log.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it is dead for our purposes.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


async def test_invalid_messages_are_refused_and_never_forwarded(tmp_path: Path) -> None:
    log = tmp_path / "upstream.log"
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER), env=_env(log)) as proxy:
        await proxy.initialize()
        cases = [
            (b'{"jsonrpc":"2.0","id":7,"method":"tools/list"', -32700),  # truncated
            (b"not json at all", -32700),
            (b'[{"jsonrpc":"2.0","id":8,"method":"ping"}]', -32600),  # batch
            (b'{"jsonrpc":"2.0","id":1.5,"method":"ping"}', -32600),  # fractional id
            (b'{"jsonrpc":"2.0","id":true,"method":"ping"}', -32600),  # boolean id
            (b'{"jsonrpc":"2.0","id":null,"method":"ping"}', -32600),  # null id
            (b'{"jsonrpc":"1.0","id":9,"method":"ping"}', -32600),  # wrong version
            (b'"just a string"', -32600),
            (b'{"jsonrpc":"2.0","id":11,"method":"ping","params":{"x":"\xff\xfe"}}', -32700),  # invalid UTF-8
            (b'{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"echo","arguments":{"message":"\xc3"}}}',
             -32700),  # a truncated UTF-8 sequence in a tools/call
        ]
        for raw, code in cases:
            await proxy.send_raw(raw)
            resp = await proxy.recv()
            assert resp["error"]["code"] == code, raw
        # the connection is still fine afterwards
        assert (await proxy.request(10, "ping"))["result"] == {}
    forwarded = b"\n".join(_forwarded(log))
    assert b"not json" not in forwarded and b"1.5" not in forwarded and b"[{" not in forwarded
    assert b"\xff" not in forwarded and b"\xc3" not in forwarded and b"tools/call" not in forwarded
    assert forwarded.count(b'"ping"') == 1  # only the valid one


async def test_everything_else_is_relayed_byte_for_byte(tmp_path: Path) -> None:
    """Messages the firewall does not judge keep their exact bytes both ways (key order, spacing, escapes)."""
    log = tmp_path / "upstream.log"
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER), env=_env(log)) as proxy:
        await proxy.initialize()
        odd = b'{ "params" : {"z": 1, "a": "\\u00e9\\/x", "n": 1.50},"id" :"p-1",  "method":"ping", "jsonrpc":"2.0"}'
        note = b'{"method":"notifications/roots/list_changed" ,"jsonrpc":"2.0","params":{"_meta":{"k":[1, 2]}}}'
        await proxy.send_raw(note)
        await proxy.send_raw(odd)
        with anyio.fail_after(WAIT_S):
            line = await proxy._out.receive_until(b"\n", 1 << 20)
    assert line == b'{"jsonrpc": "2.0", "id": "p-1", "result": {}}'  # the server's own spacing, untouched
    forwarded = _forwarded(log)
    assert note in forwarded and odd in forwarded


async def test_what_is_forwarded_is_what_was_judged(tmp_path: Path) -> None:
    """Duplicate keys: the upstream gets a re-serialisation of the object the engine judged."""
    log = tmp_path / "upstream.log"
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER, "--policy", str(TEST_POLICY)),
                              env=_env(log)) as proxy:
        await proxy.initialize()
        # Parsers disagree on duplicate keys; ours keeps the last one. The upstream must not be
        # able to read the first (the one that would have been blocked).
        line = (b'{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"raw_request",'
                b'"arguments":{"message":"block-me"},"arguments":{"message":"harmless"}}}')
        await proxy.send_raw(line)
        resp = await proxy.recv_response(3)
        seen_by_upstream = json.loads(resp["result"]["content"][0]["text"])
        assert seen_by_upstream["params"]["arguments"] == {"message": "harmless"}
    assert line not in _forwarded(log)
    assert b"block-me" not in b"".join(_forwarded(log))


async def test_large_messages_pass_both_ways(tmp_path: Path) -> None:
    # The transport is under test, not the engine's size limits: echo is allowed outright.
    policy = tmp_path / "allow-echo.yaml"
    policy.write_text("version: 1\nsettings: {allow_tools: [echo, big]}\n")
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER, "--policy", str(policy))) as proxy:
        await proxy.initialize()
        resp = await proxy.request(1, "tools/call", {"name": "big", "arguments": {"n": 3_000_000}}, timeout=2 * WAIT_S)
        assert len(resp["result"]["content"][-1]["text"]) == 3_000_000
        big_arg = "y" * 2_000_000  # far over asyncio's 64 KiB default line limit
        resp = await proxy.request(2, "tools/call", {"name": "echo", "arguments": {"message": big_arg}}, timeout=2 * WAIT_S)
        assert resp["result"]["content"][-1]["text"] == "echo: " + big_arg


async def test_upstream_death_fails_pending_requests_fast(tmp_path: Path) -> None:
    env = _env(tmp_path / "up.log")
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER, "--policy", str(TEST_POLICY)), env=env) as proxy:
        await proxy.initialize()
        resp = await proxy.request(1, "tools/call", {"name": "pid", "arguments": {}})
        upstream_pid = int(resp["result"]["content"][0]["text"])
        # A call held for a human is pending too: it must not wait out its approval timeout.
        await proxy.send({"jsonrpc": "2.0", "id": 4, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hold-me"}}})
        with anyio.fail_after(WAIT_S):
            while b"HELD tool call" not in proxy._stderr:
                await anyio.sleep(0.02)
        # Two requests in flight: one the upstream is busy with, one queued behind it.
        await proxy.send({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                          "params": {"name": "slow", "arguments": {"seconds": 30}}})
        with anyio.fail_after(WAIT_S):
            while b"slow" not in b"".join(_forwarded(tmp_path / "up.log")):
                await anyio.sleep(0.02)
        await proxy.send({"jsonrpc": "2.0", "id": 3, "method": "ping"})
        os.kill(upstream_pid, signal.SIGKILL)
        killed = time.monotonic()
        got = {}
        for _ in range(3):
            msg = await proxy.recv(timeout=5)
            got[msg["id"]] = msg
        elapsed = time.monotonic() - killed
        assert set(got) == {2, 3, 4}
        assert all(m["error"]["code"] == -32000 for m in got.values())
        assert elapsed < 1.0
        with anyio.fail_after(WAIT_S):
            code = await proxy.process.wait()
        assert code != 0


async def test_client_leaving_ends_the_upstream_process_group(tmp_path: Path) -> None:
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER)) as proxy:
        await proxy.initialize()
        resp = await proxy.request(1, "tools/call", {"name": "spawn_child", "arguments": {}})
        grandchild = int(resp["result"]["content"][0]["text"])
        assert _alive(grandchild)
        assert proxy.process.stdin is not None
        await proxy.process.stdin.aclose()  # the client goes away
        with anyio.fail_after(WAIT_S):
            code = await proxy.process.wait()
        assert code == 0
    with anyio.fail_after(WAIT_S):
        while _alive(grandchild):
            await anyio.sleep(0.05)


async def test_sigterm_ends_the_upstream_process_group(tmp_path: Path) -> None:
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER)) as proxy:
        await proxy.initialize()
        resp = await proxy.request(1, "tools/call", {"name": "spawn_child", "arguments": {}})
        grandchild = int(resp["result"]["content"][0]["text"])
        proxy.process.send_signal(signal.SIGTERM)
        with anyio.fail_after(WAIT_S):
            await proxy.process.wait()
    with anyio.fail_after(WAIT_S):
        while _alive(grandchild):
            await anyio.sleep(0.05)


async def test_stdout_is_protocol_only_and_logs_go_to_stderr(tmp_path: Path) -> None:
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER, "-vv", "--policy", str(TEST_POLICY))) as proxy:
        await proxy.initialize()
        await proxy.request(1, "tools/call", {"name": "echo", "arguments": {"message": "block-me"}})
        await proxy.request(2, "tools/call", {"name": "echo", "arguments": {"message": "fine"}})
        assert proxy.process.stdin is not None
        await proxy.process.stdin.aclose()
        rest = b""
        with anyio.fail_after(WAIT_S):
            try:
                while True:
                    rest += await proxy._out.receive()
            except (anyio.EndOfStream, anyio.ClosedResourceError):
                pass
        stderr = await proxy.stderr_text()
    for line in rest.splitlines():  # whatever follows on stdout is still protocol
        assert "jsonrpc" in json.loads(line)
    assert "aegis-mcp" in stderr and "client went away" in stderr


def _start_refused(db: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run the proxy with `db` and a client that sends initialize and a tools/call on stdin."""
    log, spawned = tmp_path / "upstream.log", tmp_path / "spawned"
    upstream = ["sh", "-c", f'touch "{spawned}"; exec "$0" "$@"', *LINE_SERVER]
    lines = [{"jsonrpc": "2.0", "id": 0, "method": "initialize",
              "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}},
             {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "echo", "arguments": {"message": "hi"}}}]
    done = subprocess.run(proxy_argv(db, upstream), input="".join(json.dumps(m) + "\n" for m in lines),
                          capture_output=True, text=True, timeout=60, env=_env(log))
    return done, spawned


@pytest.mark.parametrize("case", ["not_sqlite", "directory", "file_as_parent"])
def test_an_unusable_db_stops_the_proxy_before_the_upstream_starts(tmp_path: Path, case: str) -> None:
    """A --db that can never hold a ledger: one line naming it and exit 2, before the upstream is
    spawned (before: the proxy ran, relayed, and refused every call, with the reason in the log)."""
    if case == "not_sqlite":
        db, why = tmp_path / "ledger.db", "file is not a database"
        db.write_bytes(b"this is not a database " * 100)
    elif case == "directory":
        db, why = tmp_path / "ledger.db", "it is a directory"
        db.mkdir()
    else:
        (tmp_path / "file").write_text("a file where the ledger's directory should be")
        db, why = tmp_path / "file" / "ledger.db", f"{tmp_path / 'file'} is not a directory"
    done, spawned = _start_refused(db, tmp_path)
    assert done.returncode == 2, done
    assert done.stdout == ""  # nothing on the wire: no half-started session for the client
    assert done.stderr.strip().splitlines() == [f"aegis-mcp proxy: cannot {'create' if case == 'file_as_parent' else 'open'} "
                                                f"the ledger at {db}: {why}"], done.stderr
    assert not spawned.exists() and not (tmp_path / "upstream.log").exists()


async def test_a_ledger_that_fails_to_open_later_stops_the_proxy_and_forwards_no_call(tmp_path: Path) -> None:
    """What the start-up probe cannot see (here: a ledger whose signing key is gone) stops the proxy
    when the store opens: exit 2, the reason once, the pending call refused, nothing forwarded."""
    from aegis_mcp.ledger.keys import key_path_for
    from aegis_mcp.ledger.store import LedgerStore

    log, db = tmp_path / "upstream.log", tmp_path / "ledger.db"
    LedgerStore.open(db).close()
    key_path_for(db).unlink()
    async with RawProxy.start(proxy_argv(db, LINE_SERVER), env=_env(log)) as proxy:
        await proxy.send({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hello"}}})
        resp = await proxy.recv_response(1)  # answered (refused) as the proxy stops, never forwarded
        assert "error" in resp or resp["result"].get("isError") is True, resp
        stderr = await proxy.stderr_text()  # the proxy exits by itself: the client is still there
        assert proxy.process.returncode == 2
    assert sum(f"the ledger at {db} exists but its signing key" in line for line in stderr.splitlines()) == 1, stderr
    assert not any(b"tools/call" in line for line in _forwarded(log))


@pytest.mark.parametrize("fault", ["readonly", "full"])
async def test_ledger_failing_mid_session_blocks_calls(tmp_path: Path, fault: str) -> None:
    """The ledger's storage fails while the proxy runs (read-only, disk full): from then on every
    call is refused with the reason, and nothing the ledger could not record reaches the upstream."""
    db, log, trigger = tmp_path / "l.db", tmp_path / "up.log", tmp_path / "fail-now"
    argv = [PY, FAULTY_LEDGER_PROXY, "proxy", "--db", str(db), "--", *LINE_SERVER]
    env = _env(log, LEDGER_FAULT=fault, LEDGER_FAULT_FILE=str(trigger))
    allowed: list[str] = []
    async with RawProxy.start(argv, env=env) as proxy:
        await proxy.initialize()
        before = await proxy.request(1, "tools/call", {"name": "echo", "arguments": {"message": "before"}})
        assert before["result"]["content"][0]["text"] == "echo: before"
        trigger.touch()
        refused = None
        for i in range(2, 2000):  # a full disk may still take a few records in its last page
            marker = f"after-{i}-{'p' * 200}"
            resp = await proxy.request(i, "tools/call", {"name": "echo", "arguments": {"message": marker}})
            text = resp["result"]["content"][0]["text"]
            if resp["result"].get("isError") and "withheld the result" in text:
                # The call's decision made it into the ledger (so it was forwarded), its result
                # scan's record did not: the result must not reach the client.
                assert "ledger cannot record it" in text and marker not in text
                allowed.append(marker)
                continue
            if resp["result"].get("isError"):
                refused = (marker, text)
                break
            allowed.append(marker)
        assert refused is not None, "calls kept being forwarded with a ledger that cannot record them"
        assert "audit ledger cannot record it" in refused[1] and "Nothing was sent" in refused[1]
        again = await proxy.request(9999, "tools/call", {"name": "echo", "arguments": {"message": "still-refused"}})
        assert again["result"]["isError"]
        assert (await proxy.request(10_000, "ping"))["result"] == {}  # the rest is still relayed
    forwarded = log.read_bytes()
    assert refused[0].encode() not in forwarded and b"still-refused" not in forwarded
    # Everything that was forwarded was recorded first.
    recorded = {r["args_sha256"] for r in records(db, "decision")}
    assert len(recorded) == 1 + len(allowed)


async def test_cancel_for_a_request_the_proxy_answered_is_swallowed(tmp_path: Path) -> None:
    log = tmp_path / "upstream.log"
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER, "--policy", str(TEST_POLICY)),
                              env=_env(log)) as proxy:
        await proxy.initialize()
        resp = await proxy.request(5, "tools/call", {"name": "echo", "arguments": {"message": "block-me"}})
        assert resp["result"]["isError"]
        await proxy.send({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 5}})
        assert (await proxy.request(6, "ping"))["result"] == {}
    forwarded = b"\n".join(_forwarded(log))
    assert b"notifications/cancelled" not in forwarded
    assert records(tmp_path / "l.db", "decision")[0]["decision"] == "block"


async def test_decision_is_committed_before_the_upstream_sees_the_call(tmp_path: Path) -> None:
    """At the moment the upstream runs a call, the ledger already holds the decision on it."""
    db = tmp_path / "l.db"
    env = {**os.environ, "LINE_SERVER_DB": str(db)}
    async with RawProxy.start(proxy_argv(db, LINE_SERVER), env=env) as proxy:
        await proxy.initialize()
        for i in range(5):
            nonce = f"nonce-{i}-{time.monotonic_ns()}"
            resp = await proxy.request(i + 1, "tools/call", {"name": "audit_check", "arguments": {"nonce": nonce}})
            assert json.loads(resp["result"]["content"][0]["text"]) == {"recorded": True}


async def test_huge_integers_are_forwarded_exactly(tmp_path: Path) -> None:
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER)) as proxy:
        await proxy.initialize()
        await proxy.send_raw(b'{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"raw_request",'
                             b'"arguments":{"account":123456789012345678901234567890}}}')
        resp = await proxy.recv_response(1)
    seen = json.loads(resp["result"]["content"][0]["text"])
    assert seen["params"]["arguments"]["account"] == 123456789012345678901234567890


async def test_several_proxies_share_one_ledger(tmp_path: Path) -> None:
    """Claude Desktop runs one proxy per server, all on the same database: no record is lost or forked."""
    db = tmp_path / "shared.db"

    async def session(k: int) -> None:
        async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--name", f"server-{k}")) as proxy:
            await proxy.initialize()
            for i in range(25):
                await proxy.send({"jsonrpc": "2.0", "id": i + 1, "method": "tools/call",
                                  "params": {"name": "echo", "arguments": {"message": f"{k}-{i}"}}})
            for i in range(25):
                await proxy.recv_response(i + 1)

    async with anyio.create_task_group() as tg:
        for k in range(4):
            tg.start_soon(session, k)
    decisions = records(db, "decision")
    assert sorted((r["server"], r["decision"]) for r in decisions) == sorted(
        (f"server-{k}", "allow") for k in range(4) for _ in range(25))
    verified = cli("verify", "--db", str(db))
    assert verified.returncode == 0 and "intact" in verified.stdout


async def test_a_result_is_recorded_before_the_client_sees_it(tmp_path: Path) -> None:
    """Nothing is forwarded that was not recorded first: the result scan's record is committed
    before the result goes on, not batched for later."""
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    async with RawProxy.start(proxy_argv(db, LINE_SERVER), env=_env(log)) as proxy:
        await proxy.initialize()
        for i in range(1, 4):
            resp = await proxy.request(i, "tools/call", {"name": "echo", "arguments": {"message": f"m{i}"}})
            assert resp["result"]["content"][0]["text"] == f"echo: m{i}"
            # Read at once, while the proxy is idle: the record must already be there.
            assert len(records(db, "result_scan")) == i
