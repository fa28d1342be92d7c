"""destructive_ops, continued: persistence planted through structured objects -- a new long-lived credential, a binding to the top role.

A hijacked agent that wants to come back later mints itself a way in: an access key for an IAM
user (`create_access_key {"UserName": "root"}`), a service-account key, a console login profile,
or a (Cluster)RoleBinding whose `roleRef` is `cluster-admin`; or it moves the account's recovery
address (a password reset then goes to it). Each is one ordinary admin call; the
mechanism is the object created (a credential for an account; a binding whose referenced role is a
top role), not any word of the request. HIGH: a human confirms.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors import destructive_ops_access as X
from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "destructive_operation"
GATE_TOOL_WORDS = frozenset({"key", "keys", "profile"})
ROLEREF_GATE_PATTERN = r"(?im)^role_?ref$|^[\w.-]*recovery[\w.-]*$"

_CREATE = frozenset({"create", "generate", "new", "issue", "mint"})


def _minted(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not tw & _CREATE:
        return None
    tw = tw | {w[:-1] for w in tw if w.endswith("s") and len(w) > 3}  # (keys, accounts: RPC names are plural)
    if tw >= {"access", "key"} or tw >= {"service", "account", "key"} or tw >= {"login", "profile"} or tw >= {"iam", "key"} \
            or tw >= {"account", "key"} and tw & {"gcp", "gcloud", "google", "iam", "azure"}:
        return Signal(PATTERN, "credential_minted", f"{ctx.tool_name} mints a long-lived credential for an account", RiskLevel.HIGH, "")
    return None


def _top_binding(ctx: ScanContext) -> Signal | None:
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 80:
            continue
        low = f.path.lower()
        if ("/roleref/" in low or "/role_ref/" in low) and f.raw.strip().lower() in X._TOP_ROLES:  # noqa: SLF001
            return Signal(PATTERN, "privileged_grant", f"a role binding to {f.raw.strip()[:30]}", RiskLevel.HIGH, f.path)
    return None


_CHANGE = frozenset({"update", "set", "change", "add", "replace", "modify", "edit", "patch", "configure"})


def _recovery_changed(ctx: ScanContext) -> Signal | None:
    """`update_recovery {"recovery_email": "x@gmail.com"}`: whoever holds the recovery address can take
    the account over (a password reset goes there); a silenced notice to the old address makes it sure."""
    if not ctx.tool_words & _CHANGE:
        return None
    for f in ctx.fragments:
        if f.is_key or "recovery" not in f.path.lower() or len(f.raw) > 200:
            continue
        key = f.path.rpartition("/")[2].lower()
        if "recovery" in key and ("@" in f.raw or sum(ch.isdigit() for ch in f.raw) >= 7):
            return Signal(PATTERN, "recovery_hijack", f"{ctx.tool_name} changes the account's recovery address ({key})", RiskLevel.HIGH, f.path)
    return None


def findings(ctx: ScanContext) -> list[Signal]:
    sig = _minted(ctx) or _top_binding(ctx) or _recovery_changed(ctx)
    return [sig] if sig is not None else []
