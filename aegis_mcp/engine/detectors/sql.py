"""sql_injection detector: injected structure in SQL statements and SQL-injection payloads in interpolated values.

Two readings of a string:
(a) a whole statement (a SQL-role argument, or any argument shaped like one): legitimate
    queries may use OR, UNION, subqueries; what is judged is *injected* structure: an OR with a
    constant operand, a second statement stacked after the first, a comment eating the tail of
    the query, a UNION of placeholders or catalog reads, blind/out-of-band functions. A
    destructive statement sent on purpose (DROP TABLE, DELETE without WHERE) is HIGH (a human
    looks); stacked after a SELECT it is CRITICAL.
(b) a value that an application will interpolate (URL query parameters, search boxes, form
    fields, a `params` list): the value is placed inside typical host contexts and sqlglot is
    asked whether it broke out of the literal into SQL structure (libinjection's idea, with a
    real parser); cheap RE2 token rules decide the clear cases first.
Reading (a) lives in sql_statement.py; this module reads values and runs the detector.
"""

from __future__ import annotations

import functools

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import sql_parse as sp
from aegis_mcp.engine.detectors import sql_rules as R
from aegis_mcp.engine.detectors.sql_statement import _PARSE_CAN_RAISE, _STRONG_NAMES, _rule_set, _statement_findings
from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext
from aegis_mcp.engine.detectors.path_decode import url_pieces, variants
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "sql_injection"
Finding = tuple[str, int, str]

_STATEMENT_SHAPE = regex.compile(
    r"(?is)^\s*(?:\(\s*)*(?:select\b.+\bfrom\b|with\s+\w+\s+as\s*\(|insert\s+into\b|update\s+\S+\s+set\b|delete\s+from\b"
    r"|drop\s+(?:table|database|schema|view|index|user)\b|truncate\s+(?:table\s+)?\S|alter\s+table\b|create\s+(?:table|index|view|database|user)\b"
    r"|replace\s+into\b|merge\s+into\b|exec(?:ute)?\s+\w)"
)
_URLISH = regex.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*://|/\S*\?)")
_NUMERIC_LEAD = regex.compile(r"^\s*[-+(]*\s*\d+(?:\.\d+)?\)*\s*(?:\b(?:or|and|xor|union|having|order|group|procedure|into|limit|div|like|rlike|regexp)\b|\|\||&&|;|--|#|/\*)")
_STACKED_VALUE = regex.compile(
    r";\s*(?:drop\s+(?:table|database|schema)|delete\s+(?:(?:ignore|low_priority|quick)\s+)*from|do\s*\(|truncate\s+table|insert\s+into|update\s+\w+\s+set|exec(?:ute)?\s+(?:master\.|xp_|sp_|\(|@)"
    r"|shutdown\b|create\s+(?:table|user|function|procedure)|alter\s+(?:table|user|database)|grant\s+\w|declare\s+@|waitfor\s+delay|select\s+.{0,200}\bfrom\b|select\s+(?:sleep|pg_sleep|benchmark)\b)"
)
_QUOTE_COMMENT = regex.compile(r"""['`]\s*\)*\s*(?:--(?:\s|$|[-+]|sp_password)|/\*|;\s*(?:--|/\*))|"\s*\)*\s*(?:--|/\*|;\s*(?:--|/\*))[^\n]{0,4}$""")
# `"` followed by ` -- ` and more words is prose punctuation (`she said "hi" -- then left`): held, not blocked.
_DQUOTE_DASHES = regex.compile(r""""\s*\)*\s*--\s""")
# `'#` is MySQL's comment too, but also common in product names ("#2 MOM"): hold, don't block.
_QUOTE_HASH = regex.compile(r"""\w['"`]\s*\)*\s*#(?:\s|$)""")
_VALUE_TAIL_COMMENT = regex.compile(r"""(?:\)|^\s*-?[\d.]+)\s*(?:--|#|/\*)[^\n]{0,4}$""")
_LEADING_ORDER_PROBE = regex.compile(r"^\s*(?:-?[\d.]+)?\s*\)*\s*(?:order|group)\s+by\s+\d+\b")
_BOOL_SUBQUERY = regex.compile(r"(?:\band\b|\bor\b|&&|\|\|)\s+\(*\s*select\b")
_APPENDED_CONDITION = regex.compile(r"^\s*\)*\s*(?:and|or|xor|&&|\|\|)\s+\(*\s*(?:not\s+)?(?:-?\d|true\b|false\b|null\b|['\"]|[a-z_]+\s*\()")
_PROC_EXEC = regex.compile(r"^\s*(?:\d+\s*;?\s*)?exec(?:ute)?\s+(?:master\.|xp_|sp_)|;\s*begin\s+declare\b")
_SUBQUERY_VALUE = regex.compile(r"^\s*\(+\s*select\b.{1,400}\bfrom\b")
_SQLISH_WORD = regex.compile(r"\b(?:select|union|and|or|if|case|when|waitfor|from|where)\b|['\";]|--|#")
_DB_WORDS = frozenset({"sql", "query", "db", "database", "execute", "exec", "postgres", "mysql", "sqlite", "mssql", "oracle", "snowflake", "bigquery", "redshift", "duckdb", "clickhouse"})



