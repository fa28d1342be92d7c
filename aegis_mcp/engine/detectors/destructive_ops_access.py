"""destructive_ops, continued: access widened -- what a hijacked agent does through real admin tools.

Deleting is one harm; opening the door is the other, and it reaches the same admin tools
(Drive, GitHub, IAM, Kubernetes, mail, cloud CLIs) as ordinary-looking calls. Each rule names a
structural fact, not a word list of known payloads:
- *shared with anyone*: a share/permission tool whose grantee type is `anyone`/`public`, or an
  update that flips a resource's `private` to false / `visibility` to public;
- *top privilege granted*: a grant/invite/binding whose role is the top of its ladder (owner,
  admin, cluster-admin, AdministratorAccess), as a structured call or a cloud CLI line;
- *open to the internet*: an ingress rule from 0.0.0.0/0 (or ::/0) to an administration or
  database port; a resource policy whose Principal is `*` with Allow;
- *mail auto-forwarding*: a mailbox rule or setting that forwards every matching mail to an address
  (the classic business-email-compromise persistence);
- *credentials minted*: a new long-lived access key for an IAM user or service account;
- *privileged workload*: a container that is privileged or mounts the host's root.
All HIGH: each has a legitimate owner who will confirm it; none is right for an agent to do silently.
Reading, listing, describing and granting ordinary roles are not these.
"""

from __future__ import annotations

import shlex

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "destructive_operation"

# A necessary condition of every rule below (destructive_ops' GATE): each rule reads one of these
# words or literals in the call's text. (Literals only: anchors and character classes here cost every
# call that reaches this gate its DFA states; a looser literal only opens the gate a little more often.)
ACCESS_GATE_PATTERN = (
    r"(?im)anyone|public|everyone|world|internet|private|visibility|owner|admin|superuser|forward|redirect|principal|privileged"
    r"|host_?(?:path|pid|network|ipc)|--pid[= ]host|create-access-key|create-login-profile|keys\s+create|credential\s+reset"
    r"|add-iam-policy-binding|role\s+assignment\s+create|attach-(?:user|role|group)-policy|public-access-block"
    r"|add-metadata|modify-instance-attribute|send-command|run-command|compute\s+ssh|root|wheel|sudo"
    r"|0\.0\.0\.0/0|::/0|/:/"
    r"|@(?:gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|icloud|me|mac|aol|proton|protonmail|pm|gmx|web|mail|yandex"
    r"|tutanota|tuta|mailinator|guerrillamail|fastmail|zoho|qq|163|126|sina|rediffmail)\."
)

_SHARE_WORDS = frozenset({"share", "sharing", "permission", "permissions", "acl", "acls", "access", "visibility", "link", "links",
                          "publish", "grant", "invite"})
_GRANTEE_NAMES = frozenset({"type", "scope", "audience", "visibility", "access", "general_access", "link_sharing", "grantee_type",
                            "share_with", "sharing", "principal_type", "who", "access_level", "link_access",
                            "requested_visibility", "link_visibility", "audience_type"})
_ANYONE = frozenset({"anyone", "public", "everyone", "world", "internet", "anyonewithlink", "anyone_with_link", "anyone-with-link",
                     "anyonecanview", "anyonecanedit", "public_link", "allusers"})
_UPDATE_WORDS = frozenset({"update", "edit", "patch", "set", "change", "modify", "configure", "settings"})
_RESOURCE_WORDS = frozenset({"repo", "repository", "project", "bucket", "container", "dataset", "file", "folder", "drive",
                             "document", "doc", "sheet", "board", "space", "site", "notebook", "gist", "snapshot", "image"})
_GRANT_WORDS = frozenset({"grant", "add", "invite", "bind", "binding", "assign", "assignment", "collaborator", "collaborators",
                          "member", "members", "share", "permission", "permissions", "role", "roles", "access", "policy", "iam"})
_ROLE_NAMES = frozenset({"role", "roles", "permission", "permissions", "access_level", "accesslevel", "permission_level",
                         "clusterrole", "role_name", "rolename", "role_definition", "level", "privilege", "privileges", "membership"})
_TOP_ROLES = frozenset({"owner", "owners", "admin", "administrator", "administrators", "admins", "cluster-admin", "superuser",
                        "super_admin", "superadmin", "org_admin", "organization_owner", "roles/owner",
                        "roles/iam.securityadmin", "roles/resourcemanager.organizationadmin", "administratoraccess",
                        "user access administrator", "global administrator"})

