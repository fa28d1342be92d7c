"""sql_injection: whole-table writes behind a constant WHERE, and server-variable / arithmetic / CHAR-delimited probes.

Mechanisms the token rules of sql_statement.py and sql_value.py did not have:
- `DELETE FROM t WHERE 1=1` / `UPDATE t SET ... WHERE true`: a WHERE that does not depend on the
  row touches every row, exactly like a DELETE without WHERE (held for a human, HIGH). The
  parser decides "constant" (no column, no subquery) and sqlglot's simplifier whether it is
  false (`WHERE 1=0` deletes nothing and is left alone).
- a column compared with a server variable (`id = @@version`, `@@hostname`): a value slot
  that reads the server's configuration (MySQL/MSSQL fingerprinting). T-SQL's own state
  variables (`IF @@ROWCOUNT = 0`) are ordinary procedure code and are not counted.
- a column compared for equality with a product of two literals (`id = 1*56`): the classic
  "is my input evaluated?" probe; real queries compare ids with values, not arithmetic.
- the server identity between CHAR() delimiters (`CHAR(58)+USER+CHAR(58)`, `CHAR(124) USER
  CHAR(124)`): the marker error-based extraction wraps around what it leaks.
- a NUL byte inside an interpolated value that also carries SQL punctuation: C-string
  truncation of the rest of the query (`;%00`).
- a comparison whose value slot holds a bare operator (`WHERE id = %`, `= + ...`): the character
  probes of an injection test, where a value belongs.
- a URL query parameter whose value *opens* with a SQL comment (`?dept=--%20or%20%23`,
  `?id=/*`): no form or link produces one; it comments out the rest of the host query.
"""

from __future__ import annotations

from sqlglot import exp

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import sql_parse as sp

Finding = tuple[str, int, str]

# (a parse costs 0.1-2 ms: only a DELETE/UPDATE whose WHERE *opens* with a constant gets one)
_WRITE_WITH_WHERE = regex.compile(r"(?is)^\s*(?:delete|update)\b.*\bwhere\s+(?:not\s+|\(\s*)*(?:[-+]?\d|'|\"|true\b|false\b|null\b)")
# T-SQL / MySQL state variables that procedures test routinely (not configuration or identity).
_STATE_VARS = frozenset(
    "rowcount error identity trancount fetch_status nestlevel procid cursor_rows datefirst lock_timeout "
    "options langid textsize dbts spid cpu_busy idle io_busy packet_errors total_errors".split()
)
_SERVER_VAR_CMP = regex.compile(
    r"(?:(?:[^<>!:]=|<>|!=|<|>|\blike|\bin\s*\()\s*\(?\s*@@((?:global\.|session\.)?[a-z_]\w*)"
    r"|@@((?:global\.|session\.)?[a-z_]\w*)\s*(?:=|<>|!=|<|>|like\b))"
)
# A value that is (or starts with) a server variable, or compares one: `@@version`, `1 and @@version>5`
# ("run SELECT @@version to see the server" in a chat message is talk, not a value slot).
_SERVER_VAR_VALUE = regex.compile(
    r"(?:^\s*[-+(]*|\b(?:and|or)\s+\(?\s*|[=<>]\s*)@@(?:global\.|session\.)?"
    r"(version\w*|hostname|servername|datadir|basedir|tmpdir|secure_file_priv|plugin_dir|log_error|port|socket|"
    r"have_\w+|language|character_set_\w+|system_time_zone|innodb_\w+|general_log\w*|sql_mode|variable)\b"
)
_ARITH_EQ = regex.compile(
    r"(?:^|[^<>!=:])=\s*\(?\s*\d+\s*[*/]\s*\d+\s*\)?\s*(?:$|;|--|#|/\*|\)|\b(?:and|or|limit|order|group)\b)"
)
_CHAR = r"(?:char|chr)\s*\(\s*(?:\d+|0x[0-9a-f]+)\s*\)"
_CHAR_DELIMITED = regex.compile(
    _CHAR + r"\s*(?:\|\||\+|,|\bconcat\b)?\s*\(?\s*(?:@@version|(?:current_user|system_user|session_user|user|version|database|db_name|user_name|schema)"
    r"(?:\s*\(\s*\))?)\s*\)?\s*(?:\|\||\+|,)?\s*" + _CHAR
)
# `WHERE id = %`, `= +\t...`: an operator alone where a value belongs (the character probes of an
# injection test: `%`, `+`, `*`, `|`), not `%s` / `%(name)s` placeholders or `+5`
_DANGLING_OPERATOR = regex.compile(r"\bwhere\b.*?(?:[^<>!=]=|<>|!=)\s*(?:%(?:\s|$)|[+*/^|](?:$|\t|\s{2,}|\s[a-z]))")
_NUL_WITH_SQL = regex.compile(r"[;'\"`)]\s*\x00|\x00\s*(?:--|#|;|/\*)")