_VALUE_SET = _rule_set(
    [(name, pat) for name, pat in R.STRONG_RULE_LIST]
    + [
        ("breakout", R.BREAKOUT),
        ("breakout", _NUMERIC_LEAD),
        ("breakout", R.BREAKOUT_TAIL),
        ("numeric_lead", _NUMERIC_LEAD),
        ("sqlish", _SQLISH_WORD),
        ("union_evidence", R.UNION_EVIDENCE),
        ("union_select", R.UNION_SELECT),
        ("taut_cmp", R.TAUT_OR_CMP),
        ("taut", R.TAUT_OR_VALUE),
        ("const_and", R.CONST_AND_CMP),
        ("stacked", _STACKED_VALUE),
        ("stacked", R.QUOTE_STACK),
        ("quote_comment", _QUOTE_COMMENT),
        ("soft_comment", _DQUOTE_DASHES),
        ("soft_comment", _QUOTE_HASH),
        ("soft_comment", _VALUE_TAIL_COMMENT),
        ("dangling", R.DANGLING_BEFORE_COMMENT),
        ("char_encoding", R.CHAR_CHAIN),
        ("constant_branch", R.CONST_BRANCH),
        ("blind_probe", R.NUM_VS_PROBE),
        ("sys_func", R.SYS_FUNC),
        ("column_probe", R.ORDER_PROBE),
        ("column_probe", _LEADING_ORDER_PROBE),
        ("versioned_comment", R.VERSIONED_COMMENT),
        ("slot_statement", R.SLOT_STATEMENT),
        ("statement_shape", _STATEMENT_SHAPE),
        ("credential_catalog", R.CREDENTIAL_CATALOG),
        ("having_const", R.HAVING_CONST),
        ("where_const", R.WHERE_CONST),
        ("blind_extraction", R.BLIND_EXTRACT),
        ("heavy_query", R.HEAVY_QUERY),
        ("account_change", R.ACCOUNT_CHANGE),
        ("blind_extraction", R.IDENTITY_PROBE),
        ("bool_subquery", _BOOL_SUBQUERY),
        ("appended_condition", _APPENDED_CONDITION),
        ("proc_exec", _PROC_EXEC),
        ("subquery_value", _SUBQUERY_VALUE),
        ("value_select", R.VALUE_SELECT),
        ("expr_comment", R.EXPR_COMMENT),
        ("quote_in_comment", R.QUOTE_IN_COMMENT),
        ("num_union", R.NUM_UNION),
        ("appended_cmp", R.APPENDED_CMP),
        ("subquery_operand", R.SUBQUERY_OPERAND),
        ("const_case", R.CONST_CASE),
        ("identity_call", R.IDENTITY_CALL),
        ("stacked", R.STACKED_CATALOG),
        ("decorated_union", R.DECORATED_UNION),
        ("xor_probe", R.XOR_PROBE),
        ("table_probe", R.TABLE_PROBE),
        ("credential_table_probe", R.CREDENTIAL_TABLE_PROBE),
        ("quote_unary_cmp", R.QUOTE_UNARY_CMP),
        ("arith_char_probe", R.ARITH_CHAR_PROBE),
    ]
)
# Value rules that are CRITICAL by themselves: no legitimate value carries them.
_VALUE_CRITICAL = {
    "having_const": "HAVING on a constant comparison in a value",
    "where_const": "WHERE on a constant comparison in a value",
    "blind_extraction": "blind extraction of server identity or secrets",
    "heavy_query": "cartesian join of system catalogs (timing oracle)",
    "account_change": "creates or empowers a database account",
    "decorated_union": "UNION right after a decorated literal (u&'', _charset'', 1., 1::type)",
    "xor_probe": "OR/AND operand XOR-ed with a quoted constant (boolean probe)",
    "table_probe": "AND/OR on a whole-table subquery (table existence probe)",
}
# Value shapes that only SQL has, held for a human (HIGH): a search box may carry SQL on purpose.
_VALUE_HIGH = {
    "value_select": ("statement_in_value", "value is a SELECT of SQL expressions"),
    "expr_comment": ("comment_truncation", "an expression followed by a comment that cuts the query"),
    "quote_in_comment": ("comment_evasion", "a quote hidden inside an inline comment"),
    "num_union": ("union_select", "a number followed by UNION"),
    "appended_cmp": ("constant_condition", "value starts with AND/OR and a comparison"),
    "subquery_operand": ("blind_probe", "a subquery used as an operand"),
    "const_case": ("constant_branch", "CASE on constants (blind probe)"),
    "identity_call": ("fingerprint_function", "value calls a function on the server identity"),
    "credential_table_probe": ("blind_probe", "AND/OR on a subquery of a users/credentials table"),
    "quote_unary_cmp": ("literal_breakout", "a closed quote compared with a sign-prefixed quote"),
    "arith_char_probe": ("blind_probe", "a number combined with a character-code function (blind probe)"),
}