# Cloud CLI lines that grant the top role, widen access or mint credentials.
_CLI_RULES: tuple[tuple[str, object], ...] = (
    ("privileged_grant", regex.compile(r"(?i)\badd-iam-policy-binding\b.*--role[= ]['\"]?(?:roles/)?(?:owner|editor|iam\.securityadmin|resourcemanager\.\w*admin)\b")),
    ("privileged_grant", regex.compile(r"(?i)\brole\s+assignment\s+create\b.*--role[= ]['\"]?(?:owner|contributor|user access administrator)\b")),
    ("privileged_grant", regex.compile(r"(?i)\bcreate\s+(?:cluster)?rolebinding\b.*--clusterrole[= ]['\"]?(?:cluster-)?admin\b")),
    ("privileged_grant", regex.compile(r"(?i)\battach-(?:user|role|group)-policy\b.*\b(?:AdministratorAccess|IAMFullAccess)\b")),
    ("credentials_minted", regex.compile(r"(?i)\b(?:iam\s+create-access-key|iam\s+create-login-profile|iam\s+service-accounts\s+keys\s+create|ad\s+(?:sp|app)\s+credential\s+reset)\b")),
    ("public_exposure", regex.compile(r"(?i)\bs3api\s+(?:delete-public-access-block|put-public-access-block\b.*=\s*false)")),
    # code or keys planted on machines: instance start-up scripts and SSH keys in metadata, user data
    ("remote_persistence", regex.compile(r"(?i)\badd-metadata\b.*\b(?:startup-script|windows-startup-script|ssh-keys|sshkeys)\b"
                                         r"|\bmodify-instance-attribute\b.*--user-data\b")),
    # a fleet told to fetch and run code
    ("fleet_command", regex.compile(r"(?i)\b(?:ssm\s+send-command|vm\s+run-command\s+invoke|compute\s+ssh)\b.*\b(?:curl|wget|iwr|invoke-webrequest|nc|ncat|base64)\b")),
)
_OPEN_CIDR = regex.compile(r"(?:^|[^\d.])0\.0\.0\.0/0\b|(?:^|[^:\w])::/0\b")
# Ports of data stores and daemons' control APIs: open to the world, they are a way in (SSH and RDP are
# opened to the world by tutorials and small shops every day: left to the operator's own review).
_ADMIN_PORTS = frozenset({"23", "445", "1433", "1521", "2375", "2376", "2379", "3306", "5432", "5984", "6379", "9200", "9300",
                          "10250", "11211", "27017", "-1", "0-65535", "1-65535", "all", "*"})
_PORT = regex.compile(r"(?i)(?:--port[= ]|port[\"']?\s*[:=]\s*[\"']?|--ports?[= ]|tcp:|udp:|fromport[\"']?\s*[:=]\s*|-p\s+)(-1|\*|all|\d{1,5}(?:-\d{1,5})?)")
_INGRESS_WORDS = regex.compile(r"(?i)ingress|inbound|firewall|security.?group|source.?ranges?|cidr|allow")
_PUBLIC_POLICY = regex.compile(r"(?is)\"principal\"\s*:\s*(?:\"\*\"|\{\s*\"aws\"\s*:\s*\"\*\"\s*\})")
_ALLOW_EFFECT = regex.compile(r"(?i)\"effect\"\s*:\s*\"allow\"")
_CONDITION = regex.compile(r"(?i)\"condition\"\s*:")
# A manifest's fields (YAML or JSON) and a container CLI's flags for the same thing.
_PRIVILEGED_MANIFEST = regex.compile(
    r"(?i)\bprivileged[\"']?\s*:\s*true\b|\bhost(?:pid|network|ipc)[\"']?\s*:\s*true\b"
    r"|\bhostpath[\"']?\s*:\s*\{?\s*(?:\n\s*)?[\"']?path[\"']?\s*:\s*[\"']?/[\"']?\s*(?:$|[,}\n])")
_CONTAINER_CLI = regex.compile(r"(?i)\b(?:docker|podman|nerdctl|ctr|kubectl|lxc)\b")
_CONTAINER_WORDS = frozenset({"docker", "podman", "container", "containers", "compose", "nerdctl"})
_PRIVILEGED_CLI = regex.compile(r"(?i)(?:^|\s)--privileged\b|(?:^|\s)(?:-v|--volume)[= ]?\s*/:/|(?:^|\s)--pid[= ]host\b")
_DEPLOY_WORDS = frozenset({"apply", "deploy", "kubectl", "kubernetes", "k8s", "kube", "helm", "pod", "pods", "container", "containers",
                           "docker", "podman", "compose", "run", "manifest", "workload", "deployment", "job", "cronjob", "daemonset"})
