"""Both protocol eras through the proxy: a 2.x Python server (examples/notes_server.py) spoken to
by the SDK's Client at 2026-07-28 and in legacy (initialize) mode, including an input_required
round trip; and the wire shape of results the proxy builds itself in each era."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import mcp_types as types
import pytest
from mcp import StdioServerParameters
from mcp.client import Client

from tests.proxy.conftest import LINE_SERVER, ROOT, TEST_POLICY, RawProxy, proxy_argv, records

pytestmark = pytest.mark.anyio

NOTES_SERVER = [sys.executable, str(ROOT / "examples" / "notes_server.py")]


async def _confirm(context: object, params: types.ElicitRequestParams) -> types.ElicitResult:
    return types.ElicitResult(action="accept", content={"confirm": True})


@pytest.mark.parametrize("mode", ["2026-07-28", "legacy"])
async def test_notes_server_both_eras(tmp_path: Path, mode: str) -> None:
    (tmp_path / "welcome.md").write_text("hello from the notes")
    (tmp_path / "old.md").write_text("to be deleted")
    db = tmp_path / "ledger.db"
    argv = proxy_argv(db, [*NOTES_SERVER, str(tmp_path)], "--name", "notes", "--policy", str(TEST_POLICY))
    params = StdioServerParameters(command=argv[0], args=argv[1:], env=dict(os.environ))
    async with Client(params, mode=mode, elicitation_callback=_confirm) as client:
        assert (client.protocol_version == "2026-07-28") == (mode != "legacy")
        names = {t.name for t in (await client.list_tools()).tools}
        assert {"read_note", "write_note", "delete_note", "query"} <= names

        read = await client.call_tool("read_note", {"name": "welcome.md"})
        assert read.content[0].text == "hello from the notes"

        # The proxy's own result must validate in this era (the 2.x client rejects it otherwise).
        blocked = await client.call_tool("write_note", {"name": "x.md", "text": "block-me"})
        assert blocked.is_error and "test block" in blocked.content[0].text
        assert not (tmp_path / "x.md").exists()

        # delete_note asks for confirmation: mid-call elicitation (legacy) or an input_required
        # retry of the same tools/call (2026-07-28) — either way it crosses the proxy intact.
        deleted = await client.call_tool("delete_note", {"name": "old.md"})
        assert deleted.content[0].text == "deleted old.md"
        assert not (tmp_path / "old.md").exists()

    tools_judged = [r["tool"] for r in records(db, "decision")]
    assert tools_judged.count("delete_note") == (2 if mode != "legacy" else 1)  # every crossing is judged


@pytest.mark.parametrize(
    ("era_params", "expect_result_type"),
    [
        ({}, False),
        ({"_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28"}}, True),
    ],
)
async def test_proxy_built_results_match_the_era(tmp_path: Path, era_params: dict, expect_result_type: bool) -> None:
    argv = proxy_argv(tmp_path / "l.db", LINE_SERVER, "--policy", str(TEST_POLICY))
    async with RawProxy.start(argv) as proxy:
        if not expect_result_type:
            init = await proxy.initialize("2025-11-25")
            assert init["result"]["protocolVersion"] == "2025-11-25"
        resp = await proxy.request(
            1, "tools/call", {"name": "echo", "arguments": {"message": "block-me"}, **era_params}
        )
        result = resp["result"]
        assert result["isError"] is True
        assert ("resultType" in result) == expect_result_type
        if expect_result_type:
            assert result["resultType"] == "complete"


@pytest.mark.parametrize("approve", [True, False])
async def test_inline_approval_on_2026_is_an_input_required_round_trip(tmp_path: Path, approve: bool) -> None:
    """2026-07-28 has no server→client requests: the proxy answers a held call with input_required,
    the client asks its human and retries the same call, and only then is it forwarded (or refused)."""
    asked: list[str] = []

    async def human(context: object, params: types.ElicitRequestParams) -> types.ElicitResult:
        asked.append(params.message)
        return types.ElicitResult(action="accept", content={"approve": approve})

    db = tmp_path / "ledger.db"
    argv = proxy_argv(db, [*NOTES_SERVER, str(tmp_path)], "--name", "notes", "--policy", str(TEST_POLICY))
    params = StdioServerParameters(command=argv[0], args=argv[1:], env=dict(os.environ))
    async with Client(params, mode="2026-07-28", elicitation_callback=human) as client:
        res = await client.call_tool("write_note", {"name": "held.md", "text": "hold-me, then write"})
    assert len(asked) == 1 and "write_note" in asked[0]
    assert (tmp_path / "held.md").exists() == approve
    assert res.is_error != approve
    approval = records(db, "approval")[0]
    assert approval["channel"] == "elicitation" and approval["decision"] == ("approved" if approve else "denied")


async def test_2026_discover_instructions_are_pinned(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    argv = proxy_argv(db, [*NOTES_SERVER, str(tmp_path)], "--name", "notes")
    params = StdioServerParameters(command=argv[0], args=argv[1:], env=dict(os.environ))
    async with Client(params, mode="auto") as client:
        assert client.protocol_version == "2026-07-28"
        assert client.instructions and "Notes" in client.instructions
    pinned = {(r["tool"], r["change"]) for r in records(db, "pin_change")}
    assert ("@instructions", "first_use") in pinned