_MEMO_MAX_LEN = 512  # short values (argument names, ids, search terms) repeat across calls


def _value_findings(value: str) -> list[Finding]:
    if len(value) > _MEMO_MAX_LEN:
        return _value_findings_uncached(value)
    return list(_value_findings_memo(value))


@functools.lru_cache(maxsize=8192)
def _value_findings_memo(value: str) -> tuple[Finding, ...]:
    # A pure function of the string: object keys ("query", "path", "user_id") and common values
    # recur on every call of a tool; judging them once saves the gate, the two rule-set passes
    # and sometimes a parse.
    return tuple(_value_findings_uncached(value))


def _value_findings_uncached(value: str) -> list[Finding]:
    if not R.GATE.test(value):
        return []
    low, joined = R.normalise(value)
    out = _value_rules(low, value)
    if "/*" in value and R.QUOTE_IN_COMMENT.search(value):
        out.append(("comment_evasion", 2, "a quote hidden inside an inline comment"))
    if joined is not None:
        extra = _value_rules(joined, joined)
        if extra:
            out.extend(extra)
            out.append(("comment_evasion", 3, "a SQL keyword split by an inline comment"))
    return out


def _value_rules(low: str, value: str) -> list[Finding]:
    hits = set(_VALUE_SET.matches(low))
    if not hits:
        return []
    breakout = "breakout" in hits
    out: list[Finding] = []
    strong = sorted(hits & _STRONG_NAMES)
    if strong:
        sev = 3 if breakout or "sqlish" in hits else 2
        out.extend((r, sev, f"{r.replace('_', ' ')} construct in a value") for r in strong)
    if "union_evidence" in hits:
        out.append(("union_select", 3, "UNION SELECT of placeholders, credentials or server catalog in a value"))
    elif "union_select" in hits:
        out.append(("union_select", 3 if breakout else 2, "UNION SELECT in a value"))
    if "taut_cmp" in hits or (breakout and "taut" in hits and "numeric_lead" not in hits):
        out.append(("tautology", 3, "value injects OR with a constant predicate"))
    if "const_and" in hits:
        out.append(("constant_condition", 3 if breakout else 2, "value injects a constant AND condition"))
    if "stacked" in hits:
        out.append(("stacked_statement", 3, "value stacks a second SQL statement"))
    if "quote_comment" in hits:
        out.append(("comment_truncation", 3, "value closes a literal and comments out the rest"))
    elif "soft_comment" in hits or (breakout and "dangling" in hits):
        out.append(("comment_truncation", 2, "value ends a literal or expression with a comment"))
    if "char_encoding" in hits:
        out.append(("char_encoding", 3, "string built from CHAR() codes"))
    if "constant_branch" in hits:
        out.append(("constant_branch", 3, "CASE/IF on a constant comparison (blind probe)"))
    if "blind_probe" in hits:
        out.append(("blind_probe", 3 if breakout else 2, "number compared with a computed probe"))
    if "sys_func" in hits and breakout:
        out.append(("fingerprint_function", 3, "value calls a server fingerprinting function"))
    if "column_probe" in hits:
        out.append(("column_probe", 2, "ORDER BY <n> column probing"))
    if "bool_subquery" in hits:
        out.append(("blind_probe", 3 if breakout else 2, "boolean on a subquery appended to a value"))
    if "appended_condition" in hits:
        out.append(("constant_condition", 2, "value starts with AND/OR: a condition appended to the query"))
    if "proc_exec" in hits:
        out.append(("out_of_band", 3, "value executes a stored procedure"))
    if "subquery_value" in hits:
        out.append(("statement_in_value", 2, "value is a subquery"))
    out.extend((name, 3, detail) for name, detail in _VALUE_CRITICAL.items() if name in hits)
    out.extend((rule, 2, detail) for name, (rule, detail) in _VALUE_HIGH.items() if name in hits)
    if "versioned_comment" in hits:
        out.append(("versioned_comment", 2, "MySQL executable comment /*! */"))
    if "slot_statement" in hits or ("statement_shape" in hits and "credential_catalog" in hits):
        out.append(("statement_in_value", 2, "a value carries a SQL statement"))
    if not any(s == 3 for _, s, _ in out) and breakout and (not out or _PARSE_CAN_RAISE.search(low)):
        # Parsing (0.1-1 ms) can only raise a HIGH value to CRITICAL through an OR, a UNION, a
        # second statement or a fingerprinting call; without one, the HIGH answer stands.
        parsed = sp.breakout_findings(value)
        out.extend(parsed)
        if not parsed and not out and "'" in value and R.HARD_BREAKOUT.search(low) and sp.unparsable_in_hosts(value):
            out.append(("literal_breakout", 2, "value closes its quote into an operator and leaves no valid query"))
    return out


