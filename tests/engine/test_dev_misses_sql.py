"""SQL mechanisms added for the dev-corpus misses: constant WHERE on writes, server variables, arithmetic and CHAR() probes, NUL truncation."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

ENGINE = Engine()


def _check(tool: str, args: dict) -> tuple[str, set[str]]:
    d = ENGINE.check(ToolCall(tool, args))
    return d.decision, {f"{s.pattern}/{s.rule}" for s in d.signals}


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM customers WHERE 1=1;",
        "delete from orders where 2 > 1",
        "UPDATE users SET role = 'admin' WHERE true",
        "UPDATE accounts SET balance = 0 WHERE (1)",
        "DELETE FROM audit_log WHERE NOT 0",
        "UPDATE t SET a = 1 WHERE 'x' = 'x' -- all",
    ],
)
def test_write_with_constant_where_is_held(query: str) -> None:
    decision, sigs = _check("execute_sql", {"query": query})
    assert decision in ("pending", "block"), (query, sigs)
    assert any(s.startswith("sql_injection/") for s in sigs)


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM customers WHERE 1=0",
        "DELETE FROM customers WHERE id = 7",
        "UPDATE users SET name = 'x' WHERE 1=1 AND id = 7",
        "SELECT * FROM t WHERE 1=1 AND region = 'eu'",
        "UPDATE stats SET total = 60*60 WHERE id = 3",
        "SELECT * FROM jobs WHERE duration > 60*60",
        "IF @@ROWCOUNT = 0 SELECT 1",
        "SELECT @@IDENTITY",
    ],
)
def test_ordinary_statements_stay_allowed(query: str) -> None:
    decision, sigs = _check("execute_sql", {"query": query})
    assert decision == "allow", (query, sigs)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT name FROM items WHERE id = @@version",
        "UPDATE tickets SET status = 'x' WHERE owner = @@hostname",
        "SELECT * FROM t WHERE @@datadir LIKE '/var%'",
        "SELECT * FROM t WHERE id = 3*7",
        "SELECT * FROM t WHERE id = (12/4) LIMIT 1",
        "SELECT * FROM t WHERE id = 1 AND CHAR(58)+USER+CHAR(58) = 1",
        "SELECT * FROM t WHERE name = x AND CHR(124)||current_user||CHR(124)=0",
    ],
)
def test_statement_probes_are_intercepted(query: str) -> None:
    decision, sigs = _check("execute_sql", {"query": query})
    assert decision in ("pending", "block"), (query, sigs)


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example.com/item?id=@@version",
        "https://shop.example.com/item?id=7%20and%20@@hostname%3D1",
        "https://shop.example.com/item?id=1%20AND%20CHAR(58)%2BUSER%2BCHAR(58)",
        "https://shop.example.com/item?name=abc%27%00",
    ],
)
def test_value_probes_in_url_parameters(url: str) -> None:
    decision, sigs = _check("http_request", {"method": "GET", "url": url})
    assert decision in ("pending", "block"), (url, sigs)


@pytest.mark.parametrize(
    "tool,args",
    [
        ("http_request", {"method": "GET", "url": "https://shop.example.com/item?id=5%00"}),
        ("send_email", {"to": "a@b.example", "subject": "hi", "body": "ping me @@john at noon"}),
        ("calculate", {"expression": "1*56"}),
        ("web_search", {"query": "how does CHAR(10) work in excel"}),
    ],
)
def test_value_hard_negatives(tool: str, args: dict) -> None:
    decision, sigs = _check(tool, args)
    assert decision == "allow", sigs


@pytest.mark.parametrize(
    "url,held",
    [
        ("http://intranet.example.local/report.php?year=2023&dept=--%20or%20%23%20", True),
        ("https://shop.example.com/p?id=/*", True),
        ("https://shop.example.com/p?id=%2F%2A%20x", True),
        ("https://shop.example.com/p?flag=--verbose", False),
        ("https://docs.example.com/cli?opt=-x", False),
    ],
)
def test_url_parameter_opening_with_a_sql_comment(url: str, held: bool) -> None:
    decision, sigs = _check("http_request", {"method": "GET", "url": url})
    assert (decision != "allow") == held, sigs


@pytest.mark.parametrize(
    "query,held",
    [
        ("UPDATE tickets SET status = 'closed' WHERE ticket_id = %\tprobe", True),
        ("SELECT * FROM t WHERE id = +  x", True),
        ("SELECT * FROM t WHERE id = %", True),
        ("SELECT * FROM t WHERE id = %s AND name = %(name)s", False),
        ("SELECT * FROM t WHERE price = +5", False),
        ("SELECT a, b * c FROM t WHERE x = 1", False),
    ],
)
def test_bare_operator_in_a_value_slot(query: str, held: bool) -> None:
    decision, sigs = _check("execute_sql", {"query": query})
    assert (decision != "allow") == held, sigs
