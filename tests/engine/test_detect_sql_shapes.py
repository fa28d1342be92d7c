"""sql_injection, issue #2 second pass: break-out shapes (quoted operators, boolean arithmetic, `||` predicates, split keywords) and their hard negatives."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.detectors import paths, sql
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import RiskLevel, ToolCall


def _sev(tool: str, args: dict) -> RiskLevel | None:
    sigs = sql.detect(extract(ToolCall(tool_name=tool, arguments=args)))
    return max((s.severity for s in sigs), default=None)


def _query(q: str) -> RiskLevel | None:
    return _sev("execute_sql", {"query": q})


def _param(value: str) -> RiskLevel | None:
    return _sev("http_request", {"method": "GET", "url": f"https://shop.example.net/items?q={value}&page=2"})


@pytest.mark.parametrize(
    ("query", "want"),
    [
        # a number OR-ed with `||` to a predicate on another column (MySQL's OR spelled to pass filters)
        ("SELECT * FROM t WHERE cat = 7 || owner_id > 0", RiskLevel.CRITICAL),
        ("SELECT * FROM t WHERE id = 2 && role LIKE 'a%'", RiskLevel.HIGH),
        # ORDER BY a no-op wrapper of a column: column probing past `order by <name>` filters
        ("SELECT * FROM t WHERE id = 5 ORDER BY nvl(null, secret)", RiskLevel.HIGH),
        # a stored procedure right after a value, no `;`
        ("SELECT * FROM t WHERE name = 'a' execute sp_who", RiskLevel.HIGH),
        # a comparison whose slot holds only a comment
        ("SELECT * FROM t WHERE id = /* x */", RiskLevel.HIGH),
        ("SELECT * FROM t WHERE name LIKE /**/;", RiskLevel.HIGH),
        # MySQL executable comments outside literals, one hiding a quote
        ("SELECT * FROM t WHERE id = 2/*!'*/", RiskLevel.HIGH),
        ("SELECT * FROM t WHERE id = 9 /*!12345 */ LIMIT 3", RiskLevel.HIGH),
        # arithmetic with a boolean constant in a value slot
        ("SELECT * FROM t WHERE id = 4-false LIMIT 1", RiskLevel.HIGH),
        # a value slot that holds its own comparison / two adjacent literals
        ("SELECT * FROM t WHERE id = 2=2", RiskLevel.HIGH),
        ("SELECT * FROM t WHERE code = \\7=\\7and\\7=\\7", RiskLevel.HIGH),
        ("SELECT * FROM t WHERE u = 'a' 'b'", RiskLevel.HIGH),
        # payloads for a double-quoted context stored in a single-quoted literal (held, not blocked)
        ("SELECT a FROM t WHERE bio = '\"union select pw from users'", RiskLevel.HIGH),
        ("SELECT a FROM t WHERE tag = '\"|\"' AND b = 2", RiskLevel.HIGH),
    ],
)
def test_statement_breakout_shapes_are_held(query: str, want: RiskLevel) -> None:
    assert _query(query) == want, query


@pytest.mark.parametrize(
    "query",
    [
        "SELECT first || ' ' || last FROM people WHERE id = 3",
        "SELECT * FROM t WHERE code = a || b",
        "SELECT * FROM t ORDER BY coalesce(price, 0)",
        "SELECT * FROM t WHERE note = 'please exec sp_x later'",
        "SELECT * FROM t WHERE id = 3 /* primary */",
        "SELECT a FROM t WHERE YEAR =  ;",  # a generated query with a missing value: not an injection shape
        "SELECT * FROM t WHERE flag = true AND n = 5 - 1",
        "UPDATE t SET a = 1, b = 2 WHERE c = d",
        "SELECT * FROM t WHERE a = b AND c = d",
        "SELECT * FROM t WHERE u IN ('a', 'b')",
        "SELECT a FROM t WHERE quote = 'she said \"hi\" to me'",
        "SELECT a FROM t WHERE title = 'the \"union\" of select members'",
        "SELECT flight_id, up_date, data_base FROM union_station WHERE from_city = 'x'",
    ],
)
def test_ordinary_statements_stay_allowed(query: str) -> None:
    assert _query(query) is None, query


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("%27%7C%27", RiskLevel.HIGH),  # '|'
        ("%22%2F%22", RiskLevel.HIGH),  # "/"
        ("%25%22-%22%25", RiskLevel.HIGH),  # %"-"%  (inside LIKE wildcards)
        ("3-true", RiskLevel.HIGH),
        ("(0*false)", RiskLevel.HIGH),
        ("12||name%20is%20not%20null", RiskLevel.HIGH),
        ("name%20order%20by%20coalesce(null,password)", RiskLevel.HIGH),
        # keywords split by underscores (filters that strip `_` rebuild them)
        ("1%20UN_ION%20SEL_ECT%20user(),2", RiskLevel.CRITICAL),
        ("-1%20uni__on%20select%20con_cat(version())", RiskLevel.CRITICAL),
    ],
)
def test_breakout_values_in_url_parameters_are_intercepted(value: str, want: RiskLevel) -> None:
    assert _param(value) == want, value


@pytest.mark.parametrize(
    "value",
    ["%22*%22", "AT%26T", "up_date", "data_base", "union_station", "select_all", "10%20-%20true%20crime", "5685587||ORDER=||PAGE=2"],
)
def test_lookalike_url_parameters_stay_allowed(value: str) -> None:
    assert _param(value) is None, value


def test_prose_with_a_dash_before_true_is_not_a_probe() -> None:
    assert _sev("web_search", {"query": "top 10 - true crime podcasts"}) is None
    assert _sev("web_search", {"query": "rock 'n' roll"}) is None


@pytest.mark.parametrize("path", ["/assets//./././etc/shadow", "files//././root/.ssh/id_rsa", "static\\\\.\\.\\etc\\passwd"])
def test_spliced_root_padded_with_dot_segments_is_blocked(path: str) -> None:
    found = paths.judge_path(path)
    assert max(f[2] for f in found) == 3, (path, found)
    url = paths.detect(extract(ToolCall("http_request", {"url": "https://cdn.example.org/static//./././etc/shadow"})))
    assert max(s.severity for s in url) == RiskLevel.CRITICAL


@pytest.mark.parametrize("path", ["/usr/share/./doc/readme", "./src/./main.py", "docs//./guide.md"])
def test_dot_segments_in_ordinary_paths_stay_allowed(path: str) -> None:
    assert paths.judge_path(path) == [], path
    assert paths.detect(extract(ToolCall("http_request", {"url": f"https://x.example/{path.lstrip('./')}"}))) == []


@pytest.mark.parametrize("args", [{"password": "x' #"}, {"password": "letmein'/*"}, {"username": "root' -- -"}])
def test_comment_after_a_quote_in_a_login_field_is_intercepted(args: dict) -> None:
    # a password/username is interpolated into the credential check: the comment cuts it off
    assert (_sev("login", args) or 0) >= RiskLevel.HIGH, args


@pytest.mark.parametrize("args", [{"password": "p4ss'word#1"}, {"password": "correct horse battery staple"}, {"email": "o'neil@example.org"}])
def test_ordinary_login_fields_stay_allowed(args: dict) -> None:
    assert _sev("login", args) is None, args
