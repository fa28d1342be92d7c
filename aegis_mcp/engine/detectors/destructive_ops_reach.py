"""destructive_ops, continued: access, goods and data handed to someone new -- the hijack goals beyond money and accounts.

More of the goals public agent-hijacking benchmarks give an injected instruction, each one ordinary
call whose effect decides: a door, lock or resource opened to a personal mailbox; a shipment or a
delivery re-addressed; gift cards bought (the scammer's currency); an SSH/GPG key added to the
account; a repository or project handed to another owner; a firewall rule opened to the whole
internet through a structured tool; call or SMS forwarding switched on to a number; a workspace
exported to a URL. HIGH: a human confirms (an owner does each of these on purpose too).
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.net_local import base_domain, is_local_host
from aegis_mcp.engine.detectors import destructive_ops_access as X
from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.detectors.destructive_ops_takeover import _URL, _key  # (the same pointer key and URL host readers)
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "destructive_operation"


def _sig(rule: str, detail: str, path: str = "") -> Signal:
    return Signal(PATTERN, rule, detail, RiskLevel.HIGH, path)


def _physical_access(ctx: ScanContext) -> Signal | None:
    """`smart_lock_grant_guest_access {"guest_email": "x@gmail.com"}`: a way in for a personal mailbox."""
    tw = ctx.tool_words
    if not (tw & {"grant", "give", "add", "share", "invite", "create"} and tw & {"guest", "lock", "door", "access", "keycode", "entry",
                                                                            "location"}):
        return None
    for f in ctx.fragments:
        if not f.is_key and "@" in f.raw and len(f.raw) < 256 and X._PERSONAL_MAIL.search(f.raw.strip()):  # noqa: SLF001
            return _sig("outside_grant", f"{ctx.tool_name} gives access to a personal mailbox ({f.raw.strip()[:60]})", f.path)
    return None


_SHIP_WORDS = frozenset({"shipment", "shipments", "shipping", "delivery", "deliveries", "package", "parcel", "order", "orders"})


def _rerouted(ctx: ScanContext) -> Signal | None:
    """`update_shipment {"new_address": …}`: goods sent somewhere else after they were ordered."""
    tw = ctx.tool_words
    if not (tw & _SHIP_WORDS and tw & {"update", "change", "redirect", "reroute", "modify", "manage", "edit", "patch"}):
        return None
    for f in ctx.fragments:
        k = _key(f.path)
        if not f.is_key and 8 <= len(f.raw) <= 300 and "address" in k and any(ch.isdigit() for ch in f.raw):
            return _sig("goods_rerouted", f"{ctx.tool_name} sends a shipment to another address", f.path)
    return None


_GIFT_CARD = regex.compile(r"(?i)\bgift[ \-]?cards?\b|\bprepaid (?:visa|card)s?\b|\b(?:itunes|apple|google play|steam|amazon) card\b")


def _gift_cards(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not tw & {"order", "purchase", "buy", "checkout", "cart", "place"}:
        return None
    for f in ctx.fragments:
        if not f.is_key and len(f.raw) <= 400 and _GIFT_CARD.search(f.raw):
            return _sig("gift_cards", f"{ctx.tool_name} buys gift cards (the currency of payment scams)", f.path)
    return None


def _key_added(ctx: ScanContext) -> Signal | None:
    """`add_ssh_key {"key": "ssh-ed25519 …"}`: whoever holds the private half signs in as the account."""
    tw = ctx.tool_words
    if tw & {"add", "create", "upload", "import", "register", "new"} and tw & {"ssh", "gpg", "pgp"} and tw & {"key", "keys"} \
            and not tw & {"deploy", "list", "get", "delete", "remove"}:
        return _sig("credential_added", f"{ctx.tool_name} adds a sign-in key to the account")
    return None


_OWNER_KEYS = frozenset({"new_owner", "newowner", "new_owner_id", "to_owner", "owner", "target_owner", "new_org", "to_org",
                         "destination_owner", "recipient"})


def _ownership(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not (tw & {"transfer"} and tw & {"repository", "repo", "project", "domain", "ownership", "organization", "org", "workspace",
                                         "team", "site", "app", "bucket"}):
        return None
    for f in ctx.fragments:
        if not f.is_key and _key(f.path) in _OWNER_KEYS and 0 < len(f.raw.strip()) <= 200:
            return _sig("ownership_transfer", f"{ctx.tool_name} hands it to another owner ({f.raw.strip()[:60]})", f.path)
    return None


def _open_rule(ctx: ScanContext) -> Signal | None:
    """A structured firewall / security-group rule from 0.0.0.0/0 to an administration port."""
    tw = ctx.tool_words
    if not tw & {"firewall", "ingress", "security", "rule", "rules", "nsg", "acl", "inbound"} or tw & {"delete", "remove", "list", "get"}:
        return None
    parts = [ctx.tool_name]
    for f in (*ctx.fragments, *ctx.extra.get("scalars", ())):
        if not f.is_key and len(f.raw) <= 100:
            parts.append(f"--{_key(f.path)} {f.raw.strip()}")
    line = " ".join(parts)[:2000]
    if "0.0.0.0/0" in line or "::/0" in line:
        if X._open_ingress(line):  # noqa: SLF001
            return _sig("open_ingress", f"{ctx.tool_name} opens an administration port to the whole internet")
    return None


_PHONE = regex.compile(r"^\s*\+?[\d][\d ().\-]{6,20}\d\s*$")


def _call_forwarding(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not tw & {"forward", "forwarding", "divert", "redirect"} or tw & {"port", "email", "mail"}:
        return None
    for f in ctx.fragments:
        if not f.is_key and _PHONE.match(f.raw) is not None and sum(ch.isdigit() for ch in f.raw) >= 7:
            return _sig("call_forwarding", f"{ctx.tool_name} forwards calls or messages to {f.raw.strip()[:30]}", f.path)
    return None


_ADDRESS = regex.compile(r"^\s*[A-Za-z0-9._%+\-]{1,64}@([A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})+)\s*$")


def _mail_forward_out(ctx: ScanContext) -> Signal | None:
    """`create_forwarding_rule {"from": "ceo@acme.com", "to": "x@acme-backup.example"}`: mail of one
    organisation forwarded automatically to another domain."""
    tw = ctx.tool_words
    if not tw & {"forward", "forwarding"} or tw & {"list", "get", "delete", "remove"}:
        return None
    dests: list[tuple[str, str]] = []
    own: set[str] = set()
    for f in ctx.fragments:
        m = _ADDRESS.match(f.raw) if not f.is_key and len(f.raw) <= 200 else None
        if m is None:
            continue
        k = _key(f.path)
        if k in ("to", "forward_to", "forwardto", "destination", "target", "recipient", "forwarding_address", "address"):
            dests.append((base_domain(m.group(1)), f.path))
        else:
            own.add(base_domain(m.group(1)))
    for domain, path in dests:
        if own and domain not in own:
            return _sig("mail_forwarding", f"{ctx.tool_name} forwards mail to another domain ({domain})", path)
    return None


def _exported(ctx: ScanContext) -> Signal | None:
    """`slack_export_workspace {"destination": "https://…"}`: everything at once, to a URL."""
    tw = ctx.tool_words
    if not tw & {"export", "dump", "backup", "mirror", "replicate"} or tw & {"list", "get", "status", "download"}:
        return None
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 400 or _key(f.path) not in ("destination", "dest", "target", "url", "endpoint", "upload_url", "to"):
            continue
        m = _URL.match(f.raw)
        if m is not None and not is_local_host(m.group(1)):
            return _sig("export_out", f"{ctx.tool_name} exports to {m.group(1)[:60]}", f.path)
    return None


GATE_TOOL_WORDS = frozenset({"guest", "lock", "door", "keycode", "entry", "shipment", "shipments", "shipping", "delivery", "deliveries",
                             "package", "parcel", "gift", "purchase", "buy", "checkout", "ssh", "gpg", "pgp", "transfer", "firewall",
                             "ingress", "nsg", "inbound", "rule", "rules", "forward", "location", "forwarding", "divert", "redirect", "export",
                             "dump", "backup", "mirror", "replicate", "order", "orders", "cart"})
GATE_PATTERN = r"(?i)gift[ \-]?cards?|0\.0\.0\.0/0|::/0"


def findings(ctx: ScanContext) -> list[Signal]:
    for rule in (_physical_access, _rerouted, _gift_cards, _key_added, _ownership, _open_rule, _call_forwarding, _mail_forward_out,
                 _exported):
        sig = rule(ctx)
        if sig is not None:
            return [sig]
    return []
