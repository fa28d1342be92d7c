"""RE2 token-shape rules for SQL injection: the cheap first pass (and the fallback when sqlglot cannot parse).

Every rule here reads a *normalised* lower-case form (see `normalise`): MySQL versioned
comments unwrapped, inline comments turned to spaces, whitespace collapsed. The rules describe
structure in token terms (a boolean operator followed by a predicate made only of literals, a
UNION whose projection is literals or system functions, a dangerous function called), never a
particular payload.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.sql_normal import normalise  # noqa: F401 - re-exported (R.normalise)

_ATOM = r"""(?:'[^']*'|"[^"]*"|\d+(?:\.\d+)?(?:e\d+)?|0x[0-9a-f]+|x'[0-9a-f]*'|n'[^']*'|true|false|null)"""
# A function of constants is a constant too (`cos(3)`, `ascii(2)`, `pi()`, `isnull(1/0)`).
_FUNC_CONST = r"""(?:[a-z_]\w*\s*\(\s*(?:[a-z_]\w*\s*\(\s*\)|""" + _ATOM + r"""(?:\s*[-+*/%]\s*""" + _ATOM + r""")?)?\s*\))"""
_OPERAND = r"""(?:\(\s*)*(?:""" + _ATOM + "|" + _FUNC_CONST + r""")(?:\s*\))*"""
# Arithmetic of constants is still a constant (`1+2=3+4`, `(1+2+3)=7*3`).
_LIT = r"""(?:""" + _OPERAND + r"""(?:\s*[-+*/%]\s*-?""" + _OPERAND + r""")*)"""
# A literal, or one left open at the very end of the text (the host's own quote closes it).
_LIT_OR_OPEN = r"""(?:""" + _LIT + r"""|'[^']*$|"[^"]*$)"""
# A literal, or one left open at the very end of the text (the host's own quote closes it).
_UNARY = r"""(?:[\s(+\-!~]|\bnot\b|\bbinary\b)*"""
_CMP = r"""(?:<=>|<>|!=|>=|<=|=|<|>|\s(?:(?:not\s+)?(?:like|rlike|regexp|in)|sounds\s+like|is(?:\s+not)?)\b|\s*\bdiv\b)"""
# Where a constant predicate ends: end of text, a comment, a closing paren, the next clause.
_END = r"""(?:\s*(?:$|\)|;|--|#|/\*|['"]|\b(?:and|or|xor|order|group|limit|having|union|into|procedure|from|then)\b))"""
# After a literal-to-literal comparison any boundary will do (`or 1=1–`, `or 1=1'`), except
# arithmetic or a longer number, which would make it a different expression.
_END_CMP = r"""(?:$|--|-(?:\s|$)|[^\w.+\-*/%^&|])"""
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
        # NAME_CONST exists for replication logs; a query never needs it, error-based dumps do
        # (`NAME_CONST(version(),1)` duplicated in a join names the column after the secret).
        ("error_based", r"\bname_const\s*\("),
        # MySQL geometry constructors fed a subquery fail with the subquery's value in the error.
        ("error_based", r"\b(?:polygon|multipoint|multipolygon|linestring|multilinestring|geometrycollection)\s*\(\s*\(\s*select\b"),
        ("error_based", r"\bconvert\s*\(\s*int\s*,\s*\(?\s*(?:select|@@|db_name|user_name|char)\b"),
        ("error_based", r"\bcast\s*\(\s*\(?\s*select\b.{0,200}\bas\s+(?:int|numeric)\b"),
        # out-of-band and command execution from SQL
        ("out_of_band", r"\binto\s+(?:out|dump)file\b"),
        ("out_of_band", r"\bload_file\s*\("),
        ("out_of_band", r"\bload_extension\s*\("),  # SQLite: loads a native library, i.e. runs its code
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

UNION_SELECT = regex.compile(r"\bunion(?:\s+(?:all|distinct))*[\s(+\-]+select\b")
# What an injected UNION reads: literals/NULL placeholders to match the column count, or the
# server's own catalog and identity.
_UNION_PLACEHOLDER_LEAD = r"\bunion(?:\s+(?:all|distinct))*[\s(+\-]+select[\s(]+(?:(?:null|\d+|0x[0-9a-f]+|'[^']*'|char\s*\([^)]*\))\s*,\s*){1,}"
# The placeholder-only part of UNION_EVIDENCE: literal/NULL/number columns. Real reporting SQL
# has that shape too (`SELECT 'web', COUNT(*) FROM a UNION ALL SELECT 'store', COUNT(*) FROM b`),
# so in a whole statement it is confirmed on the parse tree (sql_parse.ordinary_union).
UNION_PLACEHOLDER = regex.compile(
    _UNION_PLACEHOLDER_LEAD
    + r"|\bunion(?:\s+(?:all|distinct))*[\s(+\-]+select\b[^;]{0,300}?,\s*(?:null|\d+|'[^']{0,3}')\s*(?:,|$|\bfrom\b|--|#|/\*|\))"
)
_UNION_CATALOG = (
    r"\bunion(?:\s+(?:all|distinct))*[\s(+\-]+select\b.{0,400}?(?:\binformation_schema\b|\bmysql\.user\b|\bpg_(?:shadow|user|catalog|database|tables)\b"
    r"|\bsys(?:objects|columns|databases|users|logins)\b|\bsys\.(?:tables|objects|columns|databases|sql_logins|user\$)"
    r"|\ball_(?:tables|users|tab_columns)\b|\buser_(?:tables|tab_columns|password)\b|\bsqlite_master\b|\bsqlite_schema\b|\bdual\b"
    r"|@@\w+|\b(?:version|user|database|schema|current_user|system_user|session_user|db_name|user_name|banner|load_file)\s*\(|\bgroup_concat\s*\(|\bconcat(?:_ws)?\s*\(\s*0x)"
    r"|\bunion(?:\s+(?:all|distinct))*[\s(+\-]+select[\s(]+(?:null|\d+|0x[0-9a-f]+|@@\w+|char\s*\()\s*(?:$|--|#|/\*|;|[-+]\s*$|\bfrom\b|\blimit\b|\binto\b)"
    # or reading credential-looking columns
    r"|\bunion(?:\s+(?:all|distinct))*[\s(+\-]+select\b.{0,300}?\b(?:\w*passw(?:or)?d\w*|passwd|user_?pass|pwd|credentials?)\b"
)
# What a UNION reads that no report needs: the server's catalog, identity, credentials, or a
# lone placeholder column (never downgraded by the parse).
UNION_CATALOG = regex.compile(_UNION_CATALOG)
UNION_EVIDENCE = regex.compile(UNION_PLACEHOLDER.pattern + "|" + _UNION_CATALOG)

TAUT_OR_CMP = regex.compile(_BOOL_OR + _CONST_CMP + _END_CMP)
TAUT_OR = regex.compile(_BOOL_OR + r"(?:" + _CONST_CMP + _END_CMP + "|" + _CONST_BARE + _END + r")")
# For values, a quote right after a bare literal is prose (`16" or 18"`), not an end of predicate.
TAUT_OR_VALUE = regex.compile(_BOOL_OR + r"(?:" + _CONST_CMP + _END_CMP + "|" + _CONST_BARE + _END.replace("""|['"]""", "") + r")")
CONST_AND_CMP = regex.compile(_BOOL_AND + _CONST_CMP + _END_CMP)
# sqlmap-style constant branches: CASE WHEN (7449=7449), IF(1=1,...), ELT(8051=8051,1).
CONST_BRANCH = regex.compile(r"\b(?:case\s+when|if|iif|elt|make_set)\s*\(*\s*" + _CONST_CMP + r"\s*\)*\s*(?:then\b|,|select\b)")
# HAVING 1=1 / HAVING 1=0: error-based column enumeration.
HAVING_CONST = regex.compile(
    r"\bhaving\b" + _CONST_CMP + _END_CMP
    # `having 1`, `having (1 or 1)`: a bare constant as the whole HAVING condition
    + r"|\bhaving\s*\(*\s*" + _LIT + r"\s*(?:\)|$|--|#|/\*|;|\bfor\b|\bor\b|\band\b|\bunion\b)"
)
# WHERE 1=1 inside a *value* (a statement may start its WHERE that way; a value never should).
WHERE_CONST = regex.compile(r"\bwhere\b" + _CONST_CMP + _END_CMP)
# Blind extraction: a substring/ascii of the server's identity or secrets, one character at a time.
BLIND_EXTRACT = regex.compile(
    # nested string functions (`ascii(lower(substring((select version()...`) and a SELECT glued to
    # its operand (`(selectversion()`, written to slip past space filters) are the same probe
    r"\b(?:mid|substr|substring|ascii|ord|left|right|length|hex|bin|conv|unicode)\s*\(+\s*"
    r"(?:(?:lower|upper|lcase|ucase|mid|substr|substring|ascii|ord|left|right|hex|bin|conv|unicode|trim|reverse)\s*\(+\s*)*"
    r"(?:\(?\s*select\s*)?(?:version\s*\(|user\s*\(|database\s*\(|schema\s*\(|@@\w+|current_user|system_user|session_user|password\b|passwd\b|pass\b|table_name|column_name|schema_name|banner\b)"
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
QUOTE_STACK = regex.compile(r"""['")]\s*;\s*(?:select|do\b|while|if|declare|exec|execute|shutdown|drop|delete|insert|update|create|alter|truncate|waitfor|copy|set)\b""")
CREDENTIAL_CATALOG = regex.compile(r"\b(?:pg_shadow|pg_authid|mysql\.user|sys\.sql_logins|sys\.user\$|dba_users|sysxlogins|current_setting\s*\(|pg_group)\b")
VERSIONED_COMMENT = regex.compile(r"/\*!")
TRAILING_COMMENT = regex.compile(r"(?:--[^\n]{0,3}|#[^\n]{0,3}|/\*[^*]*)$")

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
CHAR_CHAIN = regex.compile(r"\b(?:char|chr)\s*\(\s*\d+\s*(?:,\s*\d+\s*){2,}\)|(?:\b(?:char|chr)\s*\(\s*(?:\d+|0x[0-9a-f]+)\s*\)\s*(?:\|\||\+|,)\s*){2,}")
SYS_FUNC = regex.compile(r"@@(?:version|datadir|hostname|basedir|servername|user)\b|\b(?:version|current_user|system_user|database|schema|user|db_name)\s*\(\s*\)")

# A closing quote followed by an operator (`'abc' = !0`, `''&&''`, `'X' - 'Y'`): in a statement
# this is where a value broke out of its literal; parse to confirm.
QUOTE_OPERATOR = regex.compile(r"""'\s*(?:<=>|<>|!=|>=|<=|<<|>>|\|\||&&|!~|[-+*/^&|!<>=%~]|\b(?:div|rlike|regexp|like|sounds|xor|is|not|mod)\b)\s*[-+!~(]*\s*(?:'|\d|\b(?:null|true|false)\b|@)""")
# A value that ends with `) --` or `)#`: an expression closed and the rest commented away.
BREAKOUT_TAIL = regex.compile(r"""\)\s*(?:--|#|/\*)[^\n]{0,4}$""")

# Cheap gate: does this text contain anything SQL-injection shaped at all?
GATE = regex.compile(
    r"""(?i)['"`]|--|#|/\*|;|\|\||&&|@@|0x[0-9a-f]|\d(?:[def])?(?:union|and|or)\b|\b(?:or|and|xor|union|select|sleep|benchmark|waitfor|order|group|having|exec|execute|drop|delete|insert|update|into|load_file|extractvalue|updatexml|procedure|copy|case|when|if|elt|randomblob|char|concat|version|database|user|create|grant|where|xp_\w+|utl_\w+|dbms_\w+|pg_\w+|iif|div|any|do|true|false|null)\b|[()=@\x{2018}\x{2019}\x{201c}\x{201d}\x{2032}]"""
)

DESTRUCTIVE_STATEMENT = regex.compile(
    r"^\s*(?:drop\s+(?:table|database|schema|user|view|index|function|procedure|trigger)|truncate\b|alter\s+table\b.{0,200}\bdrop\b|grant\b|revoke\b|shutdown\b)"
)
DELETE_OR_UPDATE = regex.compile(r"^\s*(?:delete\b|update\b)")
HAS_WHERE = regex.compile(r"\bwhere\b")


# --- structural shapes of a value that broke out, read on whole statements -------------------
# A comparison whose value slot is empty (`id = AND 1`, `id = ) or (`, `id = OR x=y`): no valid
# statement has it; the value that belonged there was an injection fragment.
EMPTY_SLOT = regex.compile(r"""(?:[^<>!:=]=|<>|!=)\s*(?:\b(?:and|or|xor|limit|order|group|union|having|create|exec|execute|backup|from)\b|\|\||&&)""")
# A string literal in a comparison followed by an operator instead of AND/OR/the next clause
# (`= 'A' NOT LIKE 'B'`, `= ''<=>''`, `= 'aa' / current_date`): the literal was closed early.
LITERAL_CONTINUED = regex.compile(
    r"""(?:[^<>!:=]=|<>|!=|\blike)\s*'[^']*'\s*(?:<=>|<>|!=|>=|<=|-(?:[^-]|$)|\|(?:[^|]|$)|/(?:[^*]|$)|[+*%^&<>=!~]|\b(?:not|like|rlike|regexp|sounds|is|in|div|mod|xor|eqv|imp|between)\b)"""
)
# AND/OR/|| whose operand is a bare constant (`AND 1`, `AND true`, `|| 'x'`) before the next clause.
BARE_CONST_BOOL = regex.compile(
    r"""(?:\band\b|\bor\b|\bxor\b|&&)\s*(?:not\s+)?[-+~!(\s]*(?:\d+|true|false|null|'[^']*')[\s)]*(?:$|;|--|#|\b(?:and|or|limit|order|group|union)\b)"""
)
# A UNION left without its SELECT (`id = -1 union`): the rest was cut off by a comment or filter.
DANGLING_UNION = regex.compile(r"""\bunion(?:\s+all)?\s*(?:select\s*)?(?:$|;|--|#|/\*|\blimit\b)""")
# A subquery used as an arithmetic/boolean operand (`1 DIV(SELECT`, `1 - ANY(SELECT`, `|| (select`).
SUBQUERY_OPERAND = regex.compile(r"""(?:\b(?:div|mod|any|some|and|or|xor)|[-+*/%^|&])\s*\(+\s*select\b""")
# A comparison of two functions of nothing (`ascii(2) = ascii(2)`, `cos(3)=sin(4)`) or a CASE of constants.
CONST_CASE = regex.compile(r"""\bcase\s+(?:when\s+)?(?:[\d'"]|true\b|false\b|binary\b|\w+\s*\(\s*[\d'"])[^;]{0,80}?\bthen\b[^;]{0,80}?\bend\b""")

# --- value-only shapes ------------------------------------------------------------------------
# A value that *is* a SELECT of SQL expressions (`select @@version`, `select sin(id),2 from`,
# `select version();`): a search box receiving a query. "select two items" is prose.
VALUE_SELECT = regex.compile(r"""^\W{0,3}select\s*(?:[@(\-`{\[*]|\d|\w+\s*(?:\(|,|;)|'[^']*'\s*,|"[^"]*"\s*from\b|(?:current_user|session_user|system_user|user|version|database)\b)""")
# An expression of numbers/@@variables then a comment to the end (`1*1/*`, `@@version--`).
EXPR_COMMENT = regex.compile(r"""^\s*(?:[-+(]*\s*(?:\d[\d.]*|@@?\w+|true|false|null)\s*\)*\s*(?:[-+*/%^|&]|\bdiv\b)\s*)*[-+(]*\s*(?:\d[\d.]*|@@?\w+)\s*\)*\s*(?:--|#|/\*)[^\n]{0,6}$""")
# A comment that hides a quote (`1/*'*/`): made to unbalance a filter's view of the literal.
QUOTE_IN_COMMENT = regex.compile(r"""/\*[^*]{0,20}['"][^*]{0,20}\*/""")
# A number (or expression) then a bare UNION: the start of a UNION injection.
NUM_UNION = regex.compile(r"""^\s*[-+(]*\s*(?:\d|0x|@)[^a-z]{0,40}\bunion\b\s*(?:$|all\b|distinct\b|select\b|\(|--|#|/\*)""")
# A value that starts with AND/OR and a comparison (` OR x=x`): a condition appended to the query.
APPENDED_CMP = regex.compile(r"""^\s*\)*\s*(?:and|or|xor|&&|\|\|)\s+\(*\s*(?:not\s+)?[\w.@]+\s*(?:=|<|>|!=|<>|\blike\b|\bis\b)""")
# A closing quote glued to a keyword (`'aa'or x`, `'a'like'b'`): formatted SQL separates them;
# a payload written to slip past space-based filters does not.
GLUED_QUOTE_KEYWORD = regex.compile(r"""[^'\s=(,]'(?:or|xor|union|like|rlike|regexp|is|div|sounds)\b|\b(?:or|xor|rlike|regexp)'""")
# A subquery as an operand of ||/DIV or of arithmetic with ANY/SOME (`1 || (select`, `1 DIV(SELECT`).
STMT_SUBQUERY_OPERAND = regex.compile(r"""(?:\|\||\bdiv\b)\s*\(+\s*select\b|[-+*/%]\s*(?:any|some)\s*\(+\s*select\b""")
# Rows read one at a time from a subquery (`(select id from users limit 1,1)`): blind enumeration.
ROW_ENUM = regex.compile(r"""\blimit\s+\d+\s*,\s*1\s*\)|\(\s*select\b[^;]{0,60}?\bfrom\s+dual\b""")
# A constant compared to a constant range (`and 1 not between 0 and 1`).
CONST_BETWEEN = regex.compile(r"""\b(?:and|or)\s+-?\d+\s+(?:not\s+)?between\s+-?\d+\s+and\s+-?\d+\b""")
# A second statement reading the catalog, or selecting placeholders, stacked after a value.
STACKED_CATALOG = regex.compile(r""";\s*select\b[^;]{0,200}\b(?:information_schema|sysobjects|syscolumns|pg_catalog|sqlite_master|mysql\.user|all_tables|all_tab_\w+)\b|;\s*select\s+(?:null\s*,\s*)+null\b""")
# The server's identity wrapped in another function (`coercibility(user())`, `length(compress(version()))`).
IDENTITY_CALL = regex.compile(r"""\b[a-z_]\w*\s*\(\s*(?:[a-z_]\w*\s*\(\s*)*(?:version|user|current_user|database|schema|system_user|session_user)\s*\(\s*\)""")
STMT_IDENTITY_CALL = regex.compile(r"""(?:=|\bin)\s*\(?\s*[a-z_]\w*\s*\(\s*(?:[a-z_]\w*\s*\(\s*)*(?:version|user|current_user|database|schema|system_user|session_user)\s*\(\s*\)""")
# A closing quote followed by a comparison, bitwise or boolean operator: for a value that does
# not even parse in a host query, this is the break-out itself (`'=0--+`, `aa'is\\N|!'`).
# Words count only when glued to the quote: `DANCIN' LIKE A ROBOT` is prose.
HARD_BREAKOUT = regex.compile(r"""'\s*(?:<=>|<>|!=|>=|<=|[=<>*^|&])|'(?:is|like|rlike|regexp|or|xor|div)\b""")


# --- value shapes that broke out next to a literal (issue #2) --------------------------------
# A UNION glued to a decorated literal in a value slot: a Unicode-escape or charset-introduced
# string (`u&'x'`, `_latin1'x'`), a number with a trailing dot (`1.union`) or a cast chain on a
# number (`1::real::real`). Hand-written SQL never decorates a literal only to UNION after it;
# payload lists do, to get past filters that look for `' union` or `1 union`.
DECORATED_UNION = regex.compile(
    r"""(?:[^<>!:=]=|<>|!=|<|>|\blike|\bin)\s*\(?\s*(?:u&'[^']*'|_[a-z0-9]+\s*'[^']*'|\d+\.|\d[\d.]*(?:\s*::\s*[a-z]\w*)+)\s*\.?\s*"""
    r"""union\b[\s(]*(?:all\s+|distinct\s+)?select\b"""
)
# XOR of an operand with a string constant as an OR/AND operand (`' or x ^ '1`, `" or md5(1)^"1`,
# `or @@version^"0`): MySQL coerces the string to a number and the predicate becomes a constant
# probe. No query or sentence ORs a value XOR-ed with a quoted digit.
XOR_PROBE = regex.compile(r"""\b(?:or|and|xor)\s+[\w.@()`]{1,80}\s*\^\s*[-+~!]*\s*['"]""")
# A subquery with no condition of its own as a whole AND/OR operand: `AND (SELECT * FROM users)`,
# `AND (SELECT TOP 10 username FROM users)`: probes that a table or column exists (an error or
# a changed page answers). `SELECT *` or TOP n can never be a boolean; a credential table read
# whole is held for a human.
TABLE_PROBE = regex.compile(r"""\b(?:and|or)\s+\(\s*select\s+(?:\*|top\s+\d+\s+[\w.]+)\s+from\s+[\w.\[\]"`]+\s*\)""")
CREDENTIAL_TABLE_PROBE = regex.compile(
    r"""\b(?:and|or)\s+\(\s*select\s+(?:[^()]|\([^()]*\)){1,60}?\s+from\s+[\w.\[\]"`]*?(?:users?|accounts?|admins?|administrators?|logins?|members|credentials?|passwords?)[\]"`]?\s*\)"""
)
# `; -- -a'`: the statement ended by hand and a comment swallowing the host's closing quote.
TERMINATED_COMMENT_QUOTE = regex.compile(r""";\s*(?:--|#)[^\n'"]{0,6}['"]\s*$""")
# A closed quote compared with a quote behind unary signs (`aa" =+ - "0`): the value closed its
# literal and opened a constant comparison; prose does not put `=+ -` between two quotes.
QUOTE_UNARY_CMP = regex.compile(r"""["']\s*(?:<=>|<>|!=|=)\s*[-+~!][-+~!\s]*["']""")
# A number minus/plus a character-code function of a literal (`1 - ORD('A')`, `5+ascii('a')`):
# arithmetic a blind probe uses to test whether the value is evaluated.
ARITH_CHAR_PROBE = regex.compile(r"""^\s*-?\d+\s*[-+*/%]\s*(?:ord|ascii|char|chr|length|len|unicode|hex|unhex|conv|bin)\s*\(\s*['"\d]""")


# --- more break-out shapes (issue #2, second pass) -------------------------------------------
# A value that is only an operator between two quotes (`"-"`, `'^'`, `"&"`, optionally inside
# LIKE wildcards): it closes the host's literal, applies an arithmetic or bitwise operator to
# it and reopens it, so MySQL compares the column with a number (0), which matches every
# non-numeric string. No name is a bare quoted operator; `"*"` is left out (a quoted wildcard is
# an ordinary search).
QUOTED_OPERATOR_VALUE = regex.compile(r"""^\s*%?\s*(?:'\s*[-+/%^&|]\s*'|"\s*[-+/%^&|]\s*")\s*%?\s*$""")
# Arithmetic between a number and a boolean constant (`1-true`, `0+false`): a probe of whether
# the value is evaluated as SQL. Values are anchored (prose says "top 10 - true crime"); in a
# statement it must sit in a comparison's value slot.
BOOL_ARITH_VALUE = regex.compile(r"""^\s*\(?\s*-?\d+(?:\.\d+)?\s*[-+*/%]\s*(?:true|false)\s*\)?\s*(?:--|#|/\*|;|$)""")
BOOL_ARITH_SLOT = regex.compile(r"""(?:[^<>!:=]=|<>|!=|<|>)\s*\(?\s*-?\d+(?:\.\d+)?\s*[-+*/%]\s*(?:true|false)\b""")
# A number in a value slot OR-ed (`||`, MySQL's OR) or AND-ed (`&&`) with a predicate on another
# column (`id = 1 || user_id is not null`): nobody concatenates a numeric literal with a
# condition; a value widening the query with the symbolic operator (to pass filters on `or`) does.
# The rest of a predicate: a comparison with an operand, IS [NOT] NULL, LIKE '..', IN (.
_PREDICATE_REST = r"""(?:\bis\s+(?:not\s+)?(?:null|true|false)\b|(?:=|<>|!=|<=|>=|<|>)\s*[-\w'"(]|\blike\s+['"]|\bin\s*\(|\bbetween\s+[-\w'"])"""
PIPES_PREDICATE_SLOT = regex.compile(
    r"""(?:[^<>!:=|]=|<>|!=|<|>)\s*-?\d+(?:\.\d+)?\s*(?:\|\||&&)\s*\(*\s*(?:not\s+)?[a-z_][\w.]*\s*""" + _PREDICATE_REST
)
PIPES_PREDICATE_VALUE = regex.compile(
    r"""^\s*-?\d+(?:\.\d+)?\s*(?:\|\||&&)\s*\(*\s*(?:not\s+)?[a-z_][\w.]*\s*""" + _PREDICATE_REST
)
# ORDER BY a column wrapped in a function that returns it unchanged (`ifnull(null, col)`,
# `coalesce(null, col)`): column probing written to slip past filters on `order by <name>`.
ORDER_NOOP_WRAP = regex.compile(r"""\border\s+by\s+(?:ifnull|coalesce|isnull|nvl|nvl2|nullif)\s*\(\s*null\s*,""")
# A stored-procedure call right after a value, without a `;` (SQL Server runs it as a second
# statement): `id = 1 exec sp_...`, `name = 'x' exec xp_...`, `= 1 execute master.`.
EXEC_AFTER_VALUE = regex.compile(
    r"""(?:[^<>!:=]=|<>|!=|<|>|\bin)\s*(?:'[^']*'|"[^"]*"|[-\w.()]+)\s+exec(?:ute)?\s+(?:sp_|xp_|master\.|@|\()"""
)
# A comparison whose value slot holds only a comment, at the end of the statement
# (`WHERE id = /*...*/`): the value was a comment. Read on the raw text (normalise() blanks
# comments); a bare `= ;` is left alone: generated queries with a missing value look like that.
COMMENT_SLOT_END = regex.compile(r"""(?i)(?:[^<>!:=]=|<>|!=|<|>|\blike)\s*/\*.*?\*/\s*;?\s*$""")
# Keywords split by underscores (`UNI_ON SEL_ECT`, `CON_CAT(`): some filters strip `_` before
# matching, the attacker writes the split word so the filtered text becomes SQL again.
# (Not `update`, `delete`, `insert`: `up_date`, `de_lete`-like column names exist; a joined
# word only matters when the joined text then matches a rule.)
_UNDERSCORE_SPLITTABLE = ("union", "select", "concat", "from", "where", "sleep", "benchmark", "database", "version", "order", "having")
# Every spelling with at least one underscore inside the word (`u_nion`, `uni__on`), so a plain
# `select ... from order_lines` never matches and costs one RE2 search.
UNDERSCORE_SPLIT = regex.compile(
    r"\b(?:"
    + "|".join("_*".join(k[:i]) + "_+" + "_*".join(k[i:]) for k in _UNDERSCORE_SPLITTABLE for i in range(1, len(k)))
    + r")\b"
)


def join_underscore_split(low: str) -> str | None:
    """`5 uni_on sel_ect` -> `5 union select`; None when no keyword is split by underscores."""
    if "_" not in low or UNDERSCORE_SPLIT.search(low) is None:
        return None
    parts: list[str] = []
    last = 0
    for n, m in enumerate(UNDERSCORE_SPLIT.finditer(low)):
        if n >= 64:
            break
        parts.append(low[last : m.start()])
        parts.append(m.group(0).replace("_", ""))
        last = m.end()
    if not parts:
        return None
    parts.append(low[last:])
    return "".join(parts)
# A value slot holding a comparison (`id = \1=\1and\1=\1`, `id = 2=2`): `a = b = c` is valid
# grammar that nobody writes; a value carrying its own `x=y` tautology produces it.
CHAINED_SLOT = regex.compile(r"""(?:^|[^<>!:=])=\s*[^\s=<>!'"`(),;]+\s*=\s*[^\s=<>!;]""")
# Two string literals side by side in a value slot (`username = '' ''`): the value closed the
# host's quote and opened another (MySQL concatenates adjacent literals).
ADJACENT_LITERALS = regex.compile(r"""(?:[^<>!:=]=|<>|!=|\blike)\s*'[^']*'\s+'[^']*'""")
