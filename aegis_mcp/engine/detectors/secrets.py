"""Detector `secrets`: provider tokens, private keys, JWTs, connection strings, generic credentials.

Severity follows where the secret goes (see exfil_sink): a provider-format secret leaving
to an outside host, recipient, chat or search engine is CRITICAL (block); a generic
keyword-bound credential there is HIGH (pending: the format alone cannot prove it live).
A secret written into a file or passed to a command is HIGH: a literal credential in a
file is how keys end up in repositories and shared folders, but writing a `.env` is also
legitimate, so a human decides. A credential in its own argument (`{"api_key": ...}`) is
the tool asking for it, and so is a token in an Authorization header or a webhook URL that is
the call's own destination (`{"url": "https://hooks.slack.com/services/…"}`): MEDIUM, recorded.
A random-looking token bound to any name (`pyowm = "3k14…"`: providers' keys sit under the
provider's own name) is a "weak" finding; a base64 file attachment is data, judged by what it
decodes to.
A "weak" finding -- a literal credential that may be a demo value (`password = "open-sesame"`,
`Password=secret;`, `-u admin -p winter22`, a .netrc line, a short Bearer token, a human-made
password), a dictionary password in a connection string, a random token with no keyword, a
provider's name just before a token-shaped value (`cloudsmith 1234…`: secrets_vendor) -- is
HIGH only when it leaves (a chat post or search with no recipient counts as leaving) or is
written into a published directory (public/, www/, htdocs/), MEDIUM otherwise. In a tool result, a provider secret is HIGH so the
engine redacts it before the model sees it. "Outside" honours `ctx.extra["trusted_domains"]`.
"""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.exfil_sink import sink_of
from aegis_mcp.engine.detectors.pii_dest import published_place
from aegis_mcp.engine.detectors.secrets_exposed import exposed_place
from aegis_mcp.engine.detectors.secrets_scan import scan_context
from aegis_mcp.engine.detectors.secrets_vendor_dest import destinations, vendor_mismatch
from aegis_mcp.engine.model import RiskLevel, Signal


# Directories a web server or a sync service publishes: a credential written there is sent out.
_PUBLIC_DIRS = frozenset({"public", "public_html", "www", "wwwroot", "htdocs", "static", "shared", "uploads", "pub"})
_PATH_NAMES = frozenset({"path", "file", "filename", "file_path", "filepath", "dest", "destination", "target"})


def _published(ctx: ScanContext) -> bool:
    """Does this call write into a published directory (`public/config.js`, `/var/www/...`)?"""
    for f in ctx.fragments:
        if f.is_key or f.path.count("/") != 1 or not (f.role is Role.PATH or f.name in _PATH_NAMES):
            continue
        if any(seg.lower() in _PUBLIC_DIRS for seg in f.raw.replace("\\", "/").split("/")[:-1]):
            return True
    return False


# Containers that hold what a request authenticates *with* (not what it sends).
_AUTH_PARTS = frozenset({"headers", "header", "auth", "authentication", "authorization", "credentials", "connection", "config",
                         "configuration", "options", "params", "query", "settings", "client", "provider", "providers"})