_VOLUME_ROOT = regex.compile(r"^/:/")
_EMAIL = regex.compile(r"^[^@\s]{1,64}@[a-z0-9.-]+\.[a-z]{2,}$")
_MAIL_RULE_WORDS = frozenset({"filter", "filters", "rule", "rules", "setting", "settings", "forwarding", "autoforward",
                              "autoforwarding", "inbox", "mailbox", "transport"})
_AUTO_WORDS = frozenset({"auto", "automatic", "set", "enable", "create", "add", "update", "configure", "rule", "rules"})
_ARGV_NAMES = frozenset({"args", "argv", "arguments", "command_args", "cmd_args", "params", "command"})


# a literal each CLI rule, the open-ingress test and the privileged-container test need
_CLI_HINT = regex.compile(
    r"(?i)add-iam-policy-binding|role\s+assignment|rolebinding|attach-(?:user|role|group)-policy|create-access-key|create-login-profile"
    r"|keys\s+create|credential\s+reset|public-access-block|add-metadata|modify-instance-attribute|send-command|run-command|compute\s+ssh"
    r"|0\.0\.0\.0/0|::/0|privileged|host(?:pid|network|ipc|path)|/:/|--pid")


def _sig(rule: str, detail: str, path: str) -> Signal:
    return Signal(PATTERN, rule, detail, RiskLevel.HIGH, path)


def argv_arrays(ctx: ScanContext) -> dict[str, list[str]]:
    """The call's top-level argv arrays (`{"args": ["rm", "-rf", "/"]}`): pointer -> words in order (at most 64)."""
    arrays: dict[str, list[tuple[int, str]]] = {}
    for f in ctx.fragments:
        if not f.is_key and _in_argv(f.path):
            parent, _, last = f.path.rpartition("/")
            arrays.setdefault(parent, []).append((int(last), f.raw))
    return {parent: [w for _, w in sorted(items)][:64] for parent, items in arrays.items()}


def _command_lines(ctx: ScanContext) -> list[tuple[str, str]]:
    """(path, line) for every command the call will run: shell strings and argv arrays joined."""
    lines = [(f.path, f.raw) for f in ctx.fragments if not f.is_key and f.role is Role.SHELL and len(f.raw) < 8192
             and not _in_argv(f.path)]
    lines.extend((parent, " ".join(shlex.quote(w) for w in words)) for parent, words in argv_arrays(ctx).items())
    return lines


def _in_argv(path: str) -> bool:
    parent, _, last = path.rpartition("/")
    return last.isdigit() and parent.count("/") == 1 and parent[1:].lower() in _ARGV_NAMES


PUBLIC_TOOL_WORDS = frozenset({"public", "publicly", "anyone", "everyone", "world"})
_MAKE_WORDS = frozenset({"make", "set", "share", "expose", "open", "enable", "grant", "change", "update", "toggle"})
# (`set_public_key`, `update_public_ip`: "public" names the object, not who may see it)
_NOT_EXPOSURE = frozenset({"private", "unshare", "revoke", "disable", "list", "get", "key", "keys", "ip", "ips", "address", "url", "dns",
                           "holiday", "holidays", "profile", "suffix", "cert", "certificate"})


def _share_public(ctx: ScanContext) -> Signal | None:
    words = ctx.tool_words
    if words & PUBLIC_TOOL_WORDS and words & _MAKE_WORDS and not words & _NOT_EXPOSURE:
        # `slack_share_file_public`, `make_repo_public`: the tool's own name says what it does
        return _sig("public_exposure", f"{ctx.tool_name} makes something public", "")
    sharing = bool(words & _SHARE_WORDS)
    updating = bool(words & _UPDATE_WORDS) and bool(words & _RESOURCE_WORDS)
    if not (sharing or updating):
        return None
    for f in ctx.fragments + ctx.extra.get("scalars", ()):  # (`"private": false` is a JSON boolean)
        if f.is_key:
            continue
        value = f.raw.strip().lower()
        if sharing and f.name in _GRANTEE_NAMES and value in _ANYONE:
            return _sig("public_exposure", f"{ctx.tool_name} shares with {f.raw.strip()[:20]} (anyone on the internet)", f.path)
        if updating and ((f.name == "private" and value == "false") or (f.name in ("visibility", "access") and value == "public")):
            return _sig("public_exposure", f"{ctx.tool_name} makes a private resource public", f.path)
    return None


