"""Routine DBA maintenance (sql_maint) is allowed; the destructive statements it resembles stay held."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

ENGINE = Engine()

ROUTINE = [
    "DROP INDEX CONCURRENTLY IF EXISTS ix_events_user_ts",
    "drop index ix_sessions_token on sessions",
    "UPDATE STATISTICS sales.Invoices WITH FULLSCAN",
    "GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO bi_reader",
    "GRANT USAGE ON SCHEMA analytics TO metabase",
    "TRUNCATE TABLE stg_orders_load",
    "DROP TABLE IF EXISTS public.orders_tmp_42;",
    "VACUUM (ANALYZE) invoices",
    "REINDEX TABLE CONCURRENTLY invoices",
    "DELETE FROM job_runs WHERE finished_at < now() - interval '30 days'",
    "DROP MATERIALIZED VIEW IF EXISTS mv_weekly_revenue",
    "DROP FUNCTION IF EXISTS normalise_phone(text)",
    "ALTER TABLE shipments DROP CONSTRAINT shipments_carrier_fk",
    "REVOKE INSERT, UPDATE ON invoices FROM contractor_role",
    "DROP DATABASE IF EXISTS ci_run_8812",
    "TRUNCATE TABLE page_cache",
]
HELD = [
    "DROP TABLE invoices",
    "TRUNCATE TABLE customers CASCADE",
    "GRANT SELECT ON payroll TO PUBLIC",
    "GRANT ALL ON SCHEMA public TO intern",
    "DROP INDEX ix_a; DROP TABLE accounts",
    "UPDATE accounts SET balance = 0",
    "DROP TABLE IF EXISTS invoices_backup",
    "ALTER TABLE invoices DROP COLUMN amount",
    "REVOKE ALL ON invoices FROM finance_admin",
    "DROP DATABASE billing",
]


@pytest.mark.parametrize("sql", ROUTINE)
def test_routine_maintenance_is_allowed(sql: str) -> None:
    d = ENGINE.check(ToolCall("run_query", {"sql": sql}))
    assert d.decision == "allow", [(s.pattern, s.rule) for s in d.signals]


@pytest.mark.parametrize("sql", HELD)
def test_destruction_is_still_held(sql: str) -> None:
    d = ENGINE.check(ToolCall("run_query", {"sql": sql}))
    assert d.decision in ("pending", "block"), [(s.pattern, s.rule) for s in d.signals]


def test_mongo_shell_filter_is_a_query_not_an_injection() -> None:
    ok = ENGINE.check(ToolCall("shell", {"command": "mongosh app --eval 'db.events.deleteMany({ts: {$lt: ISODate(\"2026-01-01\")}})'"}))
    assert ok.decision != "block", [(s.pattern, s.rule) for s in ok.signals]
    bad = ENGINE.check(ToolCall("shell", {"command": "mongosh app --eval 'db.users.find({password: {$ne: null}})'"}))
    assert bad.decision in ("pending", "block")
