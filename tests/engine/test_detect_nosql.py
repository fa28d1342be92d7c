"""nosql_injection detector: operator objects and $where JavaScript where values belong; ordinary Mongo queries stay allowed."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.detectors import nosql
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import RiskLevel, ToolCall


def _max(tool: str, args: dict) -> RiskLevel | None:
    sigs = nosql.detect(extract(ToolCall(tool_name=tool, arguments=args)))
    return max((s.severity for s in sigs), default=None)


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("login", {"username": {"$ne": None}, "password": {"$ne": None}}),
        ("login", {"username": "admin", "password": {"$gt": ""}}),
        ("get_profile", {"user": {"$regex": ".*"}}),
        ("reset_password", {"email": {"$exists": True}, "token": {"$nin": []}}),
        ("login", {"$or": [{"username": "a"}, {"username": {"$ne": "b"}}]}),
        # JSON inside a string: the application parses it, so the operator object is real
        ("login", {"username": "{\"$ne\": null}", "password": "{\"$ne\": null}"}),
        ("signin", {"credentials": "{\"user\": \"admin\", \"pass\": {\"$gt\": \"\"}}"}),
        # query-string bracket form, raw and percent-encoded, in keys and in URLs
        ("login", {"username[$ne]": "x", "password[$ne]": "x"}),
        ("http_get", {"url": "https://shop.example/login?user[$ne]=a&pass[$ne]=b"}),
        ("http_get", {"url": "https://shop.example/login?user%5B%24regex%5D=.*"}),
        # $where with JavaScript: timing, secret reads, tautologies, even through a database tool
        ("search", {"filter": {"$where": "sleep(5000)"}}),
        ("mongo_find", {"collection": "users", "filter": {"$where": "this.password.match(/^a.*/)"}}),
        ("mongo_find", {"collection": "users", "filter": {"$where": "function() { return true; }"}}),
        ("lookup_user", {"q": "{\"$where\": \"while(true){}\"}"}),
        # break-outs typed into a value that lands in a $where string
        ("lookup_user", {"name": "admin' || 'a'=='a"}),
        ("lookup_user", {"name": "'; return true; var x='"}),
        ("lookup_user", {"name": "x'; sleep(5000); var y='"}),
        # operator syntax that is not strict JSON
        ("lookup_user", {"name": "{$ne: 1}"}),
        ("lookup_user", {"name": "true, $where: '1 == 1'"}),
    ],
)
def test_injection_is_blocked(tool: str, args: dict) -> None:
    assert _max(tool, args) == RiskLevel.CRITICAL
    assert Engine().check(ToolCall(tool_name=tool, arguments=args)).decision == "block"


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        # a tautology or a probe on a credential field is odd even in a database tool: held
        ("mongo_find", {"collection": "users", "filter": {"password": {"$ne": None}}}),
        ("db_find", {"collection": "users", "filter": {"password": {"$regex": "^a"}}}),
        ("search_records", {"filter": {"api_key": {"$gt": ""}}}),
    ],
)
def test_credential_probe_in_a_query_is_held(tool: str, args: dict) -> None:
    assert _max(tool, args) == RiskLevel.HIGH


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("mongo_find", {"collection": "users", "filter": {"age": {"$gt": 30}}}),
        ("find", {"collection": "orders", "filter": {"status": {"$in": ["open", "paid"]}}, "sort": {"created": -1}}),
        ("aggregate", {"collection": "orders", "pipeline": [
            {"$match": {"total": {"$gte": 100}, "$or": [{"region": "eu"}, {"region": "us"}]}},
            {"$group": {"_id": "$customer", "n": {"$sum": 1}}},
        ]}),
        ("search_products", {"query": {"price": {"$lt": 20}, "tags": {"$all": ["red", "xl"]}}}),
        ("mongo_find", {"collection": "t", "filter": {"$where": "this.credits > this.debits"}}),
        ("mongo_update", {"collection": "users", "filter": {"_id": "42"}, "update": {"$set": {"name": "Ann"}}}),
        # JSON Schema and JSON-LD vocabulary is not an operator
        ("validate", {"schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/x"}}),
        # a Mongo query written to a file is data
        ("write_file", {"path": "q.json", "content": "{\"username\": {\"$ne\": null}}"}),
        # prices, shell variables, prose
        ("send_message", {"text": "It costs $5, and the 'a' || 'b' operators are JS; see {\"a\": 1}"}),
        ("run_command", {"command": "echo $HOME && ls"}),
        ("search", {"q": "mongodb $ne operator example"}),
    ],
)
def test_ordinary_queries_and_data_are_not_blocked(tool: str, args: dict) -> None:
    level = _max(tool, args)
    assert level is None or level <= RiskLevel.MEDIUM
    assert Engine().check(ToolCall(tool_name=tool, arguments=args)).decision != "block"


def test_signal_points_at_the_operator() -> None:
    sigs = nosql.detect(extract(ToolCall(tool_name="login", arguments={"user": "a", "password": {"$ne": None}})))
    assert [s.path for s in sigs] == ["/password/$ne"]
    assert sigs[0].pattern == "nosql_injection" and "password" in sigs[0].detail


def test_function_operator_body_is_judged_as_javascript() -> None:
    args = {"collection": "users", "filter": {"$expr": {"$function": {
        "body": "function() { sleep(5000); return true; }", "args": [], "lang": "js"}}}}
    assert _max("mongo_find", args) == RiskLevel.CRITICAL
    ok = {"collection": "t", "filter": {"$expr": {"$function": {"body": "function(a) { return a * 2 > 10; }", "args": ["$x"], "lang": "js"}}}}
    assert _max("mongo_find", ok) == RiskLevel.MEDIUM


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        # Strapi-style REST filters are a query language carried in the query string
        ("http_get", {"url": "https://cms.example.org/api/articles?filters[title][$eq]=hello&filters[views][$gt]=10"}),
        ("http_get", {"url": "https://cms.example.org/api/articles?filters%5Bcategory%5D%5B%24in%5D=news"}),
        # GraphQL variables are spelled `$where` too
        ("graphql", {"document": "query Users($where: users_bool_exp) { users(where: $where) { id } }"}),
    ],
)
def test_query_languages_in_urls_and_graphql_are_not_blocked(tool: str, args: dict) -> None:
    assert Engine().check(ToolCall(tool_name=tool, arguments=args)).decision != "block"


def test_a_credential_probe_through_rest_filters_is_held() -> None:
    url = "https://cms.example.org/api/users?filters[password][$regex]=^a"
    assert _max("http_get", {"url": url}) == RiskLevel.HIGH


def test_a_comparison_on_an_ordinary_field_of_a_generic_tool_is_held_not_blocked() -> None:
    assert _max("list_products", {"price": {"$lt": 20}}) == RiskLevel.HIGH
    assert _max("list_products", {"user": {"$gt": ""}}) == RiskLevel.CRITICAL  # a credential field
    assert _max("list_products", {"name": {"$ne": "x"}}) == RiskLevel.CRITICAL  # matches everything
