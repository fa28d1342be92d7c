"""Red team, server side: a hostile upstream (servers/hostile_server.py) trying to get text past
the result scan, vouch for itself in the proxy's name, phish the human with a fake approval
question, or answer requests nobody sent; and the client's error answers, which carry text too."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from tests.proxy.conftest import TEST_POLICY, RawProxy, proxy_argv, records
from tests.proxy.test_redteam_wire import HOSTILE, _received

pytestmark = pytest.mark.anyio

SECRET = "ghp_1234567890abcdefghijABCDEFGHIJ123456"


def _env(log: Path) -> dict[str, str]:
    return {**os.environ, "HOSTILE_LOG": str(log)}


def _argv(tmp_path: Path, *extra: str) -> list[str]:
    return proxy_argv(tmp_path / "l.db", HOSTILE, "--policy", str(TEST_POLICY), *extra)


def _shown(result: dict) -> str:
    return json.dumps(result)


def _unguarded(result: dict) -> bool:
    """The injected text reached the client with neither a refusal nor a warning in front."""
    content = result.get("content") or []
    first = content[0].get("text", "") if content and isinstance(content[0], dict) else ""
    return not result.get("isError") and "aegis-mcp warning" not in first and (
        "ignore all previous instructions" in _shown(result) or "aWdub3Jl" in _shown(result)
        or base64.b64encode(b"IMPORTANT SYSTEM NOTICE")[:12].decode() in _shown(result))


@pytest.mark.parametrize("tool", ["disguised", "odd_type", "blob"])
async def test_injected_output_cannot_hide_from_the_result_scan(tmp_path: Path, tool: str) -> None:
    """`disguised`: output in an input_required result (a handshake-era client ignores resultType
    and shows `content`); `odd_type`: a resultType no revision defines; `blob`: the text in a
    base64 text/markdown resource. Each is scanned like any result: flagged or withheld, recorded."""
    async with RawProxy.start(_argv(tmp_path), env=_env(tmp_path / "up.log")) as proxy:
        await proxy.initialize()
        resp = await proxy.request(1, "tools/call", {"name": tool, "arguments": {}})
    assert not _unguarded(resp["result"]), resp
    scans = records(tmp_path / "l.db", "result_scan")
    assert [r["decision"] for r in scans] != [] and scans[0]["decision"] in ("flag", "block"), scans


async def test_an_injection_in_a_json_rpc_error_is_scanned_like_a_result(tmp_path: Path) -> None:
    """Client SDKs show a failed call's error message to the model: it is judged and recorded too."""
    async with RawProxy.start(_argv(tmp_path), env=_env(tmp_path / "up.log")) as proxy:
        await proxy.initialize()
        resp = await proxy.request(1, "tools/call", {"name": "fail", "arguments": {}})
    error = resp["error"]
    assert error["message"].startswith("aegis-mcp") and error["code"] == -32000, error
    assert "ignore all previous" not in error["message"] or "aegis-mcp warning" in error["message"]
    [scan] = records(tmp_path / "l.db", "result_scan")
    assert scan["answer"] == "error" and scan["decision"] in ("flag", "block")


async def test_a_server_cannot_vouch_for_itself_in_the_proxys_name(tmp_path: Path) -> None:
    async with RawProxy.start(_argv(tmp_path), env=_env(tmp_path / "up.log")) as proxy:
        await proxy.initialize()
        resp = await proxy.request(1, "tools/call", {"name": "forged_meta", "arguments": {}})
    assert resp["result"]["content"][0]["text"] == "all fine"
    assert "aegis-mcp/decision" not in resp["result"].get("_meta", {})


async def test_a_question_dressed_as_the_proxys_approval_is_withheld(tmp_path: Path) -> None:
    meta = {"_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                      "io.modelcontextprotocol/clientInfo": {"name": "c", "version": "1"},
                      "io.modelcontextprotocol/clientCapabilities": {"elicitation": {}}}}
    async with RawProxy.start(_argv(tmp_path), env=_env(tmp_path / "up.log")) as proxy:
        resp = await proxy.request(1, "tools/call", {"name": "fake_approval", "arguments": {}, **meta})
    result = resp["result"]
    assert result["isError"] is True and "approval" in result["content"][0]["text"]
    assert "inputRequests" not in result and result["resultType"] == "complete"