def statement_findings(text: str, low: str) -> list[Finding]:
    """Findings for a whole statement (`low`: its normalised lower-case reading)."""
    out: list[Finding] = []
    if "@@" in low:
        for n, m in enumerate(_SERVER_VAR_CMP.finditer(low)):
            if n >= 16:
                break
            name = (m.group(1) or m.group(2) or "").split(".")[-1]
            if name and name not in _STATE_VARS:
                out.append(("fingerprint_function", 2, f"a value slot compared with the server variable @@{name[:30]}"))
                break
    if "where" in low and ("*" in low or "/" in low):
        where = low.find("where")
        m = _ARITH_EQ.search(low, where)
        if m is not None:
            out.append(("blind_probe", 2, "a column compared with a product of literals (is the value evaluated?)"))
    if "char" in low or "chr" in low:
        if _CHAR_DELIMITED.search(low) is not None:
            out.append(("blind_extraction", 3, "the server identity between CHAR() delimiters (error-based extraction marker)"))
    if "where" in low and _DANGLING_OPERATOR.search(low) is not None:
        out.append(("empty_slot", 2, "a comparison whose value slot holds a bare operator character (an injection-character probe)"))
    if not out and _WRITE_WITH_WHERE.search(low) is not None:
        out.extend(_constant_where(text))
    return out


def value_findings(low: str, value: str) -> list[Finding]:
    """Findings for an interpolated value (`low`: its normalised lower-case reading; `value` as given)."""
    out: list[Finding] = []
    if "@@" in low:
        m = _SERVER_VAR_VALUE.search(low)
        if m is not None:
            out.append(("fingerprint_function", 2, f"value reads the server variable @@{m.group(1)[:30]}"))
    if ("char" in low or "chr" in low) and _CHAR_DELIMITED.search(low) is not None:
        out.append(("blind_extraction", 3, "the server identity between CHAR() delimiters (error-based extraction marker)"))
    if "\x00" in value and _NUL_WITH_SQL.search(value) is not None:  # (normalise() blanks NULs)
        out.append(("null_byte", 2, "a NUL byte next to SQL punctuation truncates the query"))
    return out


def _constant_where(text: str) -> list[Finding]:
    trees = sp.parse(text)
    if not trees:
        return []
    for tree in trees:
        if not isinstance(tree, (exp.Delete, exp.Update)):
            continue
        where = tree.args.get("where")
        cond = where.this if isinstance(where, exp.Where) else None
        if cond is None or not sp._is_constant(cond):
            continue
        if _is_false(cond):
            continue  # `WHERE 1=0`: touches nothing
        verb = "DELETE" if isinstance(tree, exp.Delete) else "UPDATE"
        return [("destructive_statement", 2, f"{verb} whose WHERE is a constant ({cond.sql()[:40]}): every row")]
    return []


def _is_false(cond: exp.Expression) -> bool:
    """Does the constant condition simplify to FALSE (or NULL)? Unknown counts as not false."""
    try:
        from sqlglot.optimizer.simplify import simplify

        out = simplify(cond.copy())
    except Exception:  # the simplifier on hostile input: no evidence either way
        return False
    if isinstance(out, exp.Boolean):
        return not out.this
    if isinstance(out, exp.Null):
        return True
    if isinstance(out, exp.Literal) and not out.is_string:
        try:
            return float(out.this) == 0
        except ValueError:
            return False
    return False


# `--` then nothing or more SQL (`-- or #`); a search box's "-- hello" is not a comment
_OPENS_WITH_COMMENT = regex.compile(r"(?i)^\s*(?:--\s*(?:$|(?:or|and|union|select|#|--|;|'|\")(?:\s|$))|/\*)")


def url_param_comment(params: list[str]) -> list[Finding]:
    """A URL parameter value (decoded) that opens with a SQL comment marker."""
    for p in params[:64]:
        if p[:1] in ("-", "/", " ") and _OPENS_WITH_COMMENT.search(p) is not None:
            return [("comment_truncation", 2, "a URL parameter opens with a SQL comment (cuts off the rest of the query)")]
    return []
