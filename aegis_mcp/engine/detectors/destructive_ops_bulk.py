"""destructive_ops, continued: bulk deletes, deletes of live infrastructure or a protected branch, and making a resource public.

destructive_ops.py holds a delete of a whole container (a repository, a bucket) or of a root or
system directory. The same harm reaches a structured tool in other shapes:
- *everything at once*: the tool's name says all (`delete_all_emails`), its verb is a wipe
  (`purge_queue`, `wipe_device`), or its selector matches everything (`"prefix": ""`, `"*"`);
- *live infrastructure*: a Kubernetes object, a VM, a DNS record, a firewall, a backup or snapshot,
  a table, a key or secret (`kubernetes_delete`, `delete_snapshot`): what `kubectl delete pod`
  is on the command line (HIGH there, HIGH here);
- *a protected branch*: `delete_branch {"branch": "main"}`;
- *public exposure*: an access policy granting `allUsers` / `allAuthenticatedUsers` or a
  `public-read` ACL (a bucket or project opened to the internet).
All HIGH: a human confirms.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "destructive_operation"

_DELETE_WORDS = frozenset({"delete", "remove", "rm", "rmdir", "destroy", "drop", "wipe", "purge", "erase", "nuke", "unlink",
                           "truncate", "terminate", "deprovision", "decommission", "uninstall"})
_ALL_WORDS = frozenset({"all", "everything", "bulk", "batch", "mass"})
_WIPE_VERBS = frozenset({"wipe", "purge", "nuke", "erase"})
_HARMLESS_OBJECTS = frozenset({"cache", "caches", "cdn", "tmp", "temp", "draft", "drafts", "cookie", "cookies", "history"})
_INFRA_WORDS = frozenset({
    "kubernetes", "k8s", "kube", "pod", "pods", "deployment", "deployments", "statefulset", "daemonset", "node", "nodes",
    "vm", "vms", "droplet", "droplets", "ec2", "firewall", "backup", "backups", "snapshot", "snapshots", "table", "tables",
    "index", "indices", "key", "keys", "secret", "secrets", "certificate", "certificates", "dns", "lambda", "function",
    "functions", "service", "services", "container", "containers", "disk", "disks", "queue", "topic", "stream",
})
_BRANCH_WORDS = frozenset({"branch", "branches", "ref", "refs"})
_PROTECTED_BRANCHES = frozenset({"main", "master", "production", "prod", "release", "trunk", "develop", "stable", "live"})
_MATCH_ALL = frozenset({"", "*", "%", ".*", "all", "/*", "**", "*.*", "any"})
_SELECTOR_NAMES = frozenset({"prefix", "pattern", "filter", "ids", "id", "name", "names", "key", "keys", "query", "match", "selector",
                             "glob", "path", "scope", "target", "where"})
_PUBLIC_PRINCIPALS = frozenset({"allusers", "allauthenticatedusers", "public-read", "public-read-write", "authenticated-read",
                                "anyonewithlink", "anyone_with_link", "everyone"})
_ACCESS_WORDS = frozenset({"iam", "policy", "policies", "acl", "acls", "permission", "permissions", "share", "sharing", "access",
                           "visibility", "bucket", "role", "roles", "binding", "bindings", "grant"})
EXPOSURE_GATE_PATTERN = r"(?i)\b(?:allUsers|allAuthenticatedUsers|public-read(?:-write)?|authenticated-read|anyone_?with_?link)\b"


# A REST call that DELETEs a whole container (`{"method": "DELETE", "path": "/zones/023e..."}`): a
# generic HTTP/API tool, so the verb is an argument and the object is the URL's last collection.
HTTP_DELETE_GATE_PATTERN = r"(?im)^\s*delete\s*$"
_CONTAINER_COLLECTIONS = frozenset({
    "zones", "projects", "repos", "repositories", "buckets", "databases", "clusters", "accounts", "organizations", "orgs",
    "namespaces", "workspaces", "instances", "servers", "apps", "applications", "sites", "domains", "environments", "stacks",
    "volumes", "tables", "indices", "indexes", "collections", "teams", "vaults", "keyspaces", "schemas", "tenants", "droplets",
    "resourcegroups", "resource_groups", "subscriptions", "managementgroups", "folders",
})


def _http_delete(ctx: ScanContext) -> Signal | None:
    if not any(f.name == "method" and not f.is_key and f.raw.strip().upper() == "DELETE" for f in ctx.fragments):
        return None
    for f in ctx.fragments:
        if f.is_key or f.path.count("/") != 1 or f.name not in ("path", "url", "endpoint", "uri", "resource", "route"):
            continue
        path = f.raw.split("://", 1)[-1]
        path = path[path.find("/"):] if "://" in f.raw else path
        segs = [x for x in path.split("?", 1)[0].strip("/").split("/") if x]
        # `/zones/<id>`, or an owner-qualified repository (`/repos/<owner>/<repo>`)
        coll = segs[-2].lower() if len(segs) >= 2 else ""
        if coll not in _CONTAINER_COLLECTIONS and len(segs) >= 3 and segs[-3].lower() in ("repos", "repositories"):
            coll = segs[-3].lower()
        if coll in _CONTAINER_COLLECTIONS:
            return Signal(PATTERN, "delete_resource", f"HTTP DELETE of a whole {coll.rstrip('s')} ({f.raw[:60]})", RiskLevel.HIGH, f.path)
        last = segs[-1].lower() if segs else ""
        if last.isalpha() and last.endswith("s") and len(last) > 3 and last not in _HARMLESS_COLLECTIONS:
            # `DELETE /v1/customers`: the collection itself, no item named (REST's "delete them all")
            return Signal(PATTERN, "delete_all", f"HTTP DELETE of a whole collection ({f.raw[:60]})", RiskLevel.HIGH, f.path)
    return None


_HARMLESS_COLLECTIONS = frozenset({"caches", "cookies", "drafts", "notifications", "sessions", "tokens", "locks", "temps", "previews",
                                   "reactions", "likes", "subscriptions", "favorites", "favourites", "bookmarks"})
# A delete verb as an argument of a bulk tool (`jira_bulk {"operation": "delete", "jql": "project = OPS"}`).
BULK_VERB_GATE_PATTERN = r"(?im)^\s*(?:delete|remove|purge|destroy|wipe|truncate|drop|erase)\s*$"
_VERB_NAMES = frozenset({"operation", "op", "action", "verb", "method", "command", "type", "mode", "task"})
_VERB_VALUES = frozenset({"delete", "remove", "purge", "destroy", "wipe", "truncate", "drop", "erase"})
_QUERY_NAMES = frozenset({"jql", "query", "filter", "where", "selector", "search", "q", "prefix", "pattern", "match", "criteria",
                          "conditions", "scope"})


def _argument_verb_bulk(ctx: ScanContext) -> Signal | None:
    verb = next((f for f in ctx.fragments if not f.is_key and f.name in _VERB_NAMES and f.raw.strip().lower() in _VERB_VALUES), None)
    if verb is None:
        return None
    bulk = bool(ctx.tool_words & (_ALL_WORDS | {"bulk", "batch", "mass"}))
    query = next((f for f in ctx.fragments if not f.is_key and f.name in _QUERY_NAMES and f.path.count("/") == 1), None)
    if bulk or query is not None:
        what = f"every match of {query.raw.strip()[:40]!r}" if query is not None else "in bulk"
        return Signal(PATTERN, "delete_all", f"{ctx.tool_name} deletes {what}", RiskLevel.HIGH, verb.path)
    return None


def findings(ctx: ScanContext) -> list[Signal]:
    words = ctx.tool_words
    out: list[Signal] = []
    sig = _http_delete(ctx) or _argument_verb_bulk(ctx)
    if sig is not None:
        out.append(sig)
    if words & _DELETE_WORDS:
        out.extend(_deletes(ctx, words))
    if words & _ACCESS_WORDS:
        for f in ctx.fragments:
            if not f.is_key and f.raw.strip().lower() in _PUBLIC_PRINCIPALS:
                out.append(Signal(PATTERN, "public_exposure", f"{ctx.tool_name} grants access to {f.raw.strip()[:30]} (the whole internet)",
                                  RiskLevel.HIGH, f.path))
                break
    return out[:2]


_INDEX_WORDS = frozenset({"index", "indices", "indexes"})
_TABLE_DBS = frozenset({"mongodb", "mongo", "sql", "postgres", "postgresql", "pg", "mysql", "mariadb", "sqlite", "mssql", "collection",
                        "table", "db", "database", "firestore", "dynamodb", "cockroach", "supabase", "neon"})
_SEARCH_ENGINES = frozenset({"elasticsearch", "elastic", "opensearch", "es", "search", "algolia", "meilisearch", "typesense", "pinecone",
                             "vector", "solr"})
_TABLE_KEYS = frozenset({"collection", "table", "table_name", "collection_name", "tablename", "collectionname"})


def _table_index(ctx: ScanContext, words: frozenset[str]) -> bool:
    """The index deleted is a database table's or collection's (in a search engine an index *is* the data)."""
    if words & _SEARCH_ENGINES:
        return False
    return bool(words & _TABLE_DBS) or any(f.is_key and f.name in _TABLE_KEYS for f in ctx.fragments)


def _deletes(ctx: ScanContext, words: frozenset[str]) -> list[Signal]:
    name = ctx.tool_name
    objects = words - _DELETE_WORDS - _ALL_WORDS
    if words & _ALL_WORDS:
        return [Signal(PATTERN, "delete_all", f"{name} deletes everything of its kind", RiskLevel.HIGH, "")]
    if words & _WIPE_VERBS and not objects & _HARMLESS_OBJECTS:
        return [Signal(PATTERN, "delete_all", f"{name} wipes its object wholesale", RiskLevel.HIGH, "")]
    for f in ctx.fragments:
        if f.is_key or f.path.count("/") != 1 or f.role is Role.CONTENT:
            continue
        value = f.raw.strip().lower()
        if f.name in _SELECTOR_NAMES and value in _MATCH_ALL:
            return [Signal(PATTERN, "delete_all", f"{name} with {f.name}={f.raw.strip()[:10]!r} selects everything", RiskLevel.HIGH, f.path)]
        if words & _BRANCH_WORDS and f.name in ("branch", "ref", "name", "branch_name") and value.removeprefix("refs/heads/") in _PROTECTED_BRANCHES:
            return [Signal(PATTERN, "delete_protected_branch", f"{name} deletes the {value} branch", RiskLevel.HIGH, f.path)]
    infra = objects & _INFRA_WORDS
    if infra and infra <= _INDEX_WORDS and _table_index(ctx, words):
        return []  # an index of a table or collection: rebuilt from its rows at will (as `DROP INDEX` in sql_maint)
    if infra and not objects & _HARMLESS_OBJECTS:
        return [Signal(PATTERN, "delete_infrastructure", f"{name} deletes live infrastructure ({min(infra)})", RiskLevel.HIGH, "")]
    return []
