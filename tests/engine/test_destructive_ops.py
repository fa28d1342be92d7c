"""Structured delete tools: a whole container of data is held for a human; something smaller inside it is not."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

ENGINE = Engine(memo=False)


@pytest.mark.parametrize("tool, args", [
    ("delete_repository", {"owner": "acme", "repo": "billing"}),
    ("dropDatabase", {"name": "orders"}),
    ("delete_s3_bucket", {"bucket": "acme-backups"}),
    ("drop_database_if_exists", {"name": "orders"}),
])
def test_deleting_a_whole_container_is_held(tool: str, args: dict) -> None:
    decision = ENGINE.check(ToolCall(tool, args))
    assert decision.decision in ("pending", "block")
    assert any(s.pattern == "destructive_operation" for s in decision.signals)


@pytest.mark.parametrize("tool, args", [
    ("remove_project_member", {"project": "apollo", "user": "dana"}),
    ("delete_bucket_policy", {"bucket": "acme-public-assets"}),
    ("delete_account_note", {"account": "ACME-19", "note_id": 7}),
    ("list_databases", {}),
])
def test_deleting_something_inside_a_container_is_not_a_container_delete(tool: str, args: dict) -> None:
    decision = ENGINE.check(ToolCall(tool, args))
    assert not any(s.pattern == "destructive_operation" for s in decision.signals)
