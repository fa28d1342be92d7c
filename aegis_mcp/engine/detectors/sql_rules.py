"""RE2 token-shape rules for SQL injection: the cheap first pass (and the fallback when sqlglot cannot parse).

Every rule here reads a *normalised* lower-case form (see `normalise`): MySQL versioned
comments unwrapped, inline comments turned to spaces, whitespace collapsed. The rules describe
structure in token terms (a boolean operator followed by a predicate made only of literals, a
UNION whose projection is literals or system functions, a dangerous function called), never a
particular payload.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# MySQL runs the content of /*!50000 ... */ as SQL: unwrap it so the rules see it.
_VERSIONED = regex.compile(r"/\*!\d*(.*?)\*/")
_INLINE_COMMENT = regex.compile(r"/\*.*?\*/")
_WORD_SPLIT_BY_COMMENT = regex.compile(r"[a-z_]/\*.*?\*/[a-z_]")
_SPACES = regex.compile(r"\s+")
_GLUED_KEYWORD = regex.compile(r"(\d)([def.]?)(union|and|or|select|having|order|div|like)\b")

_LIT = r"""(?:'[^']*'|"[^"]*"|\d+(?:\.\d+)?(?:e\d+)?|0x[0-9a-f]+|x'[0-9a-f]*'|n'[^']*'|true|false|null)"""
# A literal, or one left open at the very end of the text (the host's own quote closes it).
_LIT_OR_OPEN = r"""(?:'[^']*'|"[^"]*"|'[^']*$|"[^"]*$|\d+(?:\.\d+)?(?:e\d+)?|0x[0-9a-f]+|true|false|null)"""
_UNARY = r"""(?:[\s(+\-!~]|\bnot\b|\bbinary\b)*"""
_CMP = r"""(?:<=>|<>|!=|>=|<=|=|<|>|\s(?:(?:not\s+)?(?:like|rlike|regexp|in)|sounds\s+like|is(?:\s+not)?)\b|\s*\bdiv\b)"""
# Where a constant predicate ends: end of text, a comment, a closing paren, the next clause.
_END = r"""(?:\s*(?:$|\)|;|--|#|/\*|['"]|\b(?:and|or|xor|order|group|limit|having|union|into|procedure|from|then)\b))"""
# After a literal-to-literal comparison any boundary will do (`or 1=1–`, `or 1=1'`), except
# arithmetic or a longer number, which would make it a different expression.
_END_CMP = r"""(?:$|[^\w.+\-*/%^&|])"""
_BOOL_OR = r"""(?:\bor\b|\|\||\bxor\b)"""
_BOOL_AND = r"""(?:\band\b|&&)"""

_CONST_CMP = _UNARY + _LIT + r"\s*\)*\s*" + _CMP + _UNARY + r"\s*" + _LIT_OR_OPEN + r"\)*"
_CONST_BARE = _UNARY + _LIT_OR_OPEN

# A quote closed early and followed by SQL structure: the signature of breaking out of a literal.
BREAKOUT = regex.compile(
    r"""['"`]\s*\)*\s*(?:\b(?:or|and|xor|union|order\s+by|group\s+by|having|procedure|into|limit|waitfor|select|div|like|rlike|regexp|sounds|is|not|in|between|mod)\b|\|\||&&|;|--|#|/\*|[=<>^|+*/%&!~-])"""
)

STRONG_RULE_LIST: list[tuple[str, str]] = [
        # time-based blind
        ("time_blind", r"\b(?:sleep|pg_sleep)\s*\(\s*[\d(']"),
        ("time_blind", r"\bbenchmark\s*\(\s*\d+\s*,"),
        ("time_blind", r"\bwaitfor\s+(?:delay|time)\s*['\"\d]"),
        ("time_blind", r"\bdbms_(?:pipe\.receive_message|lock\.sleep|session\.sleep)\b"),
        ("time_blind", r"\brandomblob\s*\(\s*\d{5,}"),
        ("time_blind", r"\bpg_sleep_for\s*\("),
        # error-based blind
        ("error_based", r"\b(?:extractvalue|updatexml)\s*\("),
        ("error_based", r"\bexp\s*\(\s*~"),
        ("error_based", r"\b(?:gtid_subset|gtid_subtract|st_latfromgeohash|st_longfromgeohash|st_pointfromgeohash)\s*\("),
        ("error_based", r"\butl_inaddr\.|\bctxsys\.drithsx\b|\bdbms_xdb\b|\bdbms_utility\.sqlid_to_sqlhash\b"),
        ("error_based", r"\bfloor\s*\(\s*rand\s*\(\s*0?\s*\)\s*\*\s*2\s*\)"),
        ("error_based", r"\bjson_keys\s*\(\s*\(\s*select\b"),
        ("error_based", r"\bconvert\s*\(\s*int\s*,\s*\(?\s*(?:select|@@|db_name|user_name|char)\b"),
        ("error_based", r"\bcast\s*\(\s*\(?\s*select\b.{0,200}\bas\s+(?:int|numeric)\b"),
        # out-of-band and command execution from SQL
        ("out_of_band", r"\binto\s+(?:out|dump)file\b"),
        ("out_of_band", r"\bload_file\s*\("),
        ("out_of_band", r"\bload\s+data\s+(?:local\s+)?infile\b"),
        ("out_of_band", r"\bxp_(?:cmdshell|dirtree|fileexist|subdirs|regread|regwrite|servicecontrol|availablemedia)\b"),
        ("out_of_band", r"\bsp_(?:oacreate|oamethod|execute_external_script|makewebtask|addextendedproc|configure\s+'?xp_cmdshell)\b"),
        ("out_of_band", r"\b(?:openrowset|opendatasource|openquery)\s*\("),
        ("out_of_band", r"\b(?:utl_http|utl_file|utl_tcp|utl_smtp|dbms_ldap|httpuritype|dbms_java|dbms_scheduler)\b"),
        ("out_of_band", r"\bcopy\b.{0,200}\b(?:from|to)\s+program\b"),
        ("out_of_band", r"\blo_(?:import|export)\s*\("),
        ("out_of_band", r"\bpg_(?:read_file|read_binary_file|ls_dir)\s*\("),
        ("out_of_band", r"\b(?:sys_eval|sys_exec)\s*\("),
        ("out_of_band", r"\bmaster\.\.\w+|\bmaster\.dbo\.xp_"),
]
STRONG_RULES = regex.PatternSet(STRONG_RULE_LIST)

UNION_SELECT = regex.compile(r"\bunion(?:\s+(?:all|distinct))*[\s(]+select\b")
# What an injected UNION reads: literals/NULL placeholders to match the column count, or the
# server's own catalog and identity.
UNION_EVIDENCE = regex.compile(
    r"\bunion(?:\s+(?:all|distinct))*[\s(]+select[\s(]+(?:(?:null|\d+|0x[0-9a-f]+|'[^']*'|char\s*\([^)]*\))\s*,\s*){1,}"
    r"|\bunion(?:\s+(?:all|distinct))*[\s(]+select\b.{0,400}?(?:\binformation_schema\b|\bmysql\.user\b|\bpg_(?:shadow|user|catalog|database|tables)\b"
    r"|\bsys(?:objects|columns|databases|users|logins)\b|\bsys\.(?:tables|objects|columns|databases|sql_logins|user\$)"
    r"|\ball_(?:tables|users|tab_columns)\b|\buser_(?:tables|tab_columns|password)\b|\bsqlite_master\b|\bsqlite_schema\b|\bdual\b"
    r"|@@\w+|\b(?:version|user|database|schema|current_user|system_user|session_user|db_name|user_name|banner|load_file)\s*\(|\bgroup_concat\s*\(|\bconcat(?:_ws)?\s*\(\s*0x)"
    r"|\bunion(?:\s+(?:all|distinct))*[\s(]+select[\s(]+(?:null|\d+|0x[0-9a-f]+|@@\w+|char\s*\()\s*(?:$|--|#|/\*|;|\bfrom\b|\blimit\b|\binto\b)"
    # a bare number/NULL placeholder column anywhere in the UNION's select list
    r"|\bunion(?:\s+(?:all|distinct))*[\s(]+select\b[^;]{0,300}?,\s*(?:null|\d+)\s*(?:,|$|\bfrom\b|--|#|/\*|\))"
    # or reading credential-looking columns
    r"|\bunion(?:\s+(?:all|distinct))*[\s(]+select\b.{0,300}?\b(?:\w*passw(?:or)?d\w*|passwd|user_?pass|pwd|credentials?)\b"
)

TAUT_OR_CMP = regex.compile(_BOOL_OR + _CONST_CMP + _END_CMP)
TAUT_OR = regex.compile(_BOOL_OR + r"(?:" + _CONST_CMP + _END_CMP + "|" + _CONST_BARE + _END + r")")
# For values, a quote right after a bare literal is prose (`16" or 18"`), not an end of predicate.
TAUT_OR_VALUE = regex.compile(_BOOL_OR + r"(?:" + _CONST_CMP + _END_CMP + "|" + _CONST_BARE + _END.replace("""|['"]""", "") + r")")
CONST_AND_CMP = regex.compile(_BOOL_AND + _CONST_CMP + _END_CMP)
# sqlmap-style constant branches: CASE WHEN (7449=7449), IF(1=1,...), ELT(8051=8051,1).
CONST_BRANCH = regex.compile(r"\b(?:case\s+when|if|iif|elt|make_set)\s*\(*\s*" + _CONST_CMP + r"\s*\)*\s*(?:then\b|,|select\b)")
# HAVING 1=1 / HAVING 1=0: error-based column enumeration.
HAVING_CONST = regex.compile(r"\bhaving\b" + _CONST_CMP + _END_CMP)
# WHERE 1=1 inside a *value* (a statement may start its WHERE that way; a value never should).
WHERE_CONST = regex.compile(r"\bwhere\b" + _CONST_CMP + _END_CMP)
# Blind extraction: a substring/ascii of the server's identity or secrets, one character at a time.
BLIND_EXTRACT = regex.compile(
    r"\b(?:mid|substr|substring|ascii|ord|left|right|length|hex|bin|conv|unicode)\s*\(+\s*(?:\(?\s*select\s+)?(?:version\s*\(|user\s*\(|database\s*\(|schema\s*\(|@@\w+|current_user|system_user|session_user|password\b|passwd\b|pass\b|table_name|column_name|schema_name|banner\b)"
)
# Cartesian joins of system catalogs: a heavy query used as a time-based oracle.
HEAVY_QUERY = regex.compile(
    r"(?:\b(?:all_users|all_objects|sysusers|sysobjects|syscolumns|information_schema\.(?:tables|columns)|sysibm\.\w+|rdb\$\w+|pg_catalog\.\w+|domain\.\w+)\b(?:\s+(?:as\s+)?\w+)?\s*,\s*){2,}"
)
# More blind-extraction shapes: a boolean on the server's identity, or two identity functions compared.
IDENTITY_PROBE = regex.compile(
    r"(?:\band\b|\bor\b|&&|\|\|)\s*\(?\s*(?:current_user|system_user|session_user|user\s*\(\s*\)|database\s*\(\s*\)|version\s*\(\s*\)|@@version|schema\s*\(\s*\))\s*(?:=|<|>|!=|<>|\blike\b)"
    r"|\b[a-z_]+\s*\(\s*\)\s*(?:=|\blike\b)\s*[a-z_]+\s*\(\s*\)"
    r"|\b(?:substr|substring|mid|left|ascii|ord|lpad|rpad)\s*\(\s*(?:user|current_user|system_user|password|passwd)\s*[,)]"
)
# A UNION inside an UPDATE/DELETE/INSERT: impossible in a real statement, the tail of an injection.
UNION_IN_WRITE = regex.compile(r"^\s*(?:update|delete|insert)\b.*\bunion\b[\s(]*(?:all\s+|distinct\s+)*select\b")
ACCOUNT_CHANGE = regex.compile(r"\bcreate\s+(?:user|login)\b|\bgrant\s+(?:all|dba|sysadmin|super)\b|\balter\s+user\b.{0,100}\bidentified\b|\bsp_add(?:srvrolemember|login|rolemember)\b")
# `AND 5650=CONVERT(...)`, `OR 1=(SELECT ...)`: a number compared with a computed probe.
NUM_VS_PROBE = regex.compile(r"(?:\band\b|\bor\b|&&|\|\|)\s*\(?\s*-?\d+\s*(?:=|<|>|<>|!=)\s*\(*\s*(?:select\b|[a-z_]\w*\s*\()")
# A value slot (`= ...`) holding a bare statement: no valid query has `= select` without parentheses.
SLOT_STATEMENT = regex.compile(r"(?:=|<|>|\bin)\s*(?:select|update|delete|insert|drop|copy)\s")
# A closing quote followed by `;` and another statement: stacked after breaking out of a literal.
QUOTE_STACK = regex.compile(r"""['")]\s*;\s*(?:select|while|if|declare|exec|execute|shutdown|drop|delete|insert|update|create|alter|truncate|waitfor|copy|set)\b""")
CREDENTIAL_CATALOG = regex.compile(r"\b(?:pg_shadow|pg_authid|mysql\.user|sys\.sql_logins|sys\.user\$|dba_users|sysxlogins|current_setting\s*\(|pg_group)\b")
VERSIONED_COMMENT = regex.compile(r"/\*!")
TRAILING_COMMENT = regex.compile(r"(?:--[^\n]{0,3}|#[^\n]{0,3}|/\*[^*]*)$")
# `'x' || '1'='1'`, `1 or 1`, `'' = ''`, `'a' like 'a'`: a constant predicate right after a closed quote.
QUOTE_CONST_PRED = regex.compile(r"""^[^']*'\s*\)*\s*""" + _BOOL_OR + r"?" + _CONST_CMP)

STACKED = regex.compile(
    r";\s*(?:drop|delete|truncate|alter|insert|update|create|exec|execute|shutdown|grant|revoke|declare|waitfor|copy|attach|pragma|load|rename|replace|merge|call|set\s+@|select\b.{0,200}\b(?:sleep|pg_sleep|benchmark|waitfor)\b)\b"
)
# A comment whose body is the tail of the host query: quotes, clause keywords, or conditions.
COMMENT_TAIL = regex.compile(
    r"""(?:--|#|/\*)\s*[%]?['"`)]|(?:--|#)[^\n]*(?:\b(?:order|group)\s+by\b|\blimit\s+\d|\band\s+[\w.]+\s*(?:=|<|>|\blike\b)\s*['"\d])"""
)
# Text before a comment that ends in an operator: the comment cut an expression in half.
DANGLING_BEFORE_COMMENT = regex.compile(r"""(?:=|<|>|\(|,|\b(?:and|or|not|like|in|by|select|where|union|from)\b)\s*(?:--|#)""")
# Column-count probing with ORDER BY <n> / GROUP BY <n> right where a value belongs.
ORDER_PROBE = regex.compile(r"""(?:=|\(|['"])\s*\)*\s*(?:order|group)\s+by\s+\d+\b""")
HEX_BLOB = regex.compile(r"\b0x[0-9a-f]{8,}\b")
CHAR_CHAIN = regex.compile(r"\b(?:char|chr)\s*\(\s*\d+\s*(?:,\s*\d+\s*){2,}\)|(?:\b(?:char|chr)\s*\(\s*\d+\s*\)\s*(?:\|\||\+|,)\s*){2,}")
SYS_FUNC = regex.compile(r"@@(?:version|datadir|hostname|basedir|servername|user)\b|\b(?:version|current_user|system_user|database|schema|user|db_name)\s*\(\s*\)")

# A closing quote followed by an operator (`'abc' = !0`, `''&&''`, `'X' - 'Y'`): in a statement
# this is where a value broke out of its literal; parse to confirm.
QUOTE_OPERATOR = regex.compile(r"""'\s*(?:<=>|<>|!=|>=|<=|<<|>>|\|\||&&|!~|[-+*/^&|!<>=%~]|\b(?:div|rlike|regexp|like|sounds|xor|is|not|mod)\b)\s*[-+!~(]*\s*(?:'|\d|\b(?:null|true|false)\b|@)""")
# A value that ends with `) --` or `)#`: an expression closed and the rest commented away.
BREAKOUT_TAIL = regex.compile(r"""\)\s*(?:--|#|/\*)[^\n]{0,4}$""")

# Cheap gate: does this text contain anything SQL-injection shaped at all?
GATE = regex.compile(
    r"""(?i)['"`]|--|#|/\*|;|\|\||&&|@@|0x[0-9a-f]|\d(?:[def])?(?:union|and|or)\b|\b(?:or|and|xor|union|select|sleep|benchmark|waitfor|order|group|having|exec|execute|drop|delete|insert|update|into|load_file|extractvalue|updatexml|procedure|copy|case|when|if|elt|randomblob|char|concat|version|database|user|create|grant|where|xp_\w+|utl_\w+|dbms_\w+|pg_\w+)\b"""
)

DESTRUCTIVE_STATEMENT = regex.compile(
    r"^\s*(?:drop\s+(?:table|database|schema|user|view|index|function|procedure|trigger)|truncate\b|alter\s+table\b.{0,200}\bdrop\b|grant\b|revoke\b|shutdown\b)"
)
DELETE_OR_UPDATE = regex.compile(r"^\s*(?:delete\b|update\b)")
HAS_WHERE = regex.compile(r"\bwhere\b")


def _squash(text: str) -> str:
    if "\n" in text or "\t" in text or "\r" in text or "  " in text or "\x0b" in text or "\x0c" in text:
        # str.split/join, not RE2's sub: from Python, re2.sub costs ~100 us on a short string.
        lead = " " if text[:1].isspace() else ""
        return lead + " ".join(text.split())
    return text


def normalise(text: str) -> tuple[str, str | None]:
    """Lower-case, unwrap versioned comments, inline comments to spaces, whitespace collapsed.

    Returns (form, joined): `joined` is the form with inline comments deleted instead, only when
    a comment sits between two word characters (`UN/**/ION`): some filters strip comments, so
    the joined word is what they would pass on.
    """
    low = text.lower()
    if _GLUED_KEYWORD.search(low):
        low = _GLUED_KEYWORD.sub(r"\1\2 \3", low)  # `1e0union`, `1dunion`: number then keyword
    joined: str | None = None
    if "/*" in low:
        if "/*!" in low:
            low = _VERSIONED.sub(r" \1 ", low)
        if _WORD_SPLIT_BY_COMMENT.search(low) is not None:
            joined = _squash(_INLINE_COMMENT.sub("", low))
        low = _INLINE_COMMENT.sub(" ", low)
    return _squash(low), joined
