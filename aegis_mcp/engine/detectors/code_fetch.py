"""Whether a URL inside code is fetched by it: `fetch("…")`, `requests.get('…')`, `page.goto("…")`, `$.get("…")`.

A URL quoted in prose is a mention; the same URL as the first argument of a fetching call in a
snippet handed to `browser_evaluate` or a code runner is a request the tool makes, judged like a
`url` argument (SSRF targets, traversal and injection in its path and parameters).
"""

from __future__ import annotations

from aegis_mcp.engine import regex

FETCH_CALL = regex.compile(
    r"(?i)(?:\bfetch|\burlopen|\brequests\.(?:get|post|put|request)|\bhttpx\.(?:get|post)|\baxios(?:\.(?:get|post))?"
    r"|\$\.(?:get|post|ajax|getJSON)|\bhttps?\.get|\bgoto|\bnavigate|\bopen\s*\(\s*['\"](?:get|post)['\"]\s*,|\bRequest"
    r"|\bimportScripts|location(?:\.href)?\s*=)\s*\(?\s*['\"`]\s*$"
)


def fetched_by_code(text: str, start: int) -> bool:
    """Is the URL starting at `start` the quoted first argument of a fetching call?"""
    return start > 0 and FETCH_CALL.search(text[max(0, start - 48):start]) is not None