_LITERAL = regex.compile(r"'((?:[^'\\]|\\.|'')*)'" + r'|"((?:[^"\\]|\\.|"")*)"')


_QUOTE_THEN_COMMENT = regex.compile(r"""['"`]\s*\)*\s*(?:--|#|/\*)""")


def literal_payload_findings(statement: str) -> list[Finding]:
    """Read each string literal of a statement as a value (at most HIGH): a literal holding an
    injection payload is data in this statement, a second-order injection in the next."""
    out: list[Finding] = []
    for n, m in enumerate(_LITERAL.finditer(statement[:8_192])):
        if n >= 32:
            break
        content = m.group(1) if m.group(1) is not None else m.group(2)
        if content and len(content) > 2:
            if _QUOTE_THEN_COMMENT.search(content):
                out.append(("comment_truncation", 2, "a quote and a comment marker inside a string literal (a stored payload)"))
            out.extend((r, min(s, 2), d + " (inside a string literal)") for r, s, d in _value_findings(content))
    return out


_BOUND_NAMES = frozenset({"params", "parameters", "args", "arguments", "bindings", "binds", "values", "bind", "param"})
_STATEMENT_STARTS = ("select", "with", "insert", "update", "delete", "drop", "truncate", "alter", "create", "replace", "merge", "exec", "(")


