"""nosql_injection detector: MongoDB-style operator objects and server-side JavaScript where plain values belong.

The attack (PayloadsAllTheThings "NoSQL injection") replaces a scalar that an application
drops into a query with an operator object: `{"username": {"$ne": null}}` matches every user,
`{"password": {"$regex": "^a"}}` extracts a password one character at a time, `$where` runs
JavaScript on the server (`sleep(5000)`, `this.password.match(...)`). The same arrives as JSON
inside a string (extraction walks it, so its keys reach us as fragments), as the query-string
bracket form `username[$ne]=x`, or as a JavaScript break-out typed into a `$where` string.

What an operator *means* depends on where it sits, read from the fragment pointers:
- under an argument that is a query (`filter`, `query`, `pipeline`, ...) or in a database tool,
  operators are the query language: `{"age": {"$gt": 30}}` is ordinary. Only a tautology or
  probe on a credential field (HIGH) and dangerous `$where` JavaScript (CRITICAL) count;
- anywhere else an operator object replaced a value: CRITICAL.
A file's content (Role.CONTENT) is data: a Mongo query saved to a file is not run.
"""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import R_CONTENT, R_EMAIL, R_SHELL, R_TEXT, Fragment, ScanContext
from aegis_mcp.engine.detectors.nosql_query import GATE_PATTERNS as _QUERY_GATE_PATTERNS
from aegis_mcp.engine.detectors.nosql_query import REQUEST_WORDS, query_findings
from aegis_mcp.engine.gates import Gate
from aegis_mcp.engine.model import RiskLevel, Signal
from aegis_mcp.engine.roles import split_words

PATTERN = "nosql_injection"

# detect() only ever looks at a key or value holding `$`, `%24`, `this.`, or a quote together with
# `||`, `&&` or `;` (its own cheap pre-checks below); anything else cannot produce a signal.
GATE = Gate(patterns=(r"\$", r"(?i)%24", r"this\.", r"['\"][\s\S]*(?:\|\||&&|;)", r"(?:\|\||&&|;)[\s\S]*['\"]",
                      *_QUERY_GATE_PATTERNS))  # (nosql_query's rules: script exec, empty query arguments)

