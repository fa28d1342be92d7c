"""destructive_ops, continued: a security control switched off -- audit trails, threat detectors, MFA, endpoint protection.

Before or after the real harm, a hijacked agent blinds the owner: it stops the cloud audit trail,
deletes the threat detector or the log sink, removes a user's second factor. Each is one ordinary
admin call. The mechanism is a verb that stops, disables or deletes joined to an object that is a
control (a trail, a detector, a factor, an audit log), in a tool's name or a cloud CLI line.
Shell forms (`setenforce 0`, `auditctl -D`) are shell.py's; HIGH here: a human confirms.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "destructive_operation"

_OFF_VERBS = frozenset({"disable", "deactivate", "delete", "remove", "stop", "suspend", "pause", "bypass", "unenroll", "reset", "turnoff",
                        "off", "purge", "detach", "disassociate"})
_CONTROLS = frozenset({"mfa", "2fa", "totp", "factor", "factors", "otp", "audit", "auditing", "trail", "cloudtrail", "guardduty",
                       "defender", "antivirus", "edr", "firewall", "detector", "securityhub", "retention", "logging", "webauthn",
                       "passkey", "yubikey", "sentinel", "siem"})
# cloud CLI lines (the service names are the gate: see CLI_GATE_PATTERN)
_CLI = regex.compile(
    r"(?i)\bcloudtrail\s+(?:stop-logging|delete-trail|put-event-selectors\b.*\"?readwritetype\"?\s*:\s*\"?none)"
    r"|\bguardduty\s+(?:delete-detector|disassociate-\S+|update-detector\b.*--no-enable)"
    r"|\bsecurityhub\s+disable-security-hub|\bconfigservice\s+(?:stop-configuration-recorder|delete-configuration-recorder)"
    r"|\bec2\s+delete-flow-logs|\blogging\s+sinks\s+delete|\blogging\s+buckets\s+update\b.*--retention-days[= ]?[01]\b"
    r"|\bmonitor\s+diagnostic-settings\s+delete|\bsecurity\s+(?:pricing\s+create\b.*--tier[= ]free|auto-provisioning-setting\s+update\b.*off)"
    r"|\baccess-analyzer\s+delete-analyzer|\bmacie2\s+disable-macie|\binspector2\s+disable"
)
GATE_PATTERN = (
    r"(?i)cloudtrail|guardduty|securityhub|configservice|flow-logs|logging\s+(?:sinks|buckets)|diagnostic-settings|security\s+(?:pricing|auto-provisioning)"
    r"|access-analyzer|macie|inspector2|mfa|2fa|totp|factor|otp|audit|trail|defender|antivirus|edr|firewall|detector|retention|logging|webauthn"
    r"|passkey|yubikey|sentinel|siem"
)


# A refspec that force-updates (`+src:dst`) or deletes (`:dst`) a protected branch: history rewritten or gone.
_REFSPEC = regex.compile(r"(?i)^\s*(?:\+[^\s:]*|)\s*:\s*(?:refs/heads/)?(?:main|master|production|prod|release|trunk|develop|stable|live)\s*$")
REFSPEC_GATE_PATTERN = r"(?im)^\s*\+[^\s:]*:|^\s*:\S"
_REFSPEC_NAMES = frozenset({"refspec", "refspecs", "ref", "refs", "spec", "target", "push", "args", "argv"})


def _protected_refspec(ctx: ScanContext) -> Signal | None:
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 200 or (f.name not in _REFSPEC_NAMES and not f.path[-1:].isdigit()):
            continue
        if ":" in f.raw and _REFSPEC.match(f.raw):
            how = "deletes" if f.raw.strip().startswith(":") else "force-rewrites"
            return Signal(PATTERN, "protected_branch_rewrite", f"a refspec that {how} a protected branch ({f.raw.strip()[:60]})",
                          RiskLevel.HIGH, f.path)
    return None


def findings(ctx: ScanContext) -> list[Signal]:
    ref = _protected_refspec(ctx)
    if ref is not None:
        return [ref]
    words = ctx.tool_words
    if words & _OFF_VERBS:
        control = words & _CONTROLS
        if control:
            return [Signal(PATTERN, "security_control_off", f"{ctx.tool_name} switches off a security control ({min(control)})",
                           RiskLevel.HIGH, "")]
    for f in ctx.fragments:
        if f.is_key or f.role is not Role.SHELL and not (f.path[-1:].isdigit() and f.role is not Role.CONTENT):
            continue
        if len(f.raw) < 8192 and _CLI.search(f.raw):
            return [Signal(PATTERN, "security_control_off", f"switches off a security control: {f.raw[:80]}", RiskLevel.HIGH, f.path)]
    return []
