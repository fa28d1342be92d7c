"""Every server-everything feature through the proxy, driven by the mcp SDK client, plus the
firewall on its tools/call path (a blocked call never reaches it; the decision is in the ledger)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import anyio
import mcp_types as types
import pytest

from tests.proxy.conftest import EVERYTHING, TEST_POLICY, WAIT_S, RawProxy, proxy_argv, records, sdk_session

pytestmark = pytest.mark.anyio


async def _sampling(context: Any, params: types.CreateMessageRequestParams) -> types.CreateMessageResult:
    return types.CreateMessageResult(
        role="assistant", content=types.TextContent(type="text", text="sampled by the test"), model="test-model"
    )


async def _elicit(context: Any, params: types.ElicitRequestParams) -> types.ElicitResult:
    return types.ElicitResult(action="decline")


async def _roots(context: Any) -> types.ListRootsResult:
    return types.ListRootsResult(roots=[types.Root(uri="file:///tmp/test-root", name="test-root")])


async def test_everything_features_through_proxy(db: Path) -> None:
    logs: list[Any] = []
    progress: list[float] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        progress.append(value)

    async with sdk_session(
        db, EVERYTHING, "--name", "everything", "--policy", str(TEST_POLICY),
        sampling_callback=_sampling, elicitation_callback=_elicit, list_roots_callback=_roots,
        logging_callback=on_log,
    ) as s:
        tools = {t.name: t for t in (await s.list_tools()).tools}
        assert {"echo", "get-sum", "trigger-sampling-request", "get-roots-list"} <= set(tools)

        # tools: plain, structured content, images, annotations
        echo = await s.call_tool("echo", {"message": "hello through the proxy"})
        assert not echo.is_error and echo.content[0].text == "Echo: hello through the proxy"
        total = await s.call_tool("get-sum", {"a": 2, "b": 40})
        assert "42" in total.content[0].text
        structured = await s.call_tool("get-structured-content", {"location": "New York"})
        assert structured.structured_content is not None and "temperature" in structured.structured_content
        image = await s.call_tool("get-tiny-image", {})
        assert any(c.type == "image" for c in image.content)

        # server → client requests: sampling, elicitation, roots (their own id space)
        sampled = await s.call_tool("trigger-sampling-request", {"prompt": "hi", "maxTokens": 5})
        assert "sampled by the test" in sampled.content[0].text
        elicited = await s.call_tool("trigger-elicitation-request", {})
        assert "decline" in elicited.content[0].text
        roots = await s.call_tool("get-roots-list", {})
        assert "test-root" in roots.content[0].text

        # progress notifications for a long-running call
        done = await s.call_tool("trigger-long-running-operation", {"duration": 0.3, "steps": 3},
                                 progress_callback=on_progress)
        assert not done.is_error and progress == [1, 2, 3]

        # resources, templates, subscriptions
        resources = (await s.list_resources()).resources
        assert resources
        first = await s.read_resource(resources[0].uri)
        assert first.contents
        templates = (await s.list_resource_templates()).resource_templates
        assert any("{" in t.uri_template for t in templates)
        with warnings.catch_warnings():  # deprecated in 2026-07-28, still part of 2025-11-25
            warnings.simplefilter("ignore")
            await s.subscribe_resource(str(resources[0].uri))
            await s.unsubscribe_resource(str(resources[0].uri))

        # prompts and completion
        prompts = {p.name for p in (await s.list_prompts()).prompts}
        assert {"simple-prompt", "args-prompt", "completable-prompt"} <= prompts
        got = await s.get_prompt("args-prompt", {"city": "Paris"})
        assert "Paris" in str(got.messages[0].content)
        completion = await s.complete(
            types.PromptReference(type="ref/prompt", name="completable-prompt"),
            {"name": "department", "value": "E"},
        )
        assert "Engineering" in completion.completion.values

        # logging: level control and server log messages
        with warnings.catch_warnings():  # deprecated in 2026-07-28, still part of 2025-11-25
            warnings.simplefilter("ignore")
            await s.set_logging_level("debug")
        await s.call_tool("toggle-simulated-logging", {})
        with anyio.fail_after(WAIT_S):
            while not logs:
                await anyio.sleep(0.05)
        await s.call_tool("toggle-simulated-logging", {})

        # ping
        await s.send_ping()

        # the firewall: a call the policy blocks gets an isError result with the reason
        blocked = await s.call_tool("echo", {"message": "please block-me now"})
        assert blocked.is_error
        text = blocked.content[0].text
        assert "blocked" in text and "test block" in text and "risk HIGH" in text

    decisions = records(db, "decision")
    by_tool = [(r["tool"], r["decision"]) for r in decisions]
    assert ("echo", "allow") in by_tool and ("echo", "block") in by_tool
    assert all(r["server"] == "everything" and r["session_id"] and len(r["args_sha256"]) == 64 for r in decisions)
    # identity comes from the client's clientInfo, not from anything the model wrote
    assert {r["agent_id"] for r in decisions} == {"mcp"}


async def test_cancellation_is_relayed(db: Path) -> None:
    """A client cancelling a forwarded call reaches the upstream; the session stays usable."""
    async with sdk_session(db, EVERYTHING) as s:
        async with anyio.create_task_group() as tg:
            async def long_call() -> None:
                with pytest.raises(Exception):
                    await s.call_tool("trigger-long-running-operation", {"duration": 30, "steps": 3},
                                      read_timeout_seconds=0.5)

            tg.start_soon(long_call)
        echo = await s.call_tool("echo", {"message": "still alive"})
        assert echo.content[0].text == "Echo: still alive"


async def test_task_augmented_call_is_judged_and_its_result_scanned(db: Path) -> None:
    """server-everything's tasks: policy at the call; the result, fetched later via tasks/result, is scanned."""
    async with RawProxy.start(proxy_argv(db, EVERYTHING)) as proxy:
        await proxy.initialize(capabilities={"elicitation": {}, "tasks": {}})
        listed = await proxy.request(1, "tools/list")
        assert "simulate-research-query" in {t["name"] for t in listed["result"]["tools"]}
        created = await proxy.request(2, "tools/call", {"name": "simulate-research-query",
                                                        "arguments": {"topic": "bees"}, "task": {"ttl": 60000}})
        task_id = created["result"]["task"]["taskId"]
        with anyio.fail_after(2 * WAIT_S):
            for i in range(10_000):  # bounded by the time limit, not by a count
                status = (await proxy.request(10 + i, "tasks/get", {"taskId": task_id}))["result"]["status"]
                if status != "working":
                    break
                await anyio.sleep(0.2)
        assert status == "completed"
        result = await proxy.request(99_999, "tasks/result", {"taskId": task_id})
        assert "Research Report: bees" in result["result"]["content"][0]["text"]
    kinds = [(r["kind"], r.get("tool")) for r in records(db) if r["kind"] in ("decision", "result_scan")]
    assert kinds == [("decision", "simulate-research-query"), ("result_scan", "simulate-research-query")]


async def test_everything_with_a_2026_client_falls_back_through_the_proxy(db: Path) -> None:
    """A 2.x client in auto mode probes server/discover; server-everything (handshake era only)
    refuses it, the refusal crosses the proxy, and the client falls back to initialize."""
    import os

    from mcp import StdioServerParameters
    from mcp.client import Client

    argv = proxy_argv(db, EVERYTHING, "--policy", str(TEST_POLICY))
    params = StdioServerParameters(command=argv[0], args=argv[1:], env=dict(os.environ))
    async with Client(params, mode="auto", sampling_callback=_sampling) as client:
        assert client.protocol_version == "2025-11-25"
        assert "echo" in {t.name for t in (await client.list_tools()).tools}
        echo = await client.call_tool("echo", {"message": "hi"})
        assert echo.content[0].text == "Echo: hi"
        sampled = await client.call_tool("trigger-sampling-request", {"prompt": "hi", "maxTokens": 5})
        assert "sampled by the test" in sampled.content[0].text
        blocked = await client.call_tool("echo", {"message": "block-me"})
        assert blocked.is_error and "test block" in blocked.content[0].text