# Query operators an attacker substitutes for a value. Not `$type`, `$schema`, `$ref`, `$id`
# (JSON Schema / JSON-LD vocabulary) nor OData's `$filter`/`$top` (URL options, not objects).
_OPERATORS = frozenset(
    "$ne $eq $gt $gte $lt $lte $in $nin $regex $where $exists $expr $not $or $and $nor $elemmatch "
    "$function $accumulator $all $size $mod $text $jsonschema".split()
)
_JS_OPERATORS = frozenset({"$where", "$function", "$accumulator"})
_COMPARISONS = frozenset({"$in", "$nin", "$gt", "$gte", "$lt", "$lte", "$all", "$size", "$exists", "$eq", "$mod", "$elemmatch"})
# Operators that turn an equality test on a secret into "anything" or into a character-by-character probe.
_PROBE_OPERATORS = frozenset({"$ne", "$gt", "$gte", "$lt", "$lte", "$regex", "$exists", "$nin", "$in", "$not", "$where", "$expr"})
_DB_TOOL_WORDS = frozenset(
    "mongo mongodb mongosh db database nosql collection collections documents couchdb couch firestore "
    "dynamodb dynamo cosmos cosmosdb elasticsearch opensearch aggregate aggregation".split()
)
# Argument names whose value is a query in the database's own language.
_QUERY_NAMES = frozenset(
    "filter filters query selector match criteria where conditions condition predicate pipeline update "
    "projection sort find lookup expression expr".split()
)
_CREDENTIAL_WORDS = frozenset(
    "user username login password passwd pass pwd passcode passphrase email token secret otp pin apikey "
    "credential credentials auth session hash".split()
)
# Dangerous server-side JavaScript: timing, endless loops, reads of secret fields, tautologies.
_DANGEROUS_JS = regex.compile(
    r"(?i)\bsleep\s*\(|\bwhile\s*\(\s*(?:true|1)\s*\)|\bfor\s*\(\s*;\s*;|\bthis\.\w*(?:pass|pwd|token|secret|hash)"
    r"|\breturn\s+(?:true|1)\b|\b(\d+)\s*===?\s*\d+\b|(?:'|\")[^'\"]{0,20}(?:'|\")\s*===?\s*(?:'|\")[^'\"]{0,20}(?:'|\")"
    r"|\bdb\.\w+|\bprocess\.|\brequire\s*\(|\bnew\s+Date\s*\(\s*\)\s*[-<>]"
)
# `username[$ne]=x`: how Express/PHP query-string parsers build the operator object. Captured:
# the parameter's root name and the bracketed names between it and the operator.
_BRACKET = regex.compile(
    r"(?i)([\w.-]*)((?:\[[^\]\[=&$]*\])*)\[\s*\$(ne|eq|gt|gte|lt|lte|in|nin|regex|where|exists|expr|not|or|and|nor|elemmatch|function)\s*\]"
)
_GRAPHQL = regex.compile(r"(?i)^\s*(?:query|mutation|subscription|fragment)\b|\(\s*\$\w+\s*:\s*\[?\w+!?")
# Operator syntax inside a value that is not strict JSON (`{$ne: 1}`, `true, $where: '1 == 1'`).
_INLINE_OPERATOR = regex.compile(
    r"(?i)(?:^|[{,\s])[\"']?\$(?:ne|gt|gte|lt|lte|nin|regex|where|exists|expr|or|function)[\"']?\s*:"
)
# A break-out of a quoted `$where` string into JavaScript: `' || '1'=='1`, `'; return true; var a='`.
_JS_BREAKOUT = regex.compile(
    r"(?i)['\"]\s*(?:\|\||&&)\s*(?:['\"][^'\"]{0,20}['\"]\s*===?\s*['\"]|\d+\s*===?\s*\d+|true\b)"
    r"|['\"]\s*;\s*(?:return\s+(?:true|1)\b|sleep\s*\(|while\s*\(|var\s+\w+\s*=\s*['\"])"
    r"|\bthis\.\w*(?:pass|pwd|token|secret)\w*\s*\.\s*match\s*\("
)
_STRING_ROLES_SKIPPED = (R_CONTENT, R_EMAIL)


def _segments(path: str) -> list[str]:
    return [s.replace("~1", "/").replace("~0", "~") for s in path.split("/")[1:]]


def _field_of(parents: list[str]) -> str:
    """The field an operator applies to: the nearest enclosing name that is neither an index nor an operator."""
    for seg in reversed(parents):
        if seg and not seg.isdigit() and not seg.startswith("$"):
            return seg
    return ""


# Words that make a field *about* a credential rather than the credential (`last_login`,
# `password_changed_at`, `token_expires`, `login_count`): timestamps and counters are queried by range.
_METADATA_WORDS = frozenset({"at", "time", "date", "last", "first", "count", "attempts", "expires", "expiry", "created",
                             "updated", "changed", "length", "type", "ts", "timestamp", "failed", "age"})


def _is_credential(field: str) -> bool:
    words = split_words(field)
    if any(w in _METADATA_WORDS for w in words):
        return False
    return bool(words) and (words[-1] in _CREDENTIAL_WORDS or "".join(words) in _CREDENTIAL_WORDS)


def _in_query(parents: list[str], db_tool: bool) -> bool:
    if db_tool:
        return True
    for seg in parents:
        low = seg.lower()
        if low in _QUERY_NAMES or (low.startswith("$") and low in ("$match", "$lookup", "$expr")):
            return True
        words = split_words(seg)
        if words and words[-1] in _QUERY_NAMES:
            return True
    return False


def _content_roots(ctx: ScanContext) -> tuple[str, ...]:
    """Pointers of string values that are file content: JSON walked out of them is data too.
    (Not for a tool that sends a request: a login form's body is what the server will query with.)"""
    if ctx.tool_words & REQUEST_WORDS:
        return ()
    return tuple(f.path + "/" for f in ctx.fragments if f.role == R_CONTENT and not f.is_key and f.raw[:1] in "{[")