def _privileged_grant(ctx: ScanContext) -> Signal | None:
    words = ctx.tool_words
    # a grant, or an update of an account (`update_user {"role": "admin"}` promotes as surely as a grant)
    if not (words & _GRANT_WORDS or (words & _UPDATE_WORDS and words & _ACCOUNT_WORDS)):
        return None
    for f in ctx.fragments + ctx.extra.get("scalars", ()):  # (`"private": false` is a JSON boolean)
        if f.is_key or f.role is Role.CONTENT:
            continue
        name = f.name
        value = f.raw.strip().lower()
        if (name in _ROLE_NAMES or (name in _ROLE_SLOT_NAMES and words & {"role", "roles"} and words & _ASSIGN_WORDS)) and value in _TOP_ROLES:
            # (`okta_assign_role {"type": "SUPER_ADMIN"}`: on a role tool, a generic slot names the role)
            return _sig("privileged_grant", f"{ctx.tool_name} grants the {f.raw.strip()[:30]} role", f.path)
        if name in _ADMIN_FLAGS and value in ("true", "1", "yes"):
            return _sig("privileged_grant", f"{ctx.tool_name} sets {name} (top privilege)", f.path)
        if name in _GROUP_NAMES and len(value) < 80 and _ADMIN_GROUP.search(value):
            return _sig("privileged_grant", f"{ctx.tool_name} adds a member to the {f.raw.strip()[:40]} group", f.path)
    return None


_ROLE_SLOT_NAMES = frozenset({"type", "role_id", "roleid", "role_type", "roletype"})
_ASSIGN_WORDS = frozenset({"assign", "grant", "add", "set", "bind", "attach"})
_GROUP_NAMES = frozenset({"group", "groups", "groupname", "group_name", "groupid", "group_id", "team", "role_group", "security_group"})
_ADMIN_GROUP = regex.compile(r"(?i)(?:^|[\s_-])(?:admins?|administrators?|owners?|super ?admins?|superusers?|domain admins|global admins?)(?:$|[\s_-])"
                            r"|^[\w-]*(?:^|[_-])(?:root|wheel|sudo|sudoers)(?:$|[_-])[\w-]*$")


_ACCOUNT_WORDS = frozenset({"user", "users", "account", "accounts", "membership", "profile", "principal", "admin", "staff"})
_ADMIN_FLAGS = frozenset({"is_admin", "isadmin", "admin", "is_superuser", "superuser", "site_admin", "is_owner", "is_staff_admin",
                          "org_admin", "is_org_admin"})


def _open_ingress(line: str) -> bool:
    if _OPEN_CIDR.search(line) is None or _INGRESS_WORDS.search(line) is None:
        return False
    ports = [m.group(1).lower() for m in _PORT.finditer(line)]
    if not ports:  # no port named: every port
        return True
    return any(p in _ADMIN_PORTS or _range_has_admin(p) for p in ports)


def _range_has_admin(p: str) -> bool:
    lo, sep, hi = p.partition("-")
    if not sep or not lo.isdigit() or not hi.isdigit():
        return False
    return any(int(lo) <= int(a) <= int(hi) for a in ("5432", "3306", "6379", "27017", "2375"))


def _mail_forward(ctx: ScanContext) -> Signal | None:
    ruleish = bool(ctx.tool_words & _MAIL_RULE_WORDS)
    # `set_auto_forward {"email": …}`: the tool's own name says every message will go to the address (the
    # only one the call names: with a `from` beside it, reach._mail_forward_out compares the two domains)
    auto_tool = bool(ctx.tool_words & {"forward", "forwarding"} and ctx.tool_words & _AUTO_WORDS) and sum(
        1 for f in ctx.fragments if not f.is_key and "@" in f.raw and f.path.count("/") == 1) == 1
    for f in ctx.fragments:
        if f.is_key or "@" not in f.raw:
            continue
        low = f.path.lower()
        if (auto_tool and f.path.count("/") == 1) or \
                ("forward" in low or "redirect" in low) and (ruleish or "auto" in low or "rule" in low or "action" in low):
            if _EMAIL.match(f.raw.strip().lower()):
                return _sig("mail_forwarding", f"{ctx.tool_name} forwards mail automatically to {f.raw.strip()[:60]}", f.path)
    return None


# Personal mailbox providers: a grant to one of these is a grant to someone outside any organisation.
_PERSONAL_MAIL = regex.compile(
    r"(?i)@(?:gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|icloud|me|mac|aol|proton|protonmail|pm|gmx|web|mail|yandex"
    r"|tutanota|tuta|mailinator|guerrillamail|fastmail|zoho|qq|163|126|sina|rediffmail)\.[a-z.]{2,6}$")
