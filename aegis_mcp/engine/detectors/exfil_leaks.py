"""Credential material and personal documents leaving, in shapes the secrets and PII finders do not name.

- password hashes (bcrypt `$2b$…`, sha-crypt `$6$…`, argon2, Django pbkdf2): a users table's
  hashes sent out are cracked offline; HIGH, CRITICAL when several travel together;
- a cookie jar or `Cookie:` header with session cookies: whoever holds it is logged in (HIGH);
- an attachment whose file name says it is an identity or financial document (a passport scan,
  a tax return, a bank statement) mailed or uploaded to an outside destination (HIGH);
- a URL whose query carries a structured record (`?data={"user":…,"password":…}`) with
  credential or personal fields, to an outside host (HIGH);
- a network client handed a command substitution of the environment or of a credential file as
  an argument (`wget --header "X-Data: $(env | base64)" https://…`): CRITICAL.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.exfil_flow import _ATTACH_NAMES
from aegis_mcp.engine.detectors.exfil_sink import Sink
from aegis_mcp.engine.model import RiskLevel, Signal

_HASH = regex.compile(
    r"\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|\$(?:5|6)\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}"
    r"|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{16,}\$[A-Za-z0-9+/]{16,}|pbkdf2_sha256\$\d+\$[A-Za-z0-9]+\$[A-Za-z0-9+/=]{20,}")
_SESSION_COOKIE = regex.compile(
    r"(?i)(?:^|[\s;,\"'])(?:cookie:\s*)?(?:session(?:id)?|sid|sessid|phpsessid|jsessionid|connect\.sid|_session|auth(?:_token)?|jwt|"
    r"remember_token|laravel_session|asp\.net_sessionid|__secure-[\w-]+|__host-[\w-]+|sessiontoken)=[A-Za-z0-9%._\-+/=]{8,}")
_PERSONAL_DOC = regex.compile(
    r"(?i)(?:^|[/\\_\-. ])(?:passport|id[_\- ]?card|identity[_\- ]?card|driver'?s?[_\- ]?licen[cs]e|national[_\- ]?id|ssn|"
    r"social[_\- ]?security|tax[_\- ]?return|w-?2|1099|payslip|pay[_\- ]?stub|salary|bank[_\- ]?statement|medical[_\- ]?record|"
    r"lab[_\- ]?results?|diagnosis|birth[_\- ]?certificate)[^/\\]*\.(?:pdf|png|jpe?g|heic|tiff?|docx?|xlsx?|csv)$")
_RECORD_KEYS = regex.compile(
    r"(?i)[\"']?(?:password|passwd|pwd|passphrase|secret|api_?key|access_?token|private_?key|ssn|social_security|card_?number|"
    r"cvv|cvc|dob|date_of_birth|passport)[\"']?\s*[:=]")
_ENV_SUBST = regex.compile(
    r"(?:^|[\s;&|(`]|\$\()(?:curl|wget|nc|ncat|http|https)\s[^\n;&|]*?(?:\$\(|`)\s*(?:env|printenv|set|export\s+-p|"
    r"history|cat\s+[^)`|\n]*(?:\.env\b|\.ssh/|\.aws/|credentials|\.netrc|\.pgpass|\.git-credentials|/etc/shadow|\.kube/config|id_rsa|id_ed25519))\b")


def credential_material(ctx: ScanContext, sink: Sink) -> list[Signal]:
    """Hashes and session cookies in what an outgoing call sends to an outside destination."""
    for f in ctx.fragments:
        if f.is_key or f.role in (Role.URL, Role.EMAIL):
            continue
        text = f.raw[:65536]
        if "$" in text:
            n = len(_HASH.findall(text))
            if n:
                return [Signal("data_exfiltration", "password_hashes_sent",
                               f"{n} password hash{'es' if n > 1 else ''} sent out ({sink.describe()})",
                               RiskLevel.CRITICAL if n >= 3 else RiskLevel.HIGH, f.path)]
        if "=" in text and _SESSION_COOKIE.search(text):
            return [Signal("data_exfiltration", "session_cookies_sent", f"session cookies sent out ({sink.describe()})",
                           RiskLevel.HIGH, f.path)]
    return []


def personal_documents(ctx: ScanContext, sink: Sink) -> list[Signal]:
    """An identity or financial document attached or uploaded to an outside destination."""
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 512 or "\n" in f.raw or "." not in f.raw:
            continue
        top = f.path.split("/")[1].lower() if f.path.count("/") >= 1 else ""
        if f.path.count("/") > 3 or not (any(w in top for w in _ATTACH_NAMES) or f.role is Role.PATH):
            continue
        if _PERSONAL_DOC.search(f.raw):
            return [Signal("data_exfiltration", "personal_document_sent",
                           f"an identity or financial document ({f.raw.rsplit('/', 1)[-1][:60]}) sent out ({sink.describe()})",
                           RiskLevel.HIGH, f.path)]
    return []


def record_in_query(url: str) -> str:
    """The parameter whose value is a structured record with credential/personal fields ('' if none)."""
    query = url.partition("?")[2][:4096]
    if not query:
        return ""
    for name, value in parse_qsl(query, keep_blank_values=False):
        v = value.strip()
        if len(v) >= 12 and v[:1] in "{[" and _RECORD_KEYS.search(v):
            return name
    return ""


def records_in_urls(ctx: ScanContext, trusted: tuple[str, ...]) -> list[Signal]:
    """A URL to an outside host whose query carries a record with credential or personal fields."""
    from aegis_mcp.engine.detectors.exfil_sink import is_trusted
    from aegis_mcp.engine.detectors.exfil_ssrf import host_of, internal_kind

    for f in ctx.fragments:
        raw = f.raw
        if f.is_key or "?" not in raw or "://" not in raw[:12] or " " in raw.strip():
            continue
        host = host_of(raw.strip())
        if not host or internal_kind(host) is not None or is_trusted(host, trusted):
            continue
        name = record_in_query(raw.strip())
        if name:
            return [Signal("data_exfiltration", "record_in_url", f"a record with credential or personal fields carried in ?{name[:30]}= to {host}",
                           RiskLevel.HIGH, f.path)]
    return []


def env_substitution(text: str) -> bool:
    """A network client given `$(env …)` / `$(cat <credential file>)` as an argument."""
    return ("$(" in text or "`" in text) and _ENV_SUBST.search(text[:16384]) is not None


# A credential file named inside code (as a path string or path pieces: `Path.home()/'.ssh'/'id_rsa'`).
CODE_CRED_PATTERN = (
    r"['\"]\.ssh['\"/]|['\"/]id_(?:rsa|ed25519|ecdsa|dsa)['\"]|\.aws/credentials|['\"]\.aws['\"]|\.git-credentials|['\"/]\.netrc['\"]"
    r"|['\"/]\.pgpass['\"]|\.kube/config|['\"]\.kube['\"]|/etc/shadow|['\"/]\.env['\"]|\.docker/config\.json")
_CODE_CRED = regex.compile(CODE_CRED_PATTERN)


def code_sends_credentials(ctx: ScanContext, net_in_code: "regex.FastRegexp", code_words: frozenset[str]) -> list[Signal]:
    """Code that opens a credential file and makes a network call in the same program."""
    codeish = bool(ctx.tool_words & code_words)
    for f in ctx.fragments:
        if f.is_key or not (f.role is Role.SHELL or (codeish and f.role is not Role.PATH)):
            continue
        text = f.raw[:65536]
        if _CODE_CRED.search(text) and net_in_code.search(text):
            return [Signal("data_exfiltration", "code_sends_credentials",
                           "code that reads a credential file and makes a network call", RiskLevel.CRITICAL, f.path)]
    return []
