"""exfil, continued: a standing subscription that delivers events to a collector -- a webhook registered to a drop service.

A repository, a chat workspace or a payment account sends every push, message or charge to the
URL its webhooks name. Registering one that points at an anonymous request catcher (webhook.site,
requestbin, a tunnel) or a raw public address sends everything that happens from now on to whoever
holds it: exfiltration that needs no second call. HIGH.
"""

from __future__ import annotations

import ipaddress

from aegis_mcp.engine.detectors.base import ScanContext
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
