"""paths, continued: credential hunting and object keys that climb out of their prefix.

- A search tool asked for credential files (`.env*`, `id_rsa`, `*.pem`, `credentials`, `.pgpass`)
  across a whole tree of other people's or the system's files (`/`, `/home`, `C:\\Users`): a
  developer greps their own project, an intruder sweeps the machine. HIGH.
- An object-store key with a `..` segment (`../tenant-b/exports/x.csv`): keys have no directories to
  climb, so the only reader of `..` is a gateway or SDK that normalises it into another prefix
  (another tenant's). Raised to HIGH.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

_SEARCH_WORDS = frozenset({"search", "find", "glob", "grep", "locate", "scan", "list", "walk", "lookup"})
_PATTERN_NAMES = frozenset({"pattern", "name", "glob", "query", "filename", "file_name", "include", "match", "regex", "q", "term", "patterns"})
_CREDENTIAL_FILE = regex.compile(
    r"(?i)(?:^|[/*\\\s])(?:\.env(?:\.[\w*-]+)?|id_(?:rsa|dsa|ecdsa|ed25519)\*?|[\w*-]*\.(?:pem|key|p12|pfx|kdbx|ppk|keystore|jks)|credentials(?:\.json)?"
    r"|\.pgpass|\.netrc|\.git-credentials|\.npmrc|\.pypirc|wallet\.dat|\.aws|\.ssh|secrets?\.(?:ya?ml|json|env)|\.htpasswd|shadow)$")
_BROAD_ROOT = regex.compile(r"(?i)^(?:/|/home/?|/users/?|/root/?|/etc/?|/var/?|/srv/?|/opt/?|/mnt/?|/media/?|~/?|[a-z]:[/\\]?|[a-z]:[/\\]users[/\\]?)$")
_ROOT_NAMES = frozenset({"path", "root", "dir", "directory", "base", "base_dir", "cwd", "start", "folder", "where", "in", "paths", "roots"})
_OBJECT_WORDS = frozenset({"s3", "gcs", "blob", "bucket", "object", "objects", "storage", "minio", "r2", "b2", "spaces", "oss", "cos"})
_KEY_NAMES = frozenset({"key", "object", "object_key", "objectkey", "blob", "blob_name", "name", "prefix", "path", "object_name", "src", "source", "dest"})


def hunt(ctx: ScanContext) -> Signal | None:
    if not ctx.tool_words & _SEARCH_WORDS:
        return None
    root = next((f for f in ctx.fragments if not f.is_key and (f.name in _ROOT_NAMES or f.role is Role.PATH) and _BROAD_ROOT.match(f.raw.strip())), None)
    if root is None:
        return None
    for f in ctx.fragments:
        if not f.is_key and f is not root and f.name in _PATTERN_NAMES and len(f.raw) < 256 and _CREDENTIAL_FILE.search(f.raw.strip()):
            return Signal("sensitive_file", "credential_hunt", f"searches {root.raw.strip()} for credential files ({f.raw.strip()[:40]})",
                          RiskLevel.HIGH, f.path)
    return None


def object_key_climbs(ctx: ScanContext, signals: list[Signal]) -> list[Signal]:
    """Traversal signals on an object-store key, raised to HIGH (the others returned as they are)."""
    if not ctx.tool_words & _OBJECT_WORDS:
        return signals
    out = []
    for s in signals:
        if s.pattern == "path_traversal" and s.severity < RiskLevel.HIGH and s.path.rsplit("/", 1)[-1].lower() in _KEY_NAMES:
            s = Signal(s.pattern, s.rule, s.detail + " (an object-store key: `..` reaches another prefix)", RiskLevel.HIGH, s.path)
        out.append(s)
    return out