def _is_statement(frag: Fragment, text: str, db_tool: bool) -> bool:
    if frag.role == Role.SQL:
        return True
    if not text.lstrip()[:8].lower().startswith(_STATEMENT_STARTS) or _STATEMENT_SHAPE.search(text) is None:
        return False
    # A statement-shaped string in a db tool, or anywhere a statement would be executed.
    return db_tool or frag.role in (Role.TEXT, Role.IDENT, Role.UNKNOWN)


_WINDOW = 8_192

# Arguments an application interpolates into a query (login forms, lookups by name or id).
_INTERPOLATED_NAMES = frozenset({"name", "id", "username", "user", "user_id", "userid", "login", "email", "password", "uid", "key", "filter", "where", "sort", "order", "order_by", "column", "table"})
# What prose quotes when it talks about SQL injection (`' OR 1=1`); a UNION, a stacked statement
# or a server function in a text is not talk, and keeps its severity.
_TALKABLE = frozenset({"tautology", "constant_condition", "comment_truncation", "literal_breakout", "where_const", "unterminated_literal"})
# Tools whose text goes to people or to a web search engine, not into someone's SQL.
_TALK_TOOLS = frozenset({"web", "google", "bing", "internet", "news", "wiki", "docs", "git", "commit", "github", "slack", "email", "mail", "chat", "message", "post", "comment", "note", "notes", "plan", "issue", "translate"})
_SQL_WORDS = frozenset(
    {"select", "union", "all", "distinct", "from", "where", "and", "or", "not", "null", "true", "false", "order", "group", "by", "having",
     "limit", "into", "insert", "update", "delete", "drop", "table", "values", "set", "like", "sleep", "benchmark", "waitfor", "delay",
     "exec", "execute", "case", "when", "then", "else", "end", "char", "concat", "version", "database", "user", "users", "admin",
     "password", "passwd", "username", "information_schema", "tables", "columns", "table_name", "column_name", "xor", "div",
     "outfile", "load_file", "dual", "procedure", "declare", "cast", "convert", "ascii", "substring", "substr", "count", "extractvalue", "updatexml"}
)


def _is_prose(text: str, talk_tool: bool) -> bool:
    """Free text that *talks*: natural-language words (whitespace-separated, alphabetic, not
    SQL's own vocabulary): three in a tool that talks (search engine, commit, chat), six
    elsewhere. A bare payload, even padded with a table name, is not prose."""
    if len(text) > 4_096:
        return False
    words = 0
    for token in text.lower().split():
        token = token.strip(".,:;!?()\"`")
        if len(token) >= 3 and token.isalpha() and token.isascii() and token not in _SQL_WORDS:
            words += 1
    return words >= (3 if talk_tool else 6)


def _windows(text: str) -> list[str]:
    """Long values are read at both ends (bounded work on hostile megabytes)."""
    return [text] if len(text) <= 2 * _WINDOW else [text[:_WINDOW], text[-_WINDOW:]]


