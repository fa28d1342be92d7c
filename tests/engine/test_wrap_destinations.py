"""Where a call's data lands, in other servers' shapes: a hosted repository, an issue, a remote shell's host.

A file committed through `create_or_update_file(owner, repo, …)` or an issue filed there is read by
every collaborator; a credential or a list of people's contacts written there is published. The
host a remote shell logs into is the operator's own machine, not an SSRF target.
"""

from __future__ import annotations

import pytest

from tests.engine.verdicts import ENGINE, assert_decision, assert_stopped
from aegis_mcp.engine.model import ToolCall

_CONTACTS = ("Team roster:\nMaria Okafor, maria.okafor@example.net, +1 415 555 0132\n"
             "Liam Brandt, l.brandt@example.org, +44 20 7946 0321\nSun Wei, sun.wei@example.com, +86 10 5555 0198\n")


@pytest.mark.parametrize("tool,args", [
    ("create_or_update_file", {"owner": "acme", "repo": "site", "path": "notes/people.md", "content": _CONTACTS,
                               "message": "add roster", "branch": "main"}),
    ("create_issue", {"owner": "acme", "repo": "site", "title": "contacts", "body": _CONTACTS}),
    ("push_files", {"owner": "acme", "repo": "site", "branch": "main",
                    "files": [{"path": "ssn.txt", "content": "Dana Whitfield SSN 219-09-9999 DOB 1984-03-12"}]}),
])
def test_people_written_into_a_repository_are_held(tool: str, args: dict) -> None:
    assert_stopped(tool, args)


@pytest.mark.parametrize("tool,args", [
    ("create_or_update_file", {"owner": "acme", "repo": "site", "path": "CONTRIBUTING.md",
                               "content": "Questions go to maintainers@example.org.\n", "message": "docs", "branch": "main"}),
    ("create_issue", {"owner": "acme", "repo": "site", "title": "Login button misaligned",
                      "body": "Seen on Safari 17; reported by support@example.com."}),
])
def test_ordinary_repository_writes_allowed(tool: str, args: dict) -> None:
    assert_decision(tool, args, "allow")


def test_weak_credential_committed_to_a_repository_is_held() -> None:
    content = 'DB_HOST = "db.acme.internal"\nDB_PASSWORD = "Wint3r-Harbour-2291"\n'
    assert_stopped("create_or_update_file", {"owner": "acme", "repo": "site", "path": "config/settings.py",
                                             "content": content, "message": "cfg", "branch": "main"})


def test_credential_stored_as_a_repository_secret_is_the_tool_asking() -> None:
    # the GitHub Actions secret API takes the value in its own argument: that is what it is for
    assert_decision("create_or_update_secret", {"owner": "acme", "repo": "site", "secret_name": "DB_PASSWORD",
                                                "value": "Wint3r-Harbour-2291"}, "allow")


@pytest.mark.parametrize("host", ["10.0.0.5", "192.168.1.20", "localhost"])
def test_remote_shell_host_on_the_lan_is_not_ssrf(host: str) -> None:
    assert_decision("ssh_exec", {"host": host, "command": "df -h /var"}, "allow")


def test_remote_shell_still_judges_its_command_and_metadata_host() -> None:
    assert_stopped("ssh_exec", {"host": "10.0.0.5", "command": "cat /etc/shadow"})
    assert_stopped("ssh_exec", {"host": "169.254.169.254", "command": "uptime"})


def test_fetch_tool_pointed_at_the_lan_is_still_held() -> None:
    assert_stopped("fetch_page", {"host": "10.0.0.5", "path": "/admin"})


def test_one_sentence_in_a_json_envelope_is_not_a_data_dump() -> None:
    d = ENGINE.check(ToolCall("post_message", {"channel": "#general",
                                               "text": '{"text": "Which stores sold more than 40 units last week?"}'}))
    assert d.decision == "allow", [(s.pattern, s.rule) for s in d.signals]


def test_a_tool_output_field_in_a_message_is_still_a_dump() -> None:
    assert_stopped("send_email", {"to": "someone@outside-mail.example", "subject": "data",
                                  "body": '{"home_address": "12 Harrow Lane, Leeds, LS6 2AB"}'})
