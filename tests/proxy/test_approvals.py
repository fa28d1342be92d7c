"""Held calls end to end: approved or denied from another terminal (the real CLI, through the
shared database), denied by timeout, approved inline by elicitation; each bound to its exact call
and recorded with approver and channel. The upstream never sees a call nobody approved."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

import anyio
import anyio.to_thread
import mcp_types as types
import pytest

from tests.proxy.conftest import LINE_SERVER, PY, TEST_POLICY, WAIT_S, RawProxy, approver, cli, proxy_argv, records, sdk_session

pytestmark = pytest.mark.anyio


def _env(log: Path) -> dict[str, str]:
    return {**os.environ, "LINE_SERVER_LOG": str(log)}


async def _first_approval(db: Path, until: Callable[[dict[str, Any]], bool] = lambda row: True, *,
                          decided_too: bool = False) -> dict[str, Any]:
    """Poll `aegis-mcp approvals list --json` as a human would, until its first row satisfies `until`
    (`decided_too`: list decided and expired approvals as well, `--all`)."""
    argv = ["approvals", "list", *(["--all"] if decided_too else []), "--json", "--db", str(db)]
    complaint = ""
    try:
        with anyio.fail_after(WAIT_S):
            while True:
                out = await anyio.to_thread.run_sync(lambda: cli(*argv))
                if out.returncode != 0:
                    complaint = f"exit {out.returncode}: {out.stderr[-2000:]}"
                lines = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
                if lines and until(lines[0]):
                    return lines[0]
                await anyio.sleep(0.1)
    except TimeoutError:
        raise AssertionError(f"no matching approval listed within {WAIT_S} s; last complaint of `approvals list`: "
                             f"{complaint or 'none'}") from None


async def _wait_for_pending(db: Path) -> dict[str, Any]:
    """The first held call, once it shows up."""
    return await _first_approval(db)


@pytest.mark.parametrize("verdict", ["approve", "deny"])
async def test_held_call_decided_from_another_terminal(tmp_path: Path, verdict: str) -> None:
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    progress: list[float] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        progress.append(value)

    async with sdk_session(db, LINE_SERVER, "--name", "notes", "--policy", str(TEST_POLICY), env=_env(log)) as s:
        result: list[types.CallToolResult] = []

        async def call() -> None:
            result.append(await s.call_tool("echo", {"message": "please hold-me"}, progress_callback=on_progress))

        async with anyio.create_task_group() as tg:
            tg.start_soon(call)
            held = await _wait_for_pending(db)
            assert held["server"] == "notes" and held["tool"] == "echo" and held["risk"] == "HIGH"
            assert b"hold-me" not in log.read_bytes()  # held: the upstream has not seen it
            out = await anyio.to_thread.run_sync(lambda: cli("approvals", verdict, held["id"], "--db", str(db), "--as", "alice", env=approver(db)))
            assert out.returncode == 0, out.stderr
            # single use: a second answer is refused
            again = await anyio.to_thread.run_sync(lambda: cli("approvals", "approve", held["id"], "--db", str(db), env=approver(db)))
            assert again.returncode == 1
        res = result[0]
        assert progress, "a client that sent a progress token hears from the proxy while the call is held"

    if verdict == "approve":
        assert not res.is_error and res.content[0].text == "echo: please hold-me"
        assert b"hold-me" in log.read_bytes()
    else:
        assert res.is_error and "denied" in res.content[0].text and "alice via cli" in res.content[0].text
        assert b"hold-me" not in log.read_bytes()
    approvals = records(db, "approval")
    assert len(approvals) == 1
    assert approvals[0]["approver"] == "alice" and approvals[0]["channel"] == "cli"
    assert approvals[0]["decision"] == ("approved" if verdict == "approve" else "denied")
    decision = next(r for r in records(db, "decision") if r["tool"] == "echo")
    assert decision["decision"] == "pending" and decision["args_sha256"] == approvals[0]["args_sha256"]


async def test_held_call_times_out_as_a_denial(tmp_path: Path) -> None:
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    async with sdk_session(db, LINE_SERVER, "--policy", str(TEST_POLICY), "--approval-timeout", "1", env=_env(log)) as s:
        with anyio.fail_after(WAIT_S):
            res = await s.call_tool("echo", {"message": "hold-me forever"})
    assert res.is_error and "no one approved it within 1 s" in res.content[0].text
    assert b"hold-me" not in log.read_bytes()
    timeouts = records(db, "approval_timeout")
    assert len(timeouts) == 1 and timeouts[0]["tool"] == "echo"
    late = cli("approvals", "approve", timeouts[0]["approval_id"], "--db", str(db), env=approver(db))
    assert late.returncode == 1 and "expired" in late.stderr


async def test_inline_approval_by_elicitation(tmp_path: Path) -> None:
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    asked: list[str] = []

    async def human(context: Any, params: types.ElicitRequestParams) -> types.ElicitResult:
        asked.append(params.message)
        return types.ElicitResult(action="accept", content={"approve": True})

    async with sdk_session(db, LINE_SERVER, "--policy", str(TEST_POLICY), env=_env(log), elicitation_callback=human) as s:
        res = await s.call_tool("echo", {"message": "hold-me please"})
    assert not res.is_error and res.content[0].text == "echo: hold-me please"
    assert asked and "echo" in asked[0] and "Approve" in asked[0]
    approval = records(db, "approval")[0]
    assert approval["channel"] == "elicitation" and approval["decision"] == "approved"
    # the proxy's own request, and the client's reply to it (an id of ours), never reached the upstream
    assert b"elicitation/create" not in log.read_bytes() and b'"id":"aegis-mcp/' not in log.read_bytes().replace(b" ", b"")


async def test_inline_decline_denies(tmp_path: Path) -> None:
    db, log = tmp_path / "l.db", tmp_path / "up.log"

    async def human(context: Any, params: types.ElicitRequestParams) -> types.ElicitResult:
        return types.ElicitResult(action="decline")

    async with sdk_session(db, LINE_SERVER, "--policy", str(TEST_POLICY), env=_env(log), elicitation_callback=human) as s:
        res = await s.call_tool("echo", {"message": "hold-me please"})
    assert res.is_error and "denied" in res.content[0].text
    assert b"hold-me" not in log.read_bytes()


async def test_cancelling_a_held_call_withdraws_it(tmp_path: Path) -> None:
    """The client gives up on a held call: nothing reaches the upstream and the approval is void."""
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--policy", str(TEST_POLICY)), env=_env(log)) as proxy:
        await proxy.initialize()
        await proxy.send({"jsonrpc": "2.0", "id": 7, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hold-me"}}})
        held = await _wait_for_pending(db)
        await proxy.send({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 7}})
        # a forwarded call's cancel, by contrast, is relayed
        await proxy.send({"jsonrpc": "2.0", "id": 8, "method": "tools/call",
                          "params": {"name": "slow", "arguments": {"seconds": 0.5}}})
        with anyio.fail_after(WAIT_S):
            while b'"slow"' not in log.read_bytes():
                await anyio.sleep(0.02)
        await proxy.send({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 8}})
        assert (await proxy.recv_response(8))["result"]["content"][0]["text"] == "slow done"
        status = await _first_approval(db, lambda row: row["status"] != "pending", decided_too=True)
        assert status["id"] == held["id"] and status["status"] == "expired"
    forwarded = log.read_bytes()
    assert b"hold-me" not in forwarded
    assert forwarded.count(b"notifications/cancelled") == 1 and b'"requestId":8' in forwarded.replace(b" ", b"")


async def test_upstream_cannot_answer_a_held_call(tmp_path: Path) -> None:
    """A malicious upstream answers the id of a call it never received (held for a human): dropped."""
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    # No approval timeout in play: the call must still be held when the forgery arrives, however
    # slow the machine (a 2 s timeout used to race the forge on a loaded one).
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--policy", str(TEST_POLICY)), env=_env(log)) as proxy:
        await proxy.initialize()
        await proxy.send({"jsonrpc": "2.0", "id": 41, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hold-me"}}})
        pending = await _wait_for_pending(db)
        # The upstream writes the forged answer for 41 before its own answer to 42, so once 42 is
        # answered the proxy has already seen (and must have dropped) the forgery.
        forged = await proxy.request(42, "tools/call", {"name": "forge", "arguments": {"target": 41}})
        assert forged["result"]["content"][0]["text"] == "sent"
        assert all(m.get("id") != 41 for m in proxy._stash), "the forged answer reached the client"
        out = await anyio.to_thread.run_sync(lambda: cli("approvals", "deny", pending["id"], "--db", str(db), env=approver(db)))
        assert out.returncode == 0, out.stderr
        held = await proxy.recv_response(41)
    text = held["result"]["content"][0]["text"]
    assert held["result"]["isError"] and "denied" in text and "forged" not in text


async def _wait_held(proxy: RawProxy) -> None:
    with anyio.fail_after(WAIT_S):
        while b"HELD tool call" not in proxy._stderr:
            await anyio.sleep(0.02)


async def test_no_inline_question_to_a_client_without_elicitation(tmp_path: Path) -> None:
    """A client that did not declare elicitation is never sent elicitation/create (it could not
    answer), nor progress for a call without a progress token."""
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--policy", str(TEST_POLICY)), env=_env(log)) as proxy:
        await proxy.initialize(capabilities={"sampling": {}, "roots": {}})
        await proxy.send({"jsonrpc": "2.0", "id": 7, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hold-me"}}})
        held = await _wait_for_pending(db)
        out = await anyio.to_thread.run_sync(lambda: cli("approvals", "deny", held["id"], "--db", str(db), env=approver(db)))
        assert out.returncode == 0, out.stderr
        resp = await proxy.recv_response(7)
        # Anything the proxy sent before answering 7 was read past and kept: no question among it,
        # and no progress either (the call carried no progress token to report against).
        assert not [m for m in proxy._stash if m.get("method") in ("elicitation/create", "notifications/progress")]
    assert resp["result"]["isError"] and "denied" in resp["result"]["content"][0]["text"]


async def test_the_model_cannot_approve_its_own_call(tmp_path: Path) -> None:
    """A held call; the model, through a command-running tool of the same upstream, tries to answer
    it: by naming the approval command, by touching the ledger database, and through a script that
    names neither. All fail; only the human's answer counts."""
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--policy", str(TEST_POLICY)), env=_env(log)) as proxy:
        await proxy.initialize()
        await proxy.send({"jsonrpc": "2.0", "id": 7, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hold-me"}}})
        held = await _wait_for_pending(db)
        approve = [PY, "-m", "aegis_mcp", "approvals", "approve", held["id"], "--db", str(db)]
        for i, argv in enumerate([approve, ["sqlite3", str(db), "UPDATE approvals SET status='approved'"],
                                  ["cat", str(db).replace(str(Path.home()), "~")]]):
            resp = await proxy.request(10 + i, "tools/call", {"name": "run_command", "arguments": {"argv": argv}})
            assert resp["result"]["isError"], argv
            assert "cannot approve its own calls" in resp["result"]["content"][0]["text"]
        assert b"run_command" not in log.read_bytes()  # refused before the upstream
        # A planted script that names neither the command nor the database: the command runs, as a
        # descendant of the proxy, and refuses to decide anything.
        script = tmp_path / "tidy.sh"
        reset_pins = [PY, "-m", "aegis_mcp", "pins", "reset", "--all", "--db", str(db)]
        script.write_text(f"{' '.join(approve)}; a=$?\n{' '.join(reset_pins)}; echo \"rcs $a $?\"\n")
        resp = await proxy.request(20, "tools/call", {"name": "run_command", "arguments": {"argv": ["sh", str(script)]}})
        ran = json.loads(resp["result"]["content"][0]["text"])
        assert "rcs 3 3" in ran["stdout"] and "an agent cannot approve its own calls" in ran["stderr"]
        assert "aegis-mcp pins: refused" in ran["stderr"]
        status = json.loads(cli("approvals", "list", "--json", "--db", str(db)).stdout.splitlines()[0])
        assert status["id"] == held["id"] and status["status"] == "pending"
        out = await anyio.to_thread.run_sync(lambda: cli("approvals", "deny", held["id"], "--db", str(db), "--as", "bob", env=approver(db)))
        assert out.returncode == 0, out.stderr
        resp = await proxy.recv_response(7)
    assert resp["result"]["isError"] and "bob via cli" in resp["result"]["content"][0]["text"]
    assert [(r["approver"], r["channel"]) for r in records(db, "approval")] == [("bob", "cli")]
    blocked = [r for r in records(db, "decision") if r["tool"] == "run_command" and r["decision"] == "block"]
    assert len(blocked) == 3 and {r["category"] for r in blocked} == {"self_approval"}
