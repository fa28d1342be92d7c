"""destructive_ops, continued: a safeguard switched off by one flag argument, judged with the call around it.

A structured tool exposes its safeguards as flags: `{"verify_ssl": false}`, `{"enable_logging": false}`,
`{"BlockPublicAcls": false}`, `{"hostPID": true}`, `{"force": true, "branch": "main"}`. The mechanism
is the flag's *name* (its words, split from snake/camel case) naming a safeguard, and its *value*
(a JSON boolean, which extraction hands over as "true"/"false", or "0"/"1"/"yes"/"disabled") turning
that safeguard off -- "skip"/"disable"/"insecure" names are off when true, every other safeguard
name is off when false. What makes it dangerous comes from its siblings and the tool:
- TLS verification off: MEDIUM (recorded); HIGH when a credential travels in the same call;
- a security control (MFA, audit trail, scanning, protection, encryption, approvals...) off while
  *changing* something (update/set/delete/merge/push/apply...): HIGH; at creation: MEDIUM;
- public exposure: a public-access block switched off (always HIGH), or an existing resource
  flipped to public / not private (HIGH); creating a public thing is ordinary (nothing);
- a privileged container (`privileged`, `hostPID`, `hostNetwork`...) in a workload spec: HIGH;
- a force update of a protected branch, `allow_force_pushes`/`allow_deletions` on a protection: HIGH;
- `destroy: true` on an apply/plan/stack tool: HIGH;
- an account created with a top role or admin flag: HIGH.
A gate opens on a key line holding one of the name atoms (KEY_GATE_PATTERN); the rules only judge
keys that same pattern matches, so the gate is a necessary condition by construction.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import destructive_ops_access as X
from aegis_mcp.engine.detectors import destructive_ops_bulk as B
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal
from aegis_mcp.engine.roles import split_words

PATTERN = "destructive_operation"

# A key (a whole line of the gate text: keys are fragments of their own) holding a safeguard atom.
KEY_GATE_PATTERN = (
    r"(?im)^[\w.$-]*(?:ssl|tls|cert|verif|insecure|unauthori[sz]ed|mfa|2fa|factor|otp|audit|logging|trail|guardduty|defender|"
    r"antivirus|firewall|protection|encrypt|scanning|approv|review|enforce|signing|signature|privileged|hostpid|hostnetwork|"
    r"hostipc|host_pid|host_network|host_ipc|escalation|public|private|anonymous|force|destroy|admin|superuser|owner|role|"
    r"versioning|backup|snapshot|retention|hooks|checks|sandbox|enabled?|status|state|active|read_?only|readonly)[\w.$-]*$"
)
_KEY = regex.compile(KEY_GATE_PATTERN)

_ON = frozenset({"true", "1", "yes", "on", "enabled", "enable", "y"})
_OFF = frozenset({"false", "0", "no", "off", "disabled", "disable", "n", "none"})
_NEG = frozenset({"skip", "disable", "disabled", "no", "bypass", "ignore", "insecure", "without", "allow", "unsafe", "dangerously"})

_TLS = frozenset({"ssl", "tls", "cert", "certs", "certificate", "certificates", "hostname", "unauthorized", "unauthorised", "insecure"})
_HTTP_WORDS = frozenset({"http", "https", "request", "requests", "fetch", "api", "curl", "webhook", "hook", "get", "post", "put",
                         "call", "rest", "graphql", "url", "client", "proxy", "download", "upload", "send"})
_CREDENTIAL_WORDS = frozenset({"authorization", "password", "passwd", "token", "secret", "apikey", "credentials", "credential",
                               "cookie", "bearer", "auth"})

_CONTROLS = frozenset({"mfa", "2fa", "otp", "totp", "audit", "auditing", "trail", "cloudtrail", "guardduty", "defender", "antivirus",
                       "firewall", "edr", "siem", "protection", "encryption", "encrypted", "encrypt", "scanning", "versioning",
                       "enforce", "enforcement", "signing", "signatures", "retention"})
# change control: a control where changes are gated (a protection, a merge, a deployment), or when required
_REVIEW_WORDS = frozenset({"approval", "approvals", "approving", "approve", "review", "reviews", "reviewers", "checks"})
_REVIEW_CONTEXT = frozenset({"protection", "ruleset", "rulesets", "rules", "branch", "protected", "merge", "pull", "deploy",
                             "deployment", "environment", "policy", "policies", "release", "pipeline"})
# words that are controls only with a qualifier ("audit_logging", not "debug_logging")
_LOG_WORDS = frozenset({"logging", "logs", "log"})
_LOG_QUALIFIERS = frozenset({"audit", "access", "trail", "flow", "security", "cloudtrail", "data", "activity", "event"})
_SKIPPED_ONLY = frozenset({"snapshot", "backup", "backups", "hooks", "verify", "verification"})  # off only when skipped
_CHANGE_WORDS = frozenset({"update", "modify", "set", "put", "patch", "edit", "configure", "change", "disable", "delete", "remove",
                           "merge", "push", "apply", "deploy", "destroy", "terminate", "stop", "settings", "config", "toggle",
                           "turn", "reset", "replace", "upsert"})
_STATE_KEYS = frozenset({"enabled", "enable", "status", "state", "active", "on"})
_TOOL_CONTROLS = _CONTROLS | frozenset({"logging", "detector", "mfa", "securityhub", "macie", "inspector"})

_WORKLOAD_WORDS = X._DEPLOY_WORDS | frozenset({"task", "ecs", "create", "spec", "template"})  # noqa: SLF001
_WORKLOAD_NAMES = frozenset({"image", "containers", "container", "securitycontext", "security_context", "spec", "template", "pod"})
_PUSH_WORDS = frozenset({"push", "ref", "refs", "git", "reference", "branch"})
_BRANCH_NAMES = frozenset({"branch", "ref", "refs", "target", "target_branch", "remote_branch", "head", "base", "name"})
_PROTECTION_WORDS = frozenset({"protection", "ruleset", "rulesets", "rules", "rule", "branch", "protected"})
_STACK_WORDS = frozenset({"apply", "plan", "terraform", "stack", "pulumi", "deploy", "deployment", "cdk", "run", "workspace"})
_CREATE_WORDS = frozenset({"create", "add", "invite", "provision", "new", "register", "signup", "onboard"})
_ACCOUNT_WORDS = X._ACCOUNT_WORDS | frozenset({"member", "members", "login", "identity", "collaborator", "seat", "employee"})  # noqa: SLF001


def _key_of(path: str) -> str:
    """The object key a pointer ends with (unescaped; lone surrogates, which a Python caller can put
    in a key and RE2 cannot encode, replaced as extraction replaces them in the key's own fragment)."""
    key = path.rpartition("/")[2]
    if "~" in key:
        key = key.replace("~1", "/").replace("~0", "~")
    return key if key.isascii() else key.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _sig(rule: str, detail: str, sev: RiskLevel, path: str) -> Signal:
    return Signal(PATTERN, rule, detail, sev, path)


def _flags(ctx: ScanContext) -> list[tuple[str, frozenset[str], bool, str]]:
    """(key, its words, value is "on", pointer) of each flag-valued argument whose key the gate pattern matches."""
    out: list[tuple[str, frozenset[str], bool, str]] = []
    for f in ctx.extra.get("scalars", ()) + ctx.fragments:  # JSON booleans first, then "false" / "0" strings
        if f.is_key or len(f.raw) > 10 or f.path[-1:].isdigit() and f.path.rpartition("/")[2].isdigit():
            continue
        v = f.raw.strip().lower()
        on = v in _ON
        if not on and v not in _OFF:
            continue
        key = _key_of(f.path)
        if not key or _KEY.search(key) is None:
            continue
        out.append((key, frozenset(w.lower() for w in split_words(key)), on, f.path))
    return out


def _credential_sibling(ctx: ScanContext) -> bool:
    for f in ctx.fragments:
        if f.is_key and len(f.raw) <= 40 and _CREDENTIAL_WORDS & {w.lower() for w in split_words(f.raw)}:
            return True
    return False


def _value(ctx: ScanContext, names: frozenset[str]) -> list[str]:
    return [f.raw.strip().lower() for f in ctx.fragments if not f.is_key and f.name in names and len(f.raw) < 200]


def _off(words: frozenset[str], on: bool, key: str) -> bool:
    """The flag turns its safeguard off: a skip/disable/insecure name set on, any other set off."""
    return on if words & _NEG else not on


def _admin_account(ctx: ScanContext) -> Signal | None:
    """`create_user {"role": "admin"}`: a new account born with the top role (a backdoor as often as a hire)."""
    tw = ctx.tool_words
    if not (tw & _CREATE_WORDS and tw & _ACCOUNT_WORDS) or tw & X._GRANT_WORDS - {"add", "invite", "member", "members"}:  # noqa: SLF001
        return None
    for f in ctx.fragments:
        if not f.is_key and f.name in X._ROLE_NAMES and f.raw.strip().lower() in X._TOP_ROLES \
                and _KEY.search(_key_of(f.path)) is not None:  # noqa: SLF001
            return _sig("privileged_grant", f"{ctx.tool_name} creates an account with the {f.raw.strip()[:30]} role", RiskLevel.HIGH, f.path)
    return None


def findings(ctx: ScanContext) -> list[Signal]:
    flags = _flags(ctx)
    if not flags:
        sig = _admin_account(ctx)
        return [sig] if sig is not None else []
    tw = ctx.tool_words
    changing = bool(tw & _CHANGE_WORDS)
    out: list[Signal] = []
    for key, words, on, path in flags:
        sig = _judge(ctx, key, words, on, path, tw, changing)
        if sig is not None:
            out.append(sig)
            if sig.severity >= RiskLevel.HIGH:
                break
    out.sort(key=lambda s: -s.severity)
    return out[:1]


def _judge(ctx: ScanContext, key: str, words: frozenset[str], on: bool, path: str, tw: frozenset[str],
           changing: bool) -> Signal | None:
    off = _off(words, on, key)
    # -- public exposure ------------------------------------------------------------------------
    if words & {"block", "restrict"} and words & {"public"}:
        if not on:  # BlockPublicAcls / RestrictPublicBuckets: false
            return _sig("public_exposure", f"{ctx.tool_name} switches off a public-access block ({key})", RiskLevel.HIGH, path)
        return None
    exposed = (on and words & {"public", "publicly", "anonymous", "unauthenticated"} and not words & _NEG - {"allow"}) or (
        not on and words & {"private"})
    if exposed:
        if changing and tw & (X._RESOURCE_WORDS | {"channel", "database", "db", "table", "page", "instance", "cluster", "storage",  # noqa: SLF001
                                                   "blob", "workspace", "dashboard", "video", "playlist", "calendar", "account"}):
            return _sig("public_exposure", f"{ctx.tool_name} makes an existing resource public ({key})", RiskLevel.HIGH, path)
        return None
    # -- a privileged container -------------------------------------------------------------------
    if on and (words & {"privileged"} or words >= {"host", "pid"} or words >= {"host", "network"} or words >= {"host", "ipc"}
               or "hostpid" in words or "hostnetwork" in words or "hostipc" in words or words >= {"privilege", "escalation"}):
        if tw & _WORKLOAD_WORDS or any(n in _WORKLOAD_NAMES for n in path.lower().split("/")) or any(
                f.is_key and f.raw.lower() in _WORKLOAD_NAMES for f in ctx.fragments):
            return _sig("privileged_workload", f"{ctx.tool_name} runs a privileged container ({key})", RiskLevel.HIGH, path)
        return None
    # -- a protected branch rewritten --------------------------------------------------------------
    if on and words & {"force", "forced"} and tw & _PUSH_WORDS:
        refs = _value(ctx, _BRANCH_NAMES)
        if any(r.removeprefix("refs/heads/").removeprefix("heads/") in B._PROTECTED_BRANCHES for r in refs):  # noqa: SLF001
            return _sig("protected_branch_rewrite", f"{ctx.tool_name} force-updates a protected branch", RiskLevel.HIGH, path)
        return None
    if on and "allow" in words and words & {"force", "deletion", "deletions", "pushes"} and tw & _PROTECTION_WORDS:
        return _sig("security_control_off", f"{ctx.tool_name} lets a protected branch be rewritten or deleted ({key})",
                    RiskLevel.HIGH, path)
    # -- a key or token with write access (a deploy key that can push is a way back in) ---------------
    if not on and (words >= {"read", "only"} or "readonly" in words) and tw & {"deploy", "key", "keys", "ssh", "token", "tokens"} \
            and tw & _CREATE_WORDS:
        return _sig("privileged_grant", f"{ctx.tool_name} adds a key with write access ({key})", RiskLevel.HIGH, path)
    # -- infrastructure destroyed ------------------------------------------------------------------
    if on and words & {"destroy"} and tw & _STACK_WORDS:
        return _sig("delete_infrastructure", f"{ctx.tool_name} destroys the stack it applies ({key})", RiskLevel.HIGH, path)
    # -- an account created with the top privilege --------------------------------------------------
    if on and (key.lower() in X._ADMIN_FLAGS or words & {"superuser", "admin"} and words & {"is", "make", "grant"}) \
            and tw & _CREATE_WORDS and tw & _ACCOUNT_WORDS:  # noqa: SLF001
        return _sig("privileged_grant", f"{ctx.tool_name} creates an account with {key}", RiskLevel.HIGH, path)
    # -- TLS verification off ---------------------------------------------------------------------
    if words & _TLS or (words <= {"verify", "verify_ssl", "validate"} and words):
        if not off or not (tw & _HTTP_WORDS or any(f.role is Role.URL for f in ctx.fragments)):
            return None
        if _credential_sibling(ctx):
            return _sig("tls_verification_off", f"{ctx.tool_name} sends a credential with TLS verification off ({key})",
                        RiskLevel.HIGH, path)
        return _sig("tls_verification_off", f"{ctx.tool_name} turns TLS verification off ({key})", RiskLevel.MEDIUM, path)
    # -- a security control switched off ------------------------------------------------------------
    control = words & _CONTROLS or words >= {"two", "factor"} or "twofactor" in words or (words & _LOG_WORDS and (words | tw) & _LOG_QUALIFIERS) or (
        words & _REVIEW_WORDS and (words & {"required", "require", "requires", "dismiss"} or tw & _REVIEW_CONTEXT))
    if control and words & _SKIPPED_ONLY and not words & _NEG:
        control = False  # "backup": false at creation is a setting; only skipping one is
    if not control and words & _SKIPPED_ONLY and words & _NEG and on:
        control = True  # SkipFinalSnapshot, skip_hooks, no_verify: a check skipped on this action
    if not control and key.lower() in _STATE_KEYS and tw & _TOOL_CONTROLS and not on:
        control = True  # update_mfa_settings {"enabled": false}
    if control and off:
        sev = RiskLevel.HIGH if changing or tw & _TOOL_CONTROLS else RiskLevel.MEDIUM
        if words & {"hooks", "verify", "verification"}:
            sev = RiskLevel.MEDIUM  # `git commit --no-verify`: a developer's shortcut as often as not
        return _sig("security_control_off", f"{ctx.tool_name} switches off a safeguard ({key})", sev, path)
    return None