def _payload_field(path: str, scans: list[Any]) -> bool:
    """A credential field deep inside the request's data (three levels or more, none an auth part),
    or one of several credential fields travelling together (a dump of a configuration)."""
    parts = [p.lower() for p in path.split("/")[1:]]
    if _AUTH_PARTS.intersection(parts):
        return False
    return len(parts) >= 3 or sum(1 for s in scans if s.dedicated) >= 3


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode == "description":
        return []
    scans = [s for s in scan_context(ctx) if any(f.family == "secrets" for f in s.findings)]
    if not scans:
        return []
    signals: list[Signal] = []
    if ctx.mode == "result":
        for s in scans:
            kinds = sorted({f.kind for f in s.findings if f.family == "secrets"})
            confs = {f.confidence for f in s.findings if f.family == "secrets"}
            if confs <= {"entropy"}:
                continue  # a random-looking token in output (a hash, an id) is not news
            source = ctx.extra.get("secret_source")  # read out of a .env / credentials file (result_source)
            sev = RiskLevel.HIGH if "high" in confs or source else RiskLevel.MEDIUM
            where = f" read from a {source} file" if source else ""
            signals.append(Signal("secrets", "secret_in_result", f"secret in tool output{where}: {', '.join(kinds)}", sev, s.fragment.path))
        return signals
    sink = sink_of(ctx)
    # A chat post or a web search with no recipient goes to an audience nobody vouched for,
    # whatever hosts the text itself names (`postgres://u:pw@db1` posted to #general leaves).
    channel_out = not sink.recipients and (
        sink.kind == "search" or (sink.kind == "message" and not (ctx.extra or {}).get("trusted_domains")))
    for s in scans:
        secret_findings = [f for f in s.findings if f.family == "secrets"]
        kinds = sorted({f.kind for f in secret_findings})
        confs = {f.confidence for f in secret_findings}
        # "high": a provider format or a structure that validates; "generic": a credential
        # keyword bound to a credential-looking value; "weak"/"entropy": a dictionary password
        # in a connection string, a random token with no keyword
        tier = "high" if "high" in confs else "generic" if "generic" in confs else "weak"
        frag = s.fragment
        names = ", ".join(kinds)
        vendor = vendor_mismatch(kinds, destinations(ctx)) if s.dedicated and tier == "high" else ""
        if vendor:
            # a provider's key sent to hosts that are not the provider: handed to someone else
            rule, sev = "secret_to_other_service", RiskLevel.HIGH
            detail = f"a {vendor} credential sent to {', '.join(destinations(ctx))[:80]} (not {vendor})"
        elif s.dedicated and tier == "high" and (place := exposed_place(frag.path)):
            rule, sev = "secret_published", RiskLevel.HIGH
            detail = f"a secret set as {place}: {names}"
        elif s.dedicated and sink.outgoing and sink.external and _payload_field(frag.path, scans):
            # `{"json": {"data": {"env": {"API_KEY": …}}}}` to an outside host: a field of the data
            # being sent, not the parameter the tool authenticates with (those sit at the top, or
            # in headers / auth)
            rule, sev = "secret_to_external", RiskLevel.HIGH
            detail = f"credential in the payload sent out ({sink.describe()}): {names}"
        elif s.dedicated:
            rule, sev = "credential_argument", RiskLevel.MEDIUM
            detail = f"credential passed in its own argument '{frag.name}': {names}"
        elif sink.outgoing and (sink.external or channel_out):
            rule = "secret_to_external"
            sev = RiskLevel.CRITICAL if tier == "high" else RiskLevel.HIGH
            detail = f"{'live' if tier == 'high' else 'possible'} secret sent out ({sink.describe()}): {names}"
        elif sink.outgoing:
            rule = "secret_to_trusted"
            sev = RiskLevel.HIGH if tier == "high" else RiskLevel.MEDIUM
            detail = f"secret sent to a trusted destination ({sink.describe()}): {names}"
        elif sink.kind == "local_write" and _published(ctx):
            # a credential written under public/, www/, htdocs/: the web serves it to anyone
            rule, sev = "secret_published", RiskLevel.HIGH
            detail = f"literal secret written into a published directory: {names}"
        elif not sink.outgoing and tier != "high" and confs != {"entropy"} and (place := published_place(ctx)):
            # an issue, a wiki page, a gist, a file committed to a hosted repository: whoever reads the
            # place reads the credential (a provider secret there is already HIGH below). A random
            # token with no keyword is not enough there: issues quote hashes and integrity digests.
            rule, sev = "secret_published", RiskLevel.HIGH
            detail = f"literal secret written where others read it ({place}): {names}"
        else:
            rule = "secret_in_call"
            sev = RiskLevel.HIGH if tier != "weak" else RiskLevel.MEDIUM
            if tier == "generic" and sink.kind == "unknown" and frag.role not in (Role.CONTENT, Role.SHELL, Role.TEXT):
                sev = RiskLevel.MEDIUM
            detail = f"literal secret in a {sink.kind.replace('_', ' ')} call: {names}"
        signals.append(Signal("secrets", rule, detail, sev, frag.path))
    return signals
