"""NoSQL queries that are legal syntax but do an attacker's work: the query language used against its owner.

nosql.py judges operators where a value belongs. Inside a real query (a database tool, a
`filter`/`pipeline` argument) an agent under injection does not need to smuggle operators; it
writes a query that
- projects credential fields out (`{"$project": {"u.password_hash": 1}}`): HIGH;
- updates or deletes every document (`update_many` / `delete_many` with an empty filter): HIGH,
  like SQL's DELETE without WHERE;
- runs a dangerous `$where` typed as shell syntax (`db.users.find({$where: 'sleep(5000)'})`): CRITICAL;
- runs code through a search engine's script field (`java.lang.Runtime.getRuntime().exec(...)`): CRITICAL.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal
from aegis_mcp.engine.roles import split_words

PATTERN = "nosql_injection"

# A GraphQL document whose selection set reads a credential field out (`users { email password }`).
GRAPHQL_CRED_PATTERN = (
    r"(?i)(?:(?:^|[\s{])(?:query|mutation|subscription)\b[^\n]{0,1000}?|^\s*\{\s*\w+[^\n{}]{0,200}?)\{[^{}]{0,500}\b(?:password|passwd|password_?hash|hashed_?password|"
    r"api_?key|client_?secret|private_?key|access_?token|refresh_?token|otp_?secret|totp_?secret|secret)\b[^{}:(]{0,500}\}")
_GRAPHQL_CRED = regex.compile(GRAPHQL_CRED_PATTERN)

# Added to nosql.GATE (a necessary condition for these rules): a code-execution call in a script
# field, or an argument named like a query (whose emptiness matters).
# (session 5: an empty-filter write in shell syntax, a field list naming secrets, redis CONFIG SET dir)
_INLINE_UNBOUNDED_SRC = r"(?i)\.(?:updatemany|deletemany|remove|update)\s*\(\s*\{\s*\}"
GRAPH_DELETE_ALL_SRC = r"(?i)\bmatch\s*\(\s*\w*\s*\)\s*(?:detach\s+)?delete\b"
_REDIS_FILE_WRITE_SRC = r"(?i)\bconfig['\"]?\s*[, ]\s*['\"]?set['\"]?\s*[, ]\s*['\"]?(?:dir|dbfilename)\b"
GATE_PATTERNS = (r"(?i)getruntime|processbuilder|runtime\.exec|\.exec\s*\(", r"(?im)^(?:filter|query|selector|where|criteria|projection)$",
                 r"(?im)^(?:dropdatabase|dropallusersfromdatabase|dropuser|shutdown)$", GRAPHQL_CRED_PATTERN,
                 _INLINE_UNBOUNDED_SRC, _REDIS_FILE_WRITE_SRC, r"(?im)^(?:select|fields)$", GRAPH_DELETE_ALL_SRC)
_INLINE_UNBOUNDED = regex.compile(_INLINE_UNBOUNDED_SRC)
# A graph query that deletes every node it matched, with no label or WHERE narrowing it (`MATCH (n) DETACH DELETE n`).
_GRAPH_DELETE_ALL = regex.compile(GRAPH_DELETE_ALL_SRC)
# An update that sets an account's privilege field (`{"$set": {"isAdmin": true}}`): the value is usually a
# JSON boolean, which is not extracted as text, so the field being set is what shows.
_PRIVILEGE_FIELDS = frozenset({"isadmin", "is_admin", "admin", "issuperuser", "is_superuser", "superuser", "isstaff", "is_staff",
                               "role", "roles", "permissions", "isowner", "is_owner", "siteadmin", "site_admin"})
_REDIS_FILE_WRITE = regex.compile(_REDIS_FILE_WRITE_SRC)
_FIELD_LISTS = ("/select/", "/fields/", "/projection/")
# Tools that send a request to a server: the body is what the server queries with, not a file.
REQUEST_WORDS = frozenset({"http", "https", "request", "api", "curl", "fetch", "rest", "graphql", "login", "signin", "auth",
                           "authenticate", "endpoint"})
_ADMIN_COMMANDS = frozenset({"dropdatabase", "dropallusersfromdatabase", "dropuser", "shutdown"})

_SECRET_FIELDS = frozenset("password passwd pwd hash token secret apikey otp pin credential credentials passphrase salt "
                           "totp mfa".split())
_WRITE_WORDS = frozenset({"delete", "remove", "update", "replace", "drop", "purge"})
_BULK_WORDS = frozenset({"many", "all", "bulk", "multi"})
_QUERY_KEYS = frozenset({"filter", "query", "selector", "where", "criteria"})
_SCRIPT_EXEC = regex.compile(r"(?i)getruntime\s*\(\s*\)\s*\.\s*exec|processbuilder|runtime\.exec|\bexec\s*\(\s*['\"]")
_INLINE_WHERE = regex.compile(r"(?i)\$(?:where|function|accumulator)\s*['\"]?\s*:")
_DANGEROUS_INLINE = regex.compile(r"(?i)\bsleep\s*\(|\bwhile\s*\(\s*(?:true|1)\s*\)|\|\|\s*(?:true|1)\b|\breturn\s+true\b|\bprocess\.|\brequire\s*\(")


def _secret_field(key: str) -> bool:
    last = key.rsplit(".", 1)[-1]
    words = split_words(last)
    return bool(words) and (words[-1] in _SECRET_FIELDS or "".join(words) in _SECRET_FIELDS)


def query_findings(ctx: ScanContext, db_tool: bool) -> list[Signal]:
    out: list[Signal] = []
    query_keys: list[Fragment] = []
    filled: set[str] = set()
    for f in ctx.fragments:
        path = f.path
        if f.is_key:
            low = path.lower()
            if ("/$project/" in low or "/projection/" in low) and _secret_field(f.raw):
                out.append(Signal(PATTERN, "credential_projection", f"the query reads credential field {f.raw!r} out",
                                  RiskLevel.HIGH, path))
            elif path.count("/") == 1 and f.raw.lower() in _QUERY_KEYS:
                query_keys.append(f)
            elif "/$set/" in low and path.count("/") <= 4 and f.raw.lower() in _PRIVILEGE_FIELDS:
                out.append(Signal(PATTERN, "privilege_update", f"an update sets the account field {f.raw!r} (privilege)",
                                  RiskLevel.HIGH, path))
            elif db_tool and f.raw.lower() in _ADMIN_COMMANDS:
                out.append(Signal(PATTERN, "admin_command", f"database command {f.raw!r} destroys data or stops the server",
                                  RiskLevel.HIGH, path))
            continue
        raw = f.raw
        if f.role is not Role.CONTENT and "$" in raw and db_tool and _INLINE_WHERE.search(raw) and _DANGEROUS_INLINE.search(raw):
            out.append(Signal(PATTERN, "where_javascript", "a $where/$function in a shell query runs dangerous JavaScript",
                              RiskLevel.CRITICAL, path))
        if ("xec" in raw or "rocessBuilder" in raw) and _SCRIPT_EXEC.search(raw) and (f.name in ("script", "source", "inline") or db_tool and f.role is not Role.CONTENT):
            out.append(Signal(PATTERN, "script_exec", "a query script runs an operating-system command", RiskLevel.CRITICAL, path))
    redis = "redis" in ctx.tool_words
    for f in ctx.fragments:
        if f.is_key or (f.role is Role.CONTENT and not redis):
            continue  # (a redis tool's script is what the server runs, not a file's content)
        raw = f.raw
        if "(" in raw and (f.role is not Role.TEXT or raw.lstrip()[:5].lower() == "match") and _GRAPH_DELETE_ALL.search(raw[:8192]):
            out.append(Signal(PATTERN, "unbounded_write", "a graph query deletes every node it matched (no label, no WHERE)", RiskLevel.HIGH, f.path))
        if "{" in raw and db_tool and _INLINE_UNBOUNDED.search(raw[:8192]):
            out.append(Signal(PATTERN, "unbounded_write", "an update/delete with an empty filter touches every document", RiskLevel.HIGH, f.path))
        if "onfig" in raw or "ONFIG" in raw:
            if _REDIS_FILE_WRITE.search(raw[:8192]):
                # the redis file-write trick: point the dump at a web root or ~/.ssh, then save a payload there
                out.append(Signal(PATTERN, "redis_file_write", "redis CONFIG SET dir/dbfilename (writes the database file anywhere)",
                                  RiskLevel.HIGH, f.path))
        if db_tool and any(x in f.path for x in _FIELD_LISTS) and _secret_field(raw):
            out.append(Signal(PATTERN, "credential_projection", f"the query reads credential field {raw!r} out", RiskLevel.HIGH, f.path))
    for f in ctx.fragments:
        if not f.is_key and ("query" in f.raw[:200] or "mutation" in f.raw[:200] or (f.name == "query" and f.raw.lstrip()[:1] == "{")) \
                and _GRAPHQL_CRED.search(f.raw[:8192]):
            out.append(Signal(PATTERN, "credential_selection", "a GraphQL query selects credential fields", RiskLevel.HIGH, f.path))
            break
    if query_keys and ctx.tool_words & _WRITE_WORDS and (db_tool or ctx.tool_words & _BULK_WORDS):
        for f in ctx.fragments:
            if not f.is_key or f.path.count("/") > 1:
                for k in query_keys:
                    if f.path.startswith(k.path + "/"):
                        filled.add(k.path)
        for k in query_keys:
            if k.path not in filled:
                out.append(Signal(PATTERN, "unbounded_write", f"an empty {k.raw!r} makes this {'/'.join(sorted(ctx.tool_words & _WRITE_WORDS))} touch every document",
                                  RiskLevel.HIGH, k.path))
    return out[:4]
