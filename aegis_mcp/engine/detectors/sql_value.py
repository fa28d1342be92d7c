"""sql_injection, reading (b): a value an application will interpolate, judged by RE2 token rules and, when they leave a question, a parse in host queries.

Split from sql.py (which runs the detector): the value rule set and its severities, the
memoised per-value verdict, and the reading of a statement's string literals as values
(second-order payloads).
"""

from __future__ import annotations

import functools

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import sql_parse as sp
from aegis_mcp.engine.detectors import sql_probe as SP
from aegis_mcp.engine.detectors import sql_rules as R
from aegis_mcp.engine.detectors.sql_statement import _PARSE_CAN_RAISE, _STRONG_NAMES, _rule_set

Finding = tuple[str, int, str]

_STATEMENT_SHAPE = regex.compile(
    r"(?is)^\s*(?:\(\s*)*(?:select\b.+\bfrom\b|with\s+\w+\s+as\s*\(|insert\s+into\b|update\s+\S+\s+set\b|delete\s+from\b"
    r"|drop\s+(?:table|database|schema|view|index|user)\b|truncate\s+(?:table\s+)?\S|alter\s+table\b|create\s+(?:table|index|view|database|user)\b"
    r"|replace\s+into\b|merge\s+into\b|exec(?:ute)?\s+\w)"
)
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
# `' OR id IS NOT NULL --`: a predicate true for every row of a key column, no constant needed
# (judged only after a breakout: `status = 1 or closed_at is not null` is a real filter)
_OR_NOT_NULL = regex.compile(r"""(?i)(?:\bor\b|\|\|)\s*\(*\s*[a-z_][\w.`"\[\]]*\s*\)*\s+is\s+not\s+null\b""")
_SQLISH_WORD = regex.compile(r"\b(?:select|union|and|or|if|case|when|waitfor|from|where)\b|['\";]|--|#")



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
        ("taut_pred", _OR_NOT_NULL),
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
        ("quoted_operator", R.QUOTED_OPERATOR_VALUE),
        ("bool_arith", R.BOOL_ARITH_VALUE),
        ("pipes_predicate", R.PIPES_PREDICATE_VALUE),
        ("order_noop", R.ORDER_NOOP_WRAP),
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
    "quoted_operator": ("literal_breakout", "a bare operator between two quotes (closes the literal, compares the column with a number)"),
    "bool_arith": ("blind_probe", "arithmetic on a boolean constant (is the value evaluated?)"),
    "pipes_predicate": ("constant_condition", "a number OR-ed/AND-ed (||, &&) with a condition on another column"),
    "order_noop": ("column_probe", "ORDER BY a column wrapped in a no-op function of NULL (column probing)"),
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
    if joined is None and "_" in low:
        joined = R.join_underscore_split(low)  # `uni_on sel_ect`: see sql_rules.UNDERSCORE_SPLIT
    out = _value_rules(low, value)
    if "/*" in value and R.QUOTE_IN_COMMENT.search(value):
        out.append(("comment_evasion", 2, "a quote hidden inside an inline comment"))
    out.extend(SP.value_findings(low, value))  # server variables, CHAR()-delimited identity, NUL truncation
    if joined is not None:
        extra = _value_rules(joined, joined)
        if extra:
            out.extend(extra)
            out.append(("comment_evasion", 3, "a SQL keyword split by an inline comment or underscores"))
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
    if "taut_cmp" in hits or (breakout and ("taut" in hits or "taut_pred" in hits) and "numeric_lead" not in hits):
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