_EDIT_ROLES = frozenset({"writer", "editor", "edit", "write", "owner", "organizer", "fileorganizer", "admin", "maintain", "push",
                         "contributor", "manager", "co-owner", "full", "full_access", "can_edit"})
_MEMBERSHIP_WORDS = frozenset({"collaborator", "collaborators", "member", "members", "invite", "iam", "binding", "team", "org",
                               "organization", "workspace", "group", "tenant", "project", "guest", "guests"})


def _outside_grant(ctx: ScanContext) -> Signal | None:
    """Edit rights, or membership, given to a personal mailbox (not a colleague's address)."""
    words = ctx.tool_words
    if not words & (_GRANT_WORDS | _SHARE_WORDS | {"ownership", "transfer"}):
        return None
    who = next((f for f in ctx.fragments if not f.is_key and "@" in f.raw and len(f.raw) < 256 and _PERSONAL_MAIL.search(f.raw.strip())), None)
    if who is None:
        return None
    editing = any(not f.is_key and f.name in _ROLE_NAMES and f.raw.strip().lower() in _EDIT_ROLES for f in ctx.fragments)
    if editing or words & (_MEMBERSHIP_WORDS | {"ownership", "owner", "transfer"}):
        return _sig("outside_grant", f"{ctx.tool_name} gives access to a personal mailbox ({who.raw.strip()[:60]})", who.path)
    return None


def _structured_public_policy(ctx: ScanContext) -> Signal | None:
    """A policy given as an object: a statement whose Principal is `*` (or {"AWS": "*"}) with Effect Allow
    and no Condition narrowing it."""
    stars = [f for f in ctx.fragments if not f.is_key and f.raw.strip() == "*" and "/principal" in f.path.lower()]
    for star in stars:
        low = star.path.lower()
        stmt = low[: low.index("/principal")]
        allow = any(not f.is_key and f.path.lower() == stmt + "/effect" and f.raw.strip().lower() == "allow" for f in ctx.fragments)
        cond = any(f.is_key and f.path.lower().startswith(stmt + "/condition") for f in ctx.fragments)
        if allow and not cond:
            return _sig("public_exposure", "a resource policy allows Principal '*' (anyone)", star.path)
    return None


def findings(ctx: ScanContext) -> list[Signal]:
    out: list[Signal] = []
    for rule in (_share_public, _privileged_grant, _mail_forward, _outside_grant):
        sig = rule(ctx)
        if sig is not None:
            out.append(sig)
    for path, line in _command_lines(ctx):
        if _CLI_HINT.search(line) is None:
            continue  # (one search instead of a dozen: most command lines touch none of these)
        for rule, rx in _CLI_RULES:
            if rx.search(line):  # type: ignore[attr-defined]
                out.append(_sig(rule, f"{rule.replace('_', ' ')}: {line[:80]}", path))
                break
        if _open_ingress(line):
            out.append(_sig("open_ingress", f"opens an administration port to the whole internet: {line[:80]}", path))
        if (_PRIVILEGED_CLI.search(line) and (_CONTAINER_CLI.search(line) or ctx.tool_words & _CONTAINER_WORDS)) or _PRIVILEGED_MANIFEST.search(line):
            out.append(_sig("privileged_workload", f"runs a privileged container or mounts the host root: {line[:80]}", path))
    # a manifest is judged where it is applied, not where it is written down (a doc about pod security)
    deploying = bool(ctx.tool_words & _DEPLOY_WORDS)
    sig = _structured_public_policy(ctx)
    if sig is not None:
        out.append(sig)
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 65536:
            continue
        raw = f.raw
        if "rincipal" in raw and _PUBLIC_POLICY.search(raw) and _ALLOW_EFFECT.search(raw) and not _CONDITION.search(raw):
            out.append(_sig("public_exposure", "a resource policy allows Principal '*' (anyone)", f.path))
        elif deploying and f.role is not Role.SHELL and ("rivileged" in raw or "ost" in raw) and _PRIVILEGED_MANIFEST.search(raw):
            out.append(_sig("privileged_workload", "a manifest runs a privileged container or mounts the host root", f.path))
        elif f.name in ("volumes", "volume", "binds", "mounts") or f.path.rpartition("/")[0].endswith(("/volumes", "/binds", "/mounts")):
            if _VOLUME_ROOT.match(raw.strip()):
                out.append(_sig("privileged_workload", f"{ctx.tool_name} mounts the host's root file system", f.path))
    return out[:3]