def _operator_signal(frag: Fragment, values: dict[str, list[str]], db_tool: bool) -> Signal | None:
    op = frag.raw.lower()
    parents = _segments(frag.path)[:-1]
    field = _field_of(parents)
    query = _in_query(parents, db_tool)
    if op in _JS_OPERATORS:
        js = " ".join(values.get(frag.path, ()))[:4096]
        if js and _DANGEROUS_JS.search(js):
            return Signal(PATTERN, "where_javascript", f"{frag.raw} runs dangerous JavaScript on the database ({js[:60]!r})",
                          RiskLevel.CRITICAL, frag.path)
        if query:
            return Signal(PATTERN, "server_javascript", f"{frag.raw} runs JavaScript on the database", RiskLevel.MEDIUM, frag.path)
    if not query:
        where = f"field {field!r}" if field else "the arguments"
        # A comparison on an ordinary field (`{"price": {"$lt": 20}}`) may be a tool that takes Mongo
        # filters without saying so: held. Matching anything (`$ne`, `$regex`, `$where`, `$or`) or any
        # operator on a credential is the injection itself.
        sev = RiskLevel.HIGH if op in _COMPARISONS and not _is_credential(field) and field else RiskLevel.CRITICAL
        return Signal(PATTERN, "operator_injection", f"MongoDB operator {frag.raw} where {where} expects a plain value",
                      sev, frag.path)
    if op in _PROBE_OPERATORS and _is_credential(field) and not _identifier_search(op, field, values.get(frag.path, ())):
        return Signal(PATTERN, "credential_probe", f"{frag.raw} on credential field {field!r}: matches any value or probes it",
                      RiskLevel.HIGH, frag.path)
    return None


# A pipeline stage that pulls another collection in: joined from a collection of secrets, the
# query reads them whatever its own collection is (`{"$lookup": {"from": "admin_tokens", ...}}`).
_JOIN_STAGES = ("/$lookup/from", "/$unionwith/coll", "/$unionwith", "/$graphlookup/from")
_SECRET_COLLECTION_WORDS = frozenset({"token", "tokens", "secret", "secrets", "password", "passwords", "credential", "credentials",
                                      "apikey", "apikeys", "keys", "key", "passwd", "auth", "mfa", "otp", "hashes"})


def _secret_join(ctx: ScanContext) -> Signal | None:
    for f in ctx.fragments:
        if f.is_key or "/$" not in f.path or len(f.raw) > 128 or not f.path.lower().endswith(_JOIN_STAGES):
            continue
        words = {w.lower() for w in split_words(f.raw)}
        if words & _SECRET_COLLECTION_WORDS:
            return Signal(PATTERN, "secret_collection_join", f"a pipeline joins in the {f.raw[:40]!r} collection (secrets)",
                          RiskLevel.HIGH, f.path)
    return None


_IDENTIFIER_WORDS = frozenset({"user", "username", "login", "email"})
_LITERAL_CHARS = regex.compile(r"[A-Za-z0-9@_-]")


def _identifier_search(op: str, field: str, values: list[str] | tuple[str, ...]) -> bool:
    """A query tool searching an account *identifier* by a real pattern (`{"email": {"$regex": "@acme\\.io$"}}`):
    a search, not a probe. A secret field, or a pattern that matches anything or one leading
    character (`^a`, `.*`: the blind-extraction steps), stays a probe."""
    words = split_words(field)
    if not words or words[-1] not in _IDENTIFIER_WORDS or op != "$regex" or not values:
        return False
    pattern = values[0]
    return len(_LITERAL_CHARS.findall(pattern)) >= 3


def _bracket_signal(m: Any, path: str) -> Signal | None:
    """`user[$ne]=` builds an operator where a value was expected (CRITICAL); Strapi-style
    `filters[age][$gt]=30` is a query language (only a probe on a credential field is held)."""
    root = m.group(1).lower()
    inner = [seg.strip("[]") for seg in m.group(2).split("][")] if m.group(2) else []
    field = inner[-1] if inner and inner[-1] else root
    op = "$" + m.group(3).lower()
    if root in _QUERY_NAMES or root in ("filters", "where", "q"):
        if op in _JS_OPERATORS:
            return Signal(PATTERN, "bracket_operator", f"query-string {op} runs JavaScript on the database", RiskLevel.HIGH, path)
        if _is_credential(field):
            return Signal(PATTERN, "credential_probe", f"query-string {op} on credential field {field!r}", RiskLevel.HIGH, path)
        return None
    return Signal(PATTERN, "bracket_operator", f"query-string operator {root}[{op}] builds an operator object where a value belongs",
                  RiskLevel.CRITICAL, path)