def _pieces(frag: Fragment) -> list[str]:
    """What to judge as interpolated values: a URL's query parameters (each decoded), else the
    value itself; for extraction's decoded forms the same split applies."""
    raw = frag.raw
    # (`_URLISH` needs "://" or a leading "/" with a "?": checked with str ops first)
    is_url = frag.role == Role.URL or (
        ("://" in raw or (raw[:1] == "/" and "?" in raw)) and _URLISH.search(raw) is not None)
    pieces: list[str] = []
    for form in frag.all_forms:
        if is_url:
            pieces.extend(p for kind, p in url_pieces(form) if kind == "param")
        else:
            pieces.extend(_windows(form))
    out: list[str] = []
    for piece in pieces:
        # Extraction already decoded whole values; a URL's parameters are decoded here, one by one.
        if is_url and ("%" in piece or "&" in piece or "0x" in piece or not piece.isascii()):
            for v in variants(piece, b64=False):
                if v not in out:
                    out.append(v)
        elif piece not in out:
            out.append(piece)
    return out


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode != "call":
        return []
    db_tool = bool(ctx.tool_words & _DB_WORDS)
    signals: list[Signal] = []
    talk_tool = bool(ctx.tool_words & _TALK_TOOLS)
    for frag in ctx.fragments:
        if not frag.raw or frag.role == Role.SHELL:  # commands are judged by shell.py
            continue
        if frag.role == Role.CONTENT and not (db_tool and frag.name in _BOUND_NAMES and not frag.is_key):
            continue  # data being written: judged as data
        forms = frag.all_forms
        if len(forms) == 1 and len(frag.raw) <= _MEMO_MAX_LEN:
            # Everything the verdict depends on is in the key: short strings (argument names,
            # ids, enums) recur on every call of a tool and are judged once.
            found = _fragment_verdict(frag.raw, frag.role, frag.name, frag.is_key, db_tool, talk_tool)
        else:
            found = _judge(frag, db_tool, talk_tool)
        if found is not None:
            rule, sev, detail = found
            signals.append(Signal(PATTERN, rule, detail, RiskLevel(sev), frag.path))
    return signals


@functools.lru_cache(maxsize=8192)
def _fragment_verdict(raw: str, role: Role, name: str, is_key: bool, db_tool: bool, talk_tool: bool) -> Finding | None:
    return _judge(Fragment("", raw, name, role, is_key, (raw,)), db_tool, talk_tool)


# Prose ("it's 'fragile' -- thanks") has quotes and dashes: in free text only real SQL
# structure counts, not a stray comment marker or a quote followed by a word.
_WEAK_IN_TEXT = frozenset({
    "comment_truncation", "literal_breakout", "column_probe", "versioned_comment", "statement_in_value",
    "unbalanced_parenthesis", "empty_slot", "literal_continued", "dangling_union", "row_enumeration",
})


def _judge(frag: Fragment, db_tool: bool, talk_tool: bool) -> Finding | None:
    """The strongest finding for one fragment (its detail naming the others), or None."""
    bound = frag.role == Role.CONTENT and db_tool and frag.name in _BOUND_NAMES and not frag.is_key
    findings: list[Finding] = []
    if _is_statement(frag, frag.raw, db_tool):  # (a) a whole statement
        findings = [f for w in _windows(frag.raw) for f in _statement_findings(w)]
    else:
        for piece in _pieces(frag):
            # Keep what every piece found: a later clean parameter must not erase an
            # earlier hit (`?q=<payload>&page=1`).
            findings.extend(_value_findings(piece))
            if any(s == 3 for _, s, _ in findings):
                break
    if findings and frag.role == Role.TEXT and all(r in _WEAK_IN_TEXT for r, _, _ in findings):
        findings = []
    if (
        findings
        and frag.role == Role.TEXT
        and not db_tool
        and frag.name.lower() not in _INTERPOLATED_NAMES
        and all(r in _TALKABLE for r, _, _ in findings)
        and _is_prose(frag.raw, talk_tool)
    ):
        # A search query or commit message *about* SQL injection quotes a payload; nothing
        # interpolates it into SQL here. A human looks (HIGH); it is not blocked.
        findings = [(r, min(s, 2), d + " (quoted in prose)") for r, s, d in findings]
    if findings and bound:
        # Bound parameters cannot change the statement they are bound to; an injection
        # payload there is still worth a look (second-order injection), not a block.
        findings = [(r, min(s, 2), d + " (bound parameter)") for r, s, d in findings]
    if not findings:
        return None
    rule, sev, detail = max(findings, key=lambda f: f[1])
    others = sorted({r for r, _, _ in findings if r != rule})
    if others:
        detail += f" (also: {', '.join(others)})"
    return rule, sev, detail
