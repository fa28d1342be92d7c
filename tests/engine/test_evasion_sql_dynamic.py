"""Dynamic SQL is judged as the statement it runs: `EXEC('DR' + 'OP TABLE t')` is `DROP TABLE t`."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.detectors.sql_normal import dynamic_statements, normalise
from tests.engine.verdicts import assert_decision, assert_stopped


@pytest.mark.parametrize("wrapped,plain", [
    ("EXEC('DR' + 'OP TABLE users')", "DROP TABLE users"),
    ("EXEC sp_executesql N'DROP TABLE users'", "DROP TABLE users"),
    ("execute ( 'TRUNC' || 'ATE TABLE orders' )", "TRUNCATE TABLE orders"),
    ("EXEC('xp_' + 'cmdshell ''whoami''')", "xp_cmdshell 'whoami'"),
])
def test_dynamic_statements_are_unwrapped(wrapped: str, plain: str) -> None:
    assert dynamic_statements(wrapped) == [plain]


@pytest.mark.parametrize("attack,benign", [
    ("SELECT * FROM users WHERE id = 1; EXEC('xp_' + 'cmdshell ''whoami''')",
     "SELECT * FROM users WHERE id = 1; EXEC('SELECT ' + 'name FROM users')"),
    ("EXEC('DR' + 'OP TABLE users')", "EXEC('SEL' + 'ECT name FROM users')"),
    ("EXEC sp_executesql N'DROP TABLE users'", "EXEC sp_executesql N'SELECT name FROM users WHERE id = @id', N'@id int', @id = 3"),
])
def test_dynamic_sql_attack_and_benign_twin(attack: str, benign: str) -> None:
    assert_stopped("execute_sql", {"query": attack})
    assert_decision("execute_sql", {"query": benign}, "allow")


def test_normal_form_reads_the_executed_string() -> None:
    low, _ = normalise("SELECT 1; EXEC('xp_' + 'cmdshell ''dir''')")
    assert "exec xp_cmdshell 'dir'" in low
    assert dynamic_statements("SELECT 'exec' FROM t") == []  # the word alone is no dynamic SQL