# A command that runs the Mongo shell (`mongosh shop --eval 'db.x.deleteMany({ts: {$lt: …}})'`) writes its
# own query: `$lt` there is a date filter, not an operator smuggled into a value. Only the operators
# that match anything or run code still count in it.
_MONGO_SHELL = regex.compile(r"(?i)(?:^|[\s/])mongo(?:sh)?(?:\s|$)")
_MATCH_ANY_OPS = regex.compile(r"(?i)\$(?:ne|nin|gt|gte|regex|where|exists|expr|function|accumulator|or)\b")


def _own_mongo_query(frag: Fragment, form: str) -> bool:
    return frag.role == R_SHELL and _MONGO_SHELL.search(form) is not None and _MATCH_ANY_OPS.search(form) is None


def _value_signal(frag: Fragment, db_tool: bool) -> Signal | None:
    for form in frag.all_forms[:4]:
        if "$" in form:
            if "[" in form:
                m = _BRACKET.search(form)
                if m is not None:
                    sig = _bracket_signal(m, frag.path)
                    if sig is not None:
                        return sig
            if not db_tool and ":" in form and frag.role != R_TEXT and _INLINE_OPERATOR.search(form) \
                    and not _GRAPHQL.search(form) and not _own_mongo_query(frag, form):
                return Signal(PATTERN, "operator_injection", "MongoDB operator syntax inside a value", RiskLevel.CRITICAL, frag.path)
        if ("'" in form or '"' in form or "this." in form) and _JS_BREAKOUT.search(form):
            return Signal(PATTERN, "js_breakout", "breaks out of a quoted $where string into JavaScript", RiskLevel.CRITICAL, frag.path)
    return None


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode != "call":
        return []
    ops: list[Fragment] = []
    suspects: list[Fragment] = []
    request = bool(ctx.tool_words & REQUEST_WORDS)
    values: dict[str, list[str]] = {}
    for frag in ctx.fragments:
        raw = frag.raw
        if frag.is_key:
            if raw[:1] == "$" and raw.lower() in _OPERATORS:
                ops.append(frag)
            elif "[$" in raw or "%5B%24" in raw.upper():
                suspects.append(frag)
            continue
        if frag.name in _JS_OPERATORS or frag.name == "$regex":
            values.setdefault(frag.path, []).append(raw)
        elif "/$" in frag.path:
            # `{"$function": {"body": "...", "lang": "js"}}`: the JavaScript sits one level down
            for op in ("/$function/", "/$accumulator/"):
                at = frag.path.find(op)
                if at >= 0:
                    values.setdefault(frag.path[: at + len(op) - 1], []).append(raw)
        # cheap gate: each shape below needs a `$`, an encoded one, `this.`, or a quote with an operator
        if (frag.role not in _STRING_ROLES_SKIPPED or request and frag.role == R_CONTENT) and (
            "$" in raw or "%24" in raw or "this." in raw
            or (("'" in raw or '"' in raw) and ("||" in raw or "&&" in raw or ";" in raw))
        ):
            suspects.append(frag)
    db_tool = bool(ctx.tool_words & _DB_TOOL_WORDS)
    out: list[Signal] = query_findings(ctx, db_tool)
    joined = _secret_join(ctx)
    if joined is not None:
        out.append(joined)
    if not ops and not suspects:
        return out
    content = _content_roots(ctx) if ops else ()
    for frag in ops:
        if content and any(frag.path.startswith(root) for root in content):
            continue
        sig = _operator_signal(frag, values, db_tool)
        if sig is not None:
            out.append(sig)
    for frag in suspects:
        if content and any(frag.path.startswith(root) for root in content):
            continue
        sig = _value_signal(frag, db_tool)
        if sig is not None:
            out.append(sig)
    return out
