"""destructive_ops, continued: what a hijacked agent does next through ordinary tools -- judged by the call's effect and destination.

The goals public agent-hijacking benchmarks give an injected instruction (AgentDojo's injection
tasks, InjecAgent's attacker cases) are mostly one ordinary call: redirect a scheduled payment to the
attacker's account, register a new payee or payout bank account, point a webhook or callback at an
outside URL, change a DNS record, attach the administrator policy or the Owner role, mint an API
token, set the account's password to a value the text chose, send a verification code on, or
plant a `<script src>` from a foreign host in a page the site serves. No word of the
request marks them; what the call *does* does. Each rule reads the object created or changed (a
payee identifier, a URL, a record value, a policy, a password literal, a script tag) next to a
create/change verb in the tool's name. HIGH: a human confirms (each is also something an
administrator does on purpose).
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.net_local import is_local_host
from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "destructive_operation"

_CHANGE = frozenset({"create", "add", "new", "register", "set", "update", "change", "edit", "modify", "patch", "put", "upsert",
                     "replace", "configure", "link", "attach", "schedule", "setup", "enable", "install", "subscribe", "authorize",
                     "approve", "connect"})

# --- money: a payment scheduled or re-pointed to an account identifier, a new payee / payout bank ------------
_MONEY_OBJ = frozenset({"transaction", "transactions", "transfer", "transfers", "payment", "payments", "payout", "payouts",
                        "remittance", "wire", "standing", "recurring", "scheduled", "money", "funds", "venmo", "zelle", "cashapp",
                        "paypal", "revolut"})
_MONEY_VERBS = _CHANGE | frozenset({"transfer", "send", "pay", "wire", "initiate", "make", "execute", "submit"})
_PAYEE_KEYS = ("recipient", "payee", "beneficiary", "iban", "destination", "to_account", "creditor", "counterparty",
               "receiver", "account_number", "accountnumber", "to")
# an account identifier, not an own-account label ("savings"): IBAN-like, a long digit run, a crypto address
_ACCOUNT_ID = regex.compile(
    r"^\s*(?:[@$][A-Za-z0-9_\-]{3,30}"  # a payment app handle ($cashtag, @venmo)
    r"|[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})+"  # a PayPal-style e-mail payee
    r"|[A-Z]{2}\d{2}[A-Z0-9 ]{8,34}|\d[\d \-]{5,30}\d"  # IBAN-shaped (checksum or not), an account number
    r"|(?:bc1|[13])[A-HJ-NP-Za-km-z1-9]{25,62}|0x[0-9a-fA-F]{40})\s*$"  # a wallet
)
_BANK_OBJ = frozenset({"payee", "payees", "beneficiary", "beneficiaries", "payout", "payouts", "external", "destination", "bank",
                       "withdrawal", "settlement", "recipient", "recipients"})
_BANK_KEYS = frozenset({"account_number", "accountnumber", "iban", "routing_number", "routingnumber", "sort_code", "sortcode", "bsb",
                        "swift", "bic", "external_account", "externalaccount", "bank_account", "bankaccount", "aba"})
_AMOUNT_KEYS = frozenset({"amount", "value", "sum", "total", "amount_cents", "amt"})


def _key(path: str) -> str:
    return path.rpartition("/")[2].lower()


def _money_redirected(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not (tw & _MONEY_OBJ and tw & _MONEY_VERBS) or tw & {"refund", "refunds", "invoice", "request", "list", "get", "cancel"}:
        return None
    updating = bool(tw & {"update", "change", "edit", "modify", "patch", "set", "replace"})
    has_amount = any(f.is_key and f.raw.strip().lower() in _AMOUNT_KEYS for f in ctx.fragments)
    if not (updating or has_amount):
        return None
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 80:
            continue
        k = _key(f.path)
        if any(k == p or k.startswith(p + "_") or k.endswith("_" + p) for p in _PAYEE_KEYS) and _ACCOUNT_ID.match(f.raw):
            what = "re-points a payment to" if updating else "sends or schedules a payment to"
            return Signal(PATTERN, "money_out", f"{ctx.tool_name} {what} account {f.raw.strip()[:34]}", RiskLevel.HIGH, f.path)
    return None


def _bank_destination(ctx: ScanContext) -> Signal | None:
    """`add_payee {"account_number": …}`, `update_payout_destination {"external_account": {…}}`: where money will go."""
    tw = ctx.tool_words
    if not (tw & _BANK_OBJ and tw & _CHANGE):
        return None
    for f in ctx.fragments:
        if not f.is_key:
            continue
        k = f.raw.strip().lower()
        if k in _BANK_KEYS:
            return Signal(PATTERN, "payee_added", f"{ctx.tool_name} sets a bank account money will be sent to ({k})", RiskLevel.HIGH, f.path)
    return None


# --- a webhook / callback pointed at a URL: the service will POST its events there ------------------------
_HOOK_WORDS = frozenset({"webhook", "webhooks", "hook", "hooks", "callback", "callbacks"})
_HOOK_KEYS = frozenset({"webhook_url", "webhookurl", "callback_url", "callbackurl", "payload_url", "payloadurl", "notification_url",
                        "notificationurl", "delivery_url", "deliveryurl", "hook_url", "hookurl", "callback", "webhook"})
_URL = regex.compile(r"(?i)^\s*https?://([^/\s:?#]+)")


# where a chat / incident / CI integration's webhooks normally go
_INTEGRATIONS = regex.compile(r"(?i)(?:^|\.)(?:slack\.com|discord(?:app)?\.com|pagerduty\.com|atlassian\.net|office\.com|office365\.com"
                              r"|github\.com|gitlab\.com|sentry\.io|datadoghq\.(?:com|eu)|opsgenie\.com|circleci\.com|googleapis\.com)$")
_OWNER_NAMES = frozenset({"repo", "repository", "owner", "org", "organization", "workspace", "project", "namespace", "team", "account",
                          "company", "shop", "store", "tenant", "site", "full_name", "slug"})
_GENERIC_LABELS = frozenset({"api", "hooks", "hook", "webhook", "webhooks", "www", "app", "web", "dev", "prod", "ci", "com", "net", "org",
                             "io", "example", "events", "in", "the"})
_LABEL_SPLIT = regex.compile(r"[^a-z0-9]+")


def _own_host(ctx: ScanContext, host: str) -> bool:
    """The URL's host shares a name with the call's owner / repository / workspace (`acme/web` ->
    `ci.acme.example`): the organisation's own infrastructure, not somewhere new."""
    labels = set(_LABEL_SPLIT.split(host.lower())) - _GENERIC_LABELS
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 200 or _key(f.path) not in _OWNER_NAMES:
            continue
        if labels & {w for w in _LABEL_SPLIT.split(f.raw.lower()) if len(w) >= 3}:
            return True
    return False


