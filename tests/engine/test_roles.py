"""Role inference: by schema, argument name (head noun), tool kind and content shape."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.detectors.base import Role
from aegis_mcp.engine.extract import tool_words
from aegis_mcp.engine.roles import infer_role, tool_roles


def role(tool: str, name: str, value: str, schema: dict | None = None) -> Role:  # type: ignore[type-arg]
    words = tool_words(tool)
    return infer_role(name, value, words, tool_roles(words), schema)


@pytest.mark.parametrize(
    ("tool", "name", "value", "expected"),
    [
        # SQL: the query of a database tool, and SQL-shaped content in an oddly named field
        ("execute_sql", "query", "select count(*) from singer", Role.SQL),
        ("run_query", "q", "SELECT 1", Role.SQL),
        ("postgres_execute", "statement", "DELETE FROM t WHERE id=1", Role.SQL),
        ("DatabaseTool", "input", "SELECT * FROM users", Role.SQL),
        ("report_builder", "filter", "SELECT name FROM users WHERE id = 1 OR 1=1", Role.SQL),
        ("web_search", "query", "best pizza in Naples", Role.TEXT),
        # SHELL
        ("run_command", "command", "ls -la", Role.SHELL),
        ("bash", "cmd", "echo hi", Role.SHELL),
        ("shell_exec", "args", "-rf /", Role.SHELL),
        ("terminal", "input", "whoami", Role.SHELL),
        ("container_tools", "command", "docker ps", Role.SHELL),
        # PATH: head noun decides
        ("read_file", "path", "src/main.py", Role.PATH),
        ("SpokeoDownloadPublicRecord", "local_file_path", "/tmp/record.pdf", Role.PATH),
        ("DropboxListFilesAndFolders", "cloud_folder_path", "/MyDropbox/Docs", Role.PATH),
        ("EpicFHIRDownloadFiles", "file_ids", "abc123", Role.IDENT),
        ("convert_image", "filename", "photo.png", Role.PATH),
        ("copy_file", "destination", "backup/x.txt", Role.PATH),
        ("generic_tool", "target", "../../etc/passwd", Role.PATH),
        # URL: by name and by shape
        ("fetch_url", "url", "https://example.com", Role.URL),
        ("dns_lookup", "hostname", "example.com", Role.URL),
        ("WebBrowserNavigateTo", "url", "https://x.org", Role.URL),
        ("http_request", "target", "http://169.254.169.254/latest", Role.URL),
        ("book_table", "notes", "https://evil.example/p", Role.URL),
        ("read_file", "path", "file:///etc/passwd", Role.URL),
        # EMAIL
        ("send_email", "to", "amy@example.com", Role.EMAIL),
        ("GmailSendEmail", "cc", "a@b.org", Role.EMAIL),
        ("calendar_invite", "attendee", "bob@example.org", Role.EMAIL),
        ("GmailSearchEmails", "from", "last week", Role.TEXT),
        # CONTENT: data being written
        ("write_file", "content", "import os; os.system('ls')", Role.CONTENT),
        ("send_email", "body", "Hello; see you", Role.CONTENT),
        ("create_document", "content", "Quarterly report", Role.CONTENT),
        ("edit_file", "new_content", "x = 1", Role.CONTENT),
        ("github_create_file", "code", "print(1)", Role.CONTENT),
        # TEXT: prose
        ("post_message", "text", "Hi team, lunch at noon?", Role.TEXT),
        ("send_email", "subject", "Weekly sync", Role.TEXT),
        ("ask_llm", "prompt", "Summarise this article", Role.TEXT),
        # IDENT
        ("AmazonGetProductDetails", "product_id", "B08KFQ9HK5", Role.IDENT),
        ("get_weather", "city", "Paris", Role.IDENT),
        ("convert_currency", "currency", "EUR", Role.IDENT),
        ("book_flight", "date", "2025-03-01", Role.IDENT),
        ("calculator", "expression", "2+2", Role.IDENT),
    ],
)
def test_roles(tool: str, name: str, value: str, expected: Role) -> None:
    assert role(tool, name, value) is expected


@pytest.mark.parametrize(
    ("schema", "value", "expected"),
    [
        ({"type": "string", "format": "uri"}, "abc", Role.URL),
        ({"type": "string", "format": "email"}, "abc", Role.EMAIL),
        ({"type": "string", "format": "date-time"}, "2024-01-01T00:00:00Z", Role.IDENT),
        ({"type": "string", "description": "The SQL statement to run"}, "anything", Role.SQL),
        ({"type": "string", "description": "Shell command to execute"}, "ls", Role.SHELL),
        ({"type": "string", "description": "Absolute file path to read"}, "x", Role.PATH),
        ({"type": "string", "contentMediaType": "text/markdown"}, "# hi", Role.CONTENT),
        ({"type": "string", "enum": ["a", "b"]}, "a", Role.IDENT),
    ],
)
def test_schema_wins_over_an_uninformative_name(schema: dict, value: str, expected: Role) -> None:  # type: ignore[type-arg]
    assert role("do_thing", "arg1", value, schema) is expected


@pytest.mark.parametrize(
    ("tool", "kind"),
    [
        ("execute_sql", "sql"), ("run_query", "sql"), ("sqlite_read", "sql"), ("web_search", "http"), ("search_notes", ""),
        ("run_command", "shell"), ("bash", "shell"), ("execute_python", "code"), ("read_file", "file"),
        ("fetch_url", "http"), ("http_request", "http"), ("get_weather", ""), ("GmailSendEmail", ""),
    ],
)
def test_tool_kinds(tool: str, kind: str) -> None:
    assert tool_roles(tool_words(tool)) == kind
