"""Where a call's data goes: is the tool sending it out (mail, chat, HTTP, search, upload), to whom.

Judged from the tool name's words, the argument roles (URL, EMAIL), an HTTP method argument
and the MCP `openWorldHint` annotation. "External" means any destination not under one of
the operator's `trusted_domains` (passed as `ctx.extra["trusted_domains"]`); with no
allow-list configured, every outside host and recipient is external, and a sending tool
with no visible destination (a chat channel, a search engine) counts as external too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from aegis_mcp.engine.detectors.base import R_EMAIL, R_URL, ScanContext
from aegis_mcp.engine.detectors.exfil_ssrf import host_of, internal_kind

SEND_WORDS = frozenset({
    "send", "email", "mail", "gmail", "outlook", "message", "messages", "msg", "post", "publish", "share",
    "tweet", "upload", "submit", "webhook", "notify", "sms", "chat", "comment", "reply", "forward",
    "slack", "discord", "telegram", "whatsapp", "paste", "gist", "broadcast", "invite", "dm",
    "exfiltrate", "push",
    # hosted text services: what a translation API receives leaves the machine like a post
    "translate", "translation",
    # product analytics / telemetry: every event property lands at a third party
    "analytics", "telemetry", "mixpanel", "amplitude", "posthog", "segment", "heap",
})
MESSAGE_WORDS = frozenset({
    "email", "mail", "gmail", "outlook", "message", "messages", "msg", "sms", "chat", "slack", "discord",
    "telegram", "whatsapp", "tweet", "comment", "reply", "forward", "dm", "notify",
})
SEARCH_WORDS = frozenset({"google", "bing", "duckduckgo", "brave", "serp", "tavily", "exa", "perplexity"})
LOCAL_WRITE_WORDS = frozenset({
    "write", "create", "save", "edit", "append", "update", "insert", "store", "put", "set", "commit",
    "document", "file", "note", "notes", "config",
})
_BUCKET_SCHEMES = ("s3://", "gs://", "gcs://", "az://", "abfs://", "abfss://", "wasb://", "wasbs://", "r2://", "oss://", "cos://")
_SEND_METHODS = frozenset({"POST", "PUT", "PATCH"})
# (a web form filled in on a site is submitted to it: `fill_form {"url": ..., "fields": {...}}`)
_HTTP_SEND_WORDS = frozenset({"post", "upload", "webhook", "send", "put", "submit", "form", "fill"})
_SHELL_WORDS = frozenset({"shell", "bash", "exec", "execute", "command", "terminal", "run"})
# (an invitation goes to its attendees: a calendar event or a meeting carries its text to them)
_RECIPIENT_NAMES = frozenset({"to", "cc", "bcc", "recipient", "recipients", "email", "emails", "address", "to_email", "email_address",
                              "attendees", "guests", "invitees", "participants"})
_URL_NAMES = frozenset({"url", "uri", "endpoint", "link", "href", "webhook", "webhook_url", "target", "host", "server", "callback"})


@dataclass(frozen=True, slots=True)
class Sink:
    """The destination of a call's payload."""

    outgoing: bool  # data leaves this machine
    kind: str  # "message" | "http" | "search" | "send" | "local_write" | "shell" | "unknown"
    destinations: tuple[str, ...]  # hosts / recipient domains seen
    external: bool  # some destination is outside the trusted domains (or unknown while outgoing)
    recipients: tuple[str, ...] = ()

    def describe(self) -> str:
        where = ", ".join(self.recipients or self.destinations)
        return f"{self.kind} to {where}" if where else self.kind


def _trusted(ctx: ScanContext) -> tuple[str, ...]:
    raw = ctx.extra.get("trusted_domains") if ctx.extra else None
    if not raw:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    return tuple(str(d).lower().strip().lstrip("*").lstrip(".") for d in raw if str(d).strip())


def is_trusted(domain: str, trusted: Iterable[str]) -> bool:
    d = domain.lower().rstrip(".")
    return any(d == t or d.endswith("." + t) for t in trusted)


_last: tuple[ScanContext, Sink] | None = None


def sink_of(ctx: ScanContext) -> Sink:
    """Classify the call's destination (memoised for the detectors of the same call)."""
    global _last
    cached = _last
    if cached is not None and cached[0] is ctx:
        return cached[1]
    sink = _sink_of(ctx)
    _last = (ctx, sink)
    return sink


def _sink_of(ctx: ScanContext) -> Sink:
    words = ctx.tool_words
    ann = ctx.annotations or {}
    recipients: list[str] = []
    urls: list[str] = []
    method = ""
    for f in ctx.fragments:
        # only top-level arguments name a destination: an "email" field inside the records
        # being sent is data, not a recipient
        if f.is_key:
            continue
        depth = f.path.count("/")
        if depth != 1 and not (depth == 2 and f.path[f.path.rfind("/") + 1 :].isdigit() and f.name in _RECIPIENT_NAMES):
            continue  # (a top-level list of recipients, `"to": ["a@x.com"]`, names destinations too)
        raw = f.raw
        if f.role is R_EMAIL or (f.name in _RECIPIENT_NAMES and "@" in raw):
            for part in raw.replace(";", ",").split(","):
                part = part.strip().strip("<>")
                if "@" in part:
                    recipients.append(part)
        elif f.role is R_URL or (f.name in _URL_NAMES and (
                f.name in ("host", "server") or any(c in raw for c in ".:/"))):
            # (a bare word under "target" is a language or a label -- `{"target": "de"}` -- not a host)
            urls.append(raw)
        elif f.name == "method" and len(raw) <= 7:
            method = raw.upper()
    kind = "unknown"
    if words & MESSAGE_WORDS or recipients:
        kind = "message"
    elif urls and (method in _SEND_METHODS or words & _HTTP_SEND_WORDS):
        kind = "http"
    elif "search" in words and ("web" in words or words & SEARCH_WORDS):
        kind = "search"
    elif words & SEND_WORDS:
        kind = "send"
    elif ann.get("openWorldHint") is True and not ann.get("readOnlyHint"):
        kind = "send"
    elif words & _SHELL_WORDS:
        kind = "shell"
    elif words & LOCAL_WRITE_WORDS:
        kind = "local_write"
    outgoing = kind in ("message", "http", "search", "send")
    if not outgoing:
        # (a recipient makes the kind "message": a call that sends nothing names none, and its
        # Sink is one of a few constants, not a frozen dataclass built per call)
        return _STAYING[kind]
    # parsed only when data is leaving; a bucket URL (`s3://name/…`) names cloud storage, not a
    # host on the local network, whatever its name looks like
    hosts = [("bucket:" + h if u.lower().startswith(_BUCKET_SCHEMES) else h) for u in urls for h in [host_of(u)] if h]
    trusted = _trusted(ctx)
    dests = [r.rsplit("@", 1)[-1].lower() for r in recipients] + hosts
    external = False
    if not dests:
        # a chat channel: unknown, so not vouched for unless the operator declared its own
        # domains; a search engine is never one of them
        external = not trusted or kind == "search"
    else:
        for d in dests:
            if d.startswith("bucket:"):
                if not is_trusted(d[7:], trusted):
                    external = True
                continue
            if internal_kind(d) is not None:
                continue  # a private address is not an outside host (SSRF is judged apart)
            if not is_trusted(d, trusted):
                external = True
    return Sink(outgoing, kind, tuple(dict.fromkeys(dests)), external, tuple(dict.fromkeys(recipients)))


_STAYING = {kind: Sink(False, kind, (), False, ()) for kind in ("shell", "local_write", "unknown")}