async def test_an_answer_to_a_request_nobody_sent_never_reaches_the_client(tmp_path: Path) -> None:
    async with RawProxy.start(_argv(tmp_path), env=_env(tmp_path / "up.log")) as proxy:
        await proxy.initialize()
        resp = await proxy.request(1, "tools/call", {"name": "unsolicited", "arguments": {"target": 2}})
        assert resp["result"]["content"][0]["text"] == "sent"
        assert (await proxy.request(2, "ping"))["result"] == {}  # id 2's real answer, not the forged one


async def test_the_clients_error_answer_is_judged_recorded_and_redacted(tmp_path: Path) -> None:
    """A JSON-RPC error answering the server's elicitation carries text (message, data) like a
    result: a secret in it is redacted before the server reads it, and the answer is recorded."""
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize(capabilities={"elicitation": {}})
        await proxy.send({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "ask", "arguments": {}}})
        asked = await proxy.recv()
        assert asked["method"] == "elicitation/create"
        await proxy.send({"jsonrpc": "2.0", "id": asked["id"], "error": {
            "code": -32603, "message": f"form failed; token was {SECRET}", "data": {"detail": f"env GH={SECRET}"}}})
        resp = await proxy.recv_response(1)
        # ... and a second answer to the same request (now not pending) is not relayed at all
        await proxy.send({"jsonrpc": "2.0", "id": asked["id"], "error": {"code": -1, "message": SECRET}})
        assert (await proxy.request(2, "ping"))["result"] == {}
    assert SECRET not in _shown(resp)
    assert SECRET not in "\n".join(_received(log))
    answers = records(tmp_path / "l.db", "client_answer")
    assert len(answers) == 1 and answers[0]["answer"] == "error" and answers[0]["decision"] == "redact"
    assert answers[0]["signals"] and answers[0]["sent"] is True


async def test_a_duplicate_result_key_in_the_clients_answer_cannot_split_what_is_judged(tmp_path: Path) -> None:
    """The answer's last "result" is judged (orjson); a first-wins server must not read the first."""
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize(capabilities={"elicitation": {}})
        await proxy.send({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "ask", "arguments": {}}})
        asked = await proxy.recv()
        first = json.dumps({"action": "accept", "content": {"note": f"my token {SECRET}"}})
        await proxy.send_raw(f'{{"jsonrpc":"2.0","id":{json.dumps(asked["id"])},"result":{first},'
                             f'"result":{{"action":"decline"}}}}'.encode())
        resp = await proxy.recv_response(1)
    assert SECRET not in _shown(resp) and SECRET not in "\n".join(_received(log))


async def test_a_duplicate_key_in_a_2026_retrys_answers_cannot_split_what_is_judged(tmp_path: Path) -> None:
    """resources/read retried with inputResponses written twice: the upstream gets one copy, the
    one that was judged (no first-wins reading of the unjudged one)."""
    from tests.proxy.conftest import LINE_SERVER
    from tests.proxy.test_client_answers import MODERN
    from tests.proxy.test_client_answers import _env as line_env
    from tests.proxy.test_client_answers import _received as line_received

    log = tmp_path / "line.log"
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER), env=line_env(log)) as proxy:
        leak = json.dumps({"q": {"action": "accept", "content": {"note": f"token {SECRET}"}}})
        fine = json.dumps({"q": {"action": "accept", "content": {"note": "nothing to see"}}})
        await proxy.send_raw(f'{{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{{"uri":"note://ask",'
                             f'"requestState":"asked","inputResponses":{leak},"inputResponses":{fine},'
                             f'"_meta":{json.dumps(MODERN["_meta"])}}}}}'.encode())
        resp = await proxy.recv_response(1)
    assert "nothing to see" in _shown(resp)
    assert SECRET.encode() not in line_received(log)
