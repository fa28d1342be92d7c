"""A tool result read out of a credential store (.env, database.yml, ~/.aws/credentials) has its generic
credentials redacted; the same lines in an ordinary document are only recorded."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall
from aegis_mcp.engine.result_source import secret_source

DOTENV = "APP_NAME=billing\nDB_PASSWORD=correct-horse-battery-staple\nSESSION_SECRET=s3cr3t-value-123\nDEBUG=false\n"


@pytest.mark.parametrize("args", [
    {"path": "/home/dev/project/.env"},
    {"path": "C:\\srv\\billing\\.env.production"},
    {"paths": ["/srv/app/README.md", "/srv/app/config/database.yml"]},
    {"uri": "file:///home/dev/.aws/credentials"},
])
def test_a_credential_store_read_is_redacted(args: dict[str, object]) -> None:
    d = Engine().check_result(ToolCall("read_text_file", args), DOTENV)
    assert d.decision == "redact", d
    assert "correct-horse-battery-staple" not in d.redacted_text and "s3cr3t-value-123" not in d.redacted_text
    assert "APP_NAME=billing" in d.redacted_text and "DEBUG=false" in d.redacted_text  # the rest stays readable


@pytest.mark.parametrize("args", [{"path": "/home/dev/project/.env.example"}, {"path": "/home/dev/notes/setup.md"}, {}])
def test_the_same_lines_elsewhere_are_not_redacted(args: dict[str, object]) -> None:
    # a template holds names, a how-to holds examples: the generic credential is recorded, not removed
    assert Engine().check_result(ToolCall("read_text_file", args), DOTENV).decision == "allow"


def test_the_decision_memo_tells_the_sources_apart() -> None:
    engine = Engine()
    assert engine.check_result(ToolCall("read_text_file", {"path": "docs/setup.md"}), DOTENV).decision == "allow"
    # same tool, same text, now read out of a .env: a memoised "allow" must not answer it
    assert engine.check_result(ToolCall("read_text_file", {"path": ".env"}), DOTENV).decision == "redact"


def test_secret_source_names_only_credential_stores() -> None:
    assert secret_source({"path": "/home/u/.ssh/id_ed25519"}) == "ssh_private_key"
    assert secret_source({"path": "/etc/passwd"}) is None  # no secrets in it
    assert secret_source({"path": "/var/log/nginx/error.log"}) is None
    assert secret_source({"query": "/home/u/.env"}) is None  # not a path argument
    assert secret_source(["/home/u/.env"]) is None
