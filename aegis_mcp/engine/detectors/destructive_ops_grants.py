"""destructive_ops, continued: persistence planted through structured objects -- a new long-lived credential, a binding to the top role.

A hijacked agent that wants to come back later mints itself a way in: an access key for an IAM
user (`create_access_key {"UserName": "root"}`), a service-account key, a console login profile,
or a (Cluster)RoleBinding whose `roleRef` is `cluster-admin`. Each is one ordinary admin call; the
mechanism is the object created (a credential for an account; a binding whose referenced role is a
top role), not any word of the request. HIGH: a human confirms.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors import destructive_ops_access as X
from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "destructive_operation"
GATE_TOOL_WORDS = frozenset({"key", "keys", "profile"})
ROLEREF_GATE_PATTERN = r"(?im)^role_?ref$"

_CREATE = frozenset({"create", "generate", "new", "issue", "mint"})


def _minted(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not tw & _CREATE:
        return None
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


def findings(ctx: ScanContext) -> list[Signal]:
    sig = _minted(ctx) or _top_binding(ctx)
    return [sig] if sig is not None else []
