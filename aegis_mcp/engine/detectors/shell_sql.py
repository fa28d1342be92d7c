"""SQL passed to a database client on a command line (`sqlite3 db "DROP TABLE users"`, `psql -c`, `mysql -e`), judged by the SQL detector.

The shell detector sees a harmless program and a quoted string; the database sees a
statement. The statement is pulled out of the client's arguments and handed to the SQL
detector as a SQL-role argument of a SQL tool, so a stacked DROP or a tautology is judged
exactly as it would be through `execute_sql`.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import shell_parse as P
from aegis_mcp.engine.detectors import sql
from aegis_mcp.engine.detectors.base import R_SQL, Fragment, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

GATE = regex.compile(r"(?i)\b(?:sqlite3?|duckdb|psql|mysql|mariadb|sqlcmd|clickhouse(?:-client)?|cockroach|snowsql|osqueryi|usql)\b")
def maybe(command: str) -> bool:
    """Cheap pre-check (substring tests, then RE2): could this line run a database client?"""
    hint = "sql" in command or "duckdb" in command or "mariadb" in command or "clickhouse" in command or "cockroach" in command
    return hint and GATE.search(command[:8192]) is not None


# client -> options whose value is SQL text
_OPTION_SQL = {
    "psql": ("-c", "--command"),
    "mysql": ("-e", "--execute"),
    "mariadb": ("-e", "--execute"),
    "sqlcmd": ("-q", "-Q", "--query"),
    "clickhouse-client": ("-q", "--query"),
    "clickhouse": ("-q", "--query"),
    "cockroach": ("-e", "--execute"),
    "snowsql": ("-q", "--query"),
    "usql": ("-c", "--command"),
    "duckdb": ("-c", "-cmd"),
    "sqlite3": ("-cmd",),
    "sqlite": ("-cmd",),
}
# clients whose positional arguments after the database file are SQL statements
_POSITIONAL = frozenset({"sqlite3", "sqlite", "duckdb", "osqueryi"})
_SQL_WORDS = frozenset({"execute", "sql"})
_FEEDERS = frozenset({"echo", "printf"})
# Syntax oddities say "this string was cut": on a command line that is usually the shell's own
# quoting (a typo in an example), not an injected structure, so they stay noteworthy only.
_SYNTAX_ONLY = frozenset({"unterminated_literal", "unbalanced_parenthesis", "malformed_injection"})


def _statements(name: str, args: list[str]) -> list[str]:
    out: list[str] = []
    opts = _OPTION_SQL.get(name, ())
    positional: list[str] = []
    skip = False
    for i, a in enumerate(args[:64]):
        if skip:
            skip = False
            continue
        if a in opts and i + 1 < len(args):
            out.append(args[i + 1])
            skip = True
            continue
        eq = a.split("=", 1)
        if len(eq) == 2 and eq[0] in opts:
            out.append(eq[1])
            continue
        if a.startswith("-"):
            continue
        positional.append(a)
    if name in _POSITIONAL and len(positional) >= 2:
        out.append(" ".join(positional[1:]))
    elif name == "osqueryi" and positional:
        out.append(" ".join(positional))
    return [s for s in out if s.strip()]


def statements(command: str) -> list[tuple[str, str]]:
    """(client, SQL text) pairs of a command line, including `echo "SQL" | client`."""
    out: list[tuple[str, str]] = []
    prev: P.Simple | None = None
    for cmd in P.split(command)[:64]:
        name, args, _ = P.command_name(cmd.words)
        if name.endswith(".exe"):
            name = name[:-4]
        if name in _OPTION_SQL or name in _POSITIONAL:
            out.extend((name, s) for s in _statements(name, args))
            if cmd.joined_by == "|" and prev is not None:
                feeder, fargs, _ = P.command_name(prev.words)
                if feeder in _FEEDERS and fargs:
                    out.append((name, " ".join(a for a in fargs if not a.startswith("-"))))
        prev = cmd
    return out[:8]


def signals(command: str, pointer: str) -> list[Signal]:
    """sql_injection signals for SQL handed to a database client inside `command`."""
    out: list[Signal] = []
    for client, text in statements(command):
        frag = Fragment(path=pointer, raw=text, name="sql", role=R_SQL, forms=(text,))
        ctx = ScanContext(tool_name="execute_sql", fragments=(frag,), tool_words=_SQL_WORDS)
        for s in sql.detect(ctx):
            sev = min(s.severity, RiskLevel.MEDIUM) if s.rule in _SYNTAX_ONLY else s.severity
            out.append(Signal(s.pattern, s.rule, f"in a {client} command: {s.detail}", sev, pointer))
    return out
