"""Argument (option) injection: a repo URL, host, file or branch value that is a command-running program option."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

ENGINE = Engine()


@pytest.mark.parametrize(
    "tool,args,want",
    [
        ("git_clone", {"url": "--upload-pack=touch /tmp/pwned"}, "block"),
        ("create_archive", {"filename": "--checkpoint-action=exec=sh shell.sh"}, "block"),
        ("git_checkout", {"branch": "--config=core.pager=sh -c id"}, "block"),
        ("git_fetch", {"remote": "-c core.sshCommand=sh"}, "block"),
        ("download", {"url": "--output=/var/www/html/x.php", "src": "https://x.example/s"}, "pending"),
        ("git_clone", {"url": "https://github.com/acme/app.git"}, "allow"),
        ("run_tests", {"args": "--verbose"}, "allow"),
        ("set_option", {"flag": "--output=json"}, "allow"),
        ("search", {"q": "-exec"}, "allow"),
        ("post_message", {"channel": "#x", "text": "--exec is a flag of find"}, "allow"),
        ("post_message", {"channel": "#x", "text": "-- see you tomorrow"}, "allow"),
    ],
)
def test_option_injection(tool: str, args: dict, want: str) -> None:
    d = ENGINE.check(ToolCall(tool, args))
    assert d.decision == want, [(s.pattern, s.rule, s.severity.name) for s in d.signals]
