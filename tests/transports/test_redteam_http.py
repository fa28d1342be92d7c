"""The 2026-07-28 HTTP front and a server that still sends server→client requests (sampling,
elicitation, roots): 2026 forbids them (input_required results replace them), and a 2026 client
has no channel to answer one, so the front answers for it the way the SDK's own 2026 connection
does (NoBackChannelError: INVALID_REQUEST, "no back-channel for server-initiated requests"), at
once, instead of leaving the server waiting or claiming the method does not exist."""

from __future__ import annotations

import json
from pathlib import Path

import httpx2
import pytest

from tests.proxy.conftest import LINE_SERVER, WAIT_S
from tests.transports.test_proxy_http_front import http_proxy

pytestmark = pytest.mark.anyio

META = {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientInfo": {"name": "c", "version": "1"},
        "io.modelcontextprotocol/clientCapabilities": {}}


async def test_a_server_request_on_the_2026_front_is_refused_as_the_sdk_does(tmp_path: Path) -> None:
    from mcp.shared.exceptions import NoBackChannelError

    expected = NoBackChannelError("roots/list")
    async with http_proxy(tmp_path / "l.db", "--", *LINE_SERVER) as url:
        body = {"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                "params": {"name": "ask_client", "arguments": {"method": "roots/list"}, "_meta": META}}
        headers = {"accept": "application/json, text/event-stream", "mcp-protocol-version": "2026-07-28",
                   "mcp-method": "tools/call", "mcp-name": "ask_client"}
        async with httpx2.AsyncClient(timeout=WAIT_S) as http:
            resp = await http.post(url, json=body, headers=headers)
    assert resp.status_code == 200, resp.text
    text = resp.json()["result"]["content"][0]["text"]
    answered = json.loads(text.removeprefix("client answered: "))
    assert answered["error"] == {"code": expected.error.code, "message": expected.error.message}