def _webhook(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not tw & _CHANGE or tw & {"delete", "remove", "list", "get", "test", "ping", "verify"}:
        return None
    hook_tool = bool(tw & _HOOK_WORDS)
    app_tool = bool(tw & {"oauth", "app", "application", "client", "integration"})
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 400:
            continue
        k = _key(f.path)
        if not hook_tool and k not in _HOOK_KEYS and not (app_tool and k.startswith("redirect")):
            continue
        m = _URL.match(f.raw)
        if m is None or is_local_host(m.group(1)) or _INTEGRATIONS.search(m.group(1)) is not None:
            continue
        if _own_host(ctx, m.group(1)):
            continue
        return Signal(PATTERN, "webhook_redirect", f"{ctx.tool_name} sends the service's events to {m.group(1)[:60]}", RiskLevel.HIGH, f.path)
    return None


# --- DNS: a record created or changed (the name then resolves wherever the value says) ---------------------
_DNS_WORDS = frozenset({"dns", "route53", "record", "records", "recordset", "recordsets", "cname", "nameserver", "nameservers", "zone"})
_IP = regex.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})\s*$")
_RTYPES = frozenset({"a", "aaaa", "cname", "ns", "mx", "alias", "txt"})


def _dns_change(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not (tw & _DNS_WORDS and tw & (_CHANGE | {"change"})) or tw & {"delete", "remove", "list", "get"}:
        return None
    if not tw & {"dns", "route53", "record", "records", "recordset", "recordsets", "cname", "nameserver", "nameservers"}:
        return None  # ("zone" alone: an availability zone, a time zone)
    if tw & {"nameserver", "nameservers"}:
        return Signal(PATTERN, "dns_change", f"{ctx.tool_name} moves the domain to other name servers", RiskLevel.HIGH, "")
    typed = any(not f.is_key and _key(f.path) in ("type", "record_type", "recordtype", "rrtype") and f.raw.strip().lower() in _RTYPES
                for f in ctx.fragments)
    for f in ctx.fragments:
        if not f.is_key and len(f.raw) <= 60 and _IP.match(f.raw) and f.raw.count(".") + f.raw.count(":") >= 2:
            return Signal(PATTERN, "dns_change", f"{ctx.tool_name} points a DNS name at {f.raw.strip()}", RiskLevel.HIGH, f.path)
    if typed:
        return Signal(PATTERN, "dns_change", f"{ctx.tool_name} creates or changes a DNS record", RiskLevel.HIGH, "")
    return None


# --- the administrator policy / Owner role granted (by ARN or by the cloud's built-in role id) ------------
ADMIN_GRANT_GATE_PATTERN = (
    r"(?i)arn:aws:iam::aws:policy/(?:AdministratorAccess|IAMFullAccess|PowerUserAccess)\b"
    r"|8e3af657-a8ff-443c-a75c-2fe8c4bcb635|18d7d88d-d35e-4fb5-a5c3-7773c20a72d9|b24988ac-6180-42a0-ab88-20f7382dd24c"
    r"|/roleAssignments/|\broles/(?:owner|editor|iam\.securityAdmin|resourcemanager\.organizationAdmin)\b"
)
_ADMIN_GRANT = regex.compile(ADMIN_GRANT_GATE_PATTERN)
_GRANT_VERBS = _CHANGE | frozenset({"grant", "assign", "bind", "put", "attach"})
_WRITE_METHODS = frozenset({"put", "post", "patch"})


def _admin_grant(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if tw & {"get", "list", "describe", "read", "search", "delete", "remove", "detach", "revoke"}:
        return None
    method = next((f.raw.strip().lower() for f in ctx.fragments if not f.is_key and f.name == "method" and f.path.count("/") == 1), "")
    if not (tw & _GRANT_VERBS or method in _WRITE_METHODS):
        return None
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 2000:
            continue
        m = _ADMIN_GRANT.search(f.raw)
        if m is not None:
            return Signal(PATTERN, "privileged_grant", f"{ctx.tool_name} grants a top role or the administrator policy ({m.group(0)[:40]})",
                          RiskLevel.HIGH, f.path)
    return None


# --- a password set to a literal the text chose / an API token minted ------------------------------------
_PASSWORD_KEYS = frozenset({"password", "new_password", "newpassword", "passwd", "passphrase", "new_passphrase", "pin", "new_pin"})


def _password_set(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not (tw & {"password", "passwd", "passphrase", "pin", "credentials"} and tw & {"update", "change", "set", "reset", "replace", "modify"}):
        return None
    for f in ctx.fragments:
        if not f.is_key and _key(f.path) in _PASSWORD_KEYS and 4 <= len(f.raw.strip()) <= 200:
            return Signal(PATTERN, "password_changed", f"{ctx.tool_name} sets the account password to a given value", RiskLevel.HIGH, f.path)
    return None


_KEY_KINDS = frozenset({"api", "access", "secret", "service", "admin", "signing"})
_TOKEN_KINDS = frozenset({"api", "access", "personal", "auth", "deploy", "bot", "service", "admin", "pat", "apikey", "oauth", "bearer"})


def _token_minted(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not tw & {"create", "generate", "new", "issue", "mint", "add"}:
        return None
    if ("token" in tw or "tokens" in tw) and tw & _TOKEN_KINDS or "apikey" in tw or "apikeys" in tw \
            or ("key" in tw or "keys" in tw) and tw & _KEY_KINDS:
        # (`create_api_key`, `generate_access_key`: a key by another name; an SSH or GPG key *added* is
        # credential_added elsewhere, a key-value `set_key` is neither)
        return Signal(PATTERN, "credential_minted", f"{ctx.tool_name} mints an API token", RiskLevel.HIGH, "")
    return None


# --- a script from a foreign host planted in a page the site serves ----------------------------------------
SCRIPT_GATE_PATTERN = r"(?i)<script[^>]{0,200}\bsrc\s*="
_SCRIPT_SRC = regex.compile(r"(?i)<script[^>]{0,200}\bsrc\s*=\s*[\"']?(?:https?:)?//([^/\s\"'>:]+)")
# the libraries' own CDNs: a page that loads jQuery from them is ordinary
_CDNS = regex.compile(r"(?i)(?:^|\.)(?:jsdelivr\.net|cdnjs\.cloudflare\.com|unpkg\.com|googleapis\.com|gstatic\.com|jquery\.com"
                      r"|bootstrapcdn\.com|googletagmanager\.com|google-analytics\.com|cloudflareinsights\.com|tailwindcss\.com"
                      r"|stripe\.com|paypal\.com|recaptcha\.net|hcaptcha\.com|fontawesome\.com|typekit\.net|plausible\.io)$")
# where a page is served from: a web root or a site bucket (a path component or a bucket-name part), a public ACL
_SERVED = regex.compile(r"(?i)(?:^|[/_.\-])(?:www|public|static|site|web|htdocs|dist|cdn|assets|wwwroot)(?:$|[/_\-])|(?:^|/)html/|public-read")
_WRITE = frozenset({"write", "put", "upload", "create", "update", "save", "publish", "deploy", "edit", "replace", "append", "set", "commit"})


def _script_planted(ctx: ScanContext) -> Signal | None:
    if not ctx.tool_words & _WRITE:
        return None
    host = where = ""
    for f in ctx.fragments:
        if not f.is_key and "<" in f.raw:
            m = _SCRIPT_SRC.search(f.raw[:65536])
            if m is not None and _CDNS.search(m.group(1)) is None:
                host, where = m.group(1), f.path
                break
    if not host:
        return None
    if not any(not f.is_key and len(f.raw) <= 300 and _SERVED.search(f.raw) is not None for f in ctx.fragments):
        return None
    return Signal(PATTERN, "script_planted", f"{ctx.tool_name} puts a script from {host[:60]} into a served page", RiskLevel.HIGH, where)


# --- the account's own sign-in address moved to a personal mailbox (a password reset then goes there) ------
_ACCOUNT_WORDS = frozenset({"user", "account", "profile", "me", "login", "owner", "admin", "self", "settings"})
_NOT_ACCOUNT = frozenset({"contact", "contacts", "customer", "customers", "lead", "leads", "subscriber", "employee", "member",
                          "candidate", "client", "patient", "vendor", "supplier", "list", "get", "search"})
_EMAIL_KEYS = frozenset({"email", "primary_email", "primaryemail", "login_email", "account_email", "email_address", "emailaddress",
                         "new_email", "newemail", "sign_in_email"})


def _account_email(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not (tw & {"update", "change", "set", "edit", "modify", "patch"} and tw & _ACCOUNT_WORDS) or tw & _NOT_ACCOUNT:
        return None
    from aegis_mcp.engine.detectors.destructive_ops_access import _PERSONAL_MAIL  # noqa: PLC0415 (one table of mailbox providers)

    for f in ctx.fragments:
        if not f.is_key and _key(f.path) in _EMAIL_KEYS and len(f.raw) <= 200 and _PERSONAL_MAIL.search(f.raw.strip()):
            return Signal(PATTERN, "account_email_changed", f"{ctx.tool_name} moves the account's address to {f.raw.strip()[:60]}",
                          RiskLevel.HIGH, f.path)
    return None


# --- a one-time / verification code sent on: whoever receives it completes the sign-in or reset ------------
OTP_GATE_PATTERN = (r"(?i)\b(?:verification|security|login|one[- ]time|2fa|mfa|otp|authentication|confirmation|sign[- ]?in|reset)"
                    r"[ \t]*(?:code|pin|passcode)\b")
_OTP = regex.compile(OTP_GATE_PATTERN + r"[^0-9\n]{0,24}\b(\d{4,8})\b")
_SENDS = frozenset({"send", "forward", "reply", "post", "email", "mail", "message", "sms", "text", "share", "publish", "comment"})


def _otp_forwarded(ctx: ScanContext) -> Signal | None:
    if not ctx.tool_words & _SENDS:
        return None
    for f in ctx.fragments:
        if not f.is_key and len(f.raw) <= 20000 and _OTP.search(f.raw) is not None:
            return Signal(PATTERN, "otp_forwarded", f"{ctx.tool_name} sends a verification code on", RiskLevel.HIGH, f.path)
    return None


# --- the account's recovery / second-factor phone or address replaced: the next reset code goes there --------
_RECOVERY_WORDS = frozenset({"recovery", "mfa", "2fa", "totp", "authenticator", "factor", "backup"})
_RECOVERY_VERBS = frozenset({"update", "change", "set", "add", "replace", "edit", "modify", "register", "enroll"})
_PHONE_VALUE = regex.compile(r"^\s*\+?\d[\d ().\-]{6,20}\d\s*$")
_EMAIL_VALUE = regex.compile(r"^\s*[^@\s]{1,64}@[^@\s]+\.[A-Za-z]{2,}\s*$")


def _recovery_changed(ctx: ScanContext) -> Signal | None:
    tw = ctx.tool_words
    if not (tw & _RECOVERY_WORDS and tw & _RECOVERY_VERBS) or tw & {"list", "get", "delete", "remove", "verify", "schedule", "job"}:
        return None
    for f in ctx.fragments:
        if not f.is_key and len(f.raw) <= 200 and (_PHONE_VALUE.match(f.raw) or _EMAIL_VALUE.match(f.raw)):
            return Signal(PATTERN, "recovery_changed", f"{ctx.tool_name} sets the account's recovery / second factor to {f.raw.strip()[:40]}",
                          RiskLevel.HIGH, f.path)
    return None


GATE_TOOL_WORDS = (_MONEY_OBJ | _BANK_OBJ | _HOOK_WORDS | _DNS_WORDS | {"password", "passwd", "passphrase", "pin", "credentials"}
                   | {"token", "tokens", "apikey", "apikeys", "key", "keys"} | _ACCOUNT_WORDS | _RECOVERY_WORDS)
GATE_PATTERNS = (ADMIN_GRANT_GATE_PATTERN, SCRIPT_GATE_PATTERN, OTP_GATE_PATTERN, r"(?im)^redirect_?ur[il]s?$",
                 r"(?im)^(?:webhook_?url|callback_?url|payload_?url|notification_?url|delivery_?url|hook_?url|callback|webhook)$")


def findings(ctx: ScanContext) -> list[Signal]:
    for rule in (_money_redirected, _bank_destination, _webhook, _dns_change, _admin_grant, _password_set, _token_minted,
                 _script_planted, _otp_forwarded, _account_email, _recovery_changed):
        sig = rule(ctx)
        if sig is not None:
            return [sig]
    return []
