"""Is a value bound to a credential-ish key a literal credential, or a clear non-value?

Used by the "cred_*" rules of the secret table (a credential assignment in YAML, JSON, INI,
.env, TOML, XML, code, a CLI flag, a .netrc/.pgpass line, a login call). Unlike the random-token
validators, these keep dictionary passwords ("open-sesame", "changeme"): sent out of the
machine, a literal credential deserves a human's look even when it may be a demo value. What
they reject is what a line holds when it does *not* carry the credential: templates and
references (`${VAR}`, `$VAR`, `%VAR%`, `{{var}}`, `<password>`), masks (`****`, `xxxx`), type
names, variables (`password: hashedPassword`), the credential's own name standing in for it
(`--password password`, `api_key_string`), statuses ("Token: expired") and key names that hold
something else (`max_tokens`, `next_page_token`, `token_url`, `idempotency_key`).
"""

from __future__ import annotations

import math

from aegis_mcp.engine import regex

from aegis_mcp.engine.detectors.secrets_validate import (
    _CAP,
    _CONST_IDENT,
    _DOTTED_IDENT,
    _FILE_LIKE,
    _classes,
    entropy,
    has_run,
    is_placeholder,
    looks_random,
    pathish,
)

# Clear non-values: what a config or code line holds when it does *not* carry the credential.
_NON_VALUES = frozenset({
    "none", "null", "nil", "undefined", "true", "false", "yes", "no", "on", "off", "string", "str", "int",
    "bool", "boolean", "number", "text", "char", "bytes", "object", "any", "required", "optional", "hidden",
    "empty", "default", "value", "prompt", "masked", "redacted", "unknown", "invalid", "missing", "random",
    "generated", "n/a", "tbd", "todo", "unset", "disabled", "enabled", "secure", "public", "private",
    "self", "this", "input", "env", "auto", "ask", "stdin", "omit",
    # statuses in a message ("New password: pending", "Token: expired")
    "pending", "done", "expired", "reset", "changed", "updated", "sent", "same", "unchanged", "ok", "okay",
    "set", "provided", "attached", "below", "above", "rotated", "revoked", "valid", "incorrect", "wrong",
    "forgotten", "forgot", "needed", "removed", "deleted", "added", "new", "old", "none_set", "blank",
    "message", "label", "username", "user", "login", "email",
})
# Key words that make a credential-ish key name something else: `max_tokens`, `next_page_token`,
# `token_url`, `password_file`, `secret_name`, `secretKeyRef`, `forgot_password`.
_NOT_CRED_KEY = frozenset({
    "page", "next", "prev", "cursor", "continuation", "max", "min", "num", "count", "limit", "length",
    "len", "size", "type", "kind", "url", "uri", "endpoint", "path", "file", "dir", "name", "field",
    "label", "hint", "prompt", "placeholder", "expiry", "expires", "expiration", "ttl", "timeout",
    "policy", "reset", "forgot", "ref", "env", "arn", "mode", "method", "format", "header", "param",
    "regex", "pattern", "usage", "budget", "rate", "input", "output", "min", "strength", "validation",
    "sync", "csrf", "xsrf", "id", "at", "date", "time", "changed", "updated", "created", "last",
    "enabled", "required", "version", "algorithm", "algo", "scheme", "store", "manager", "provider", "hash",
    "digest", "salt", "rounds", "iterations", "encoding", "charset", "chars", "rule", "rules", "complexity",
    "prefix", "suffix", "index", "position", "offset", "start", "end", "usage", "used", "remaining", "stats",
    "visible", "visibility", "toggle", "button", "icon", "text", "message", "msg", "error", "title", "description",
    "desc", "help", "tooltip", "class", "style", "color", "width", "height", "link", "callback", "handler",
    "idempotency", "cache", "sort", "partition", "row", "object", "bucket", "dedup",
    "dedupe", "correlation", "trace", "lookup", "starting", "stdin", "csrftoken", "xsrftoken", "map", "dict", "group", "column", "table",
})
_REF_PREFIXES = ("process.env", "os.environ", "getenv", "env.", "env[", "env:", "secrets.", "vault:", "file:",
                 "fd:", "keyring", "ssm:", "arn:", "ref+", "!ref", "!sub", "!vault", "${", "#{", "@{", "{{")
_CRED_WORDS_IN_VAR = ("pass", "pwd", "secret", "token", "key", "cred", "auth")
_IDENT = regex.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _key_words(key: str) -> list[str]:
    words: list[str] = []
    for part in key.replace("-", "_").replace(".", "_").replace("$", "_").replace("@", "_").split("_"):
        if not part:
            continue
        if part.islower() or part.isupper() or part.isdigit():
            words.append(part.lower())
        else:  # camelCase: split on case changes (no regex on input: the key is at most ~60 chars)
            cur = part[0]
            for a, b in zip(part, part[1:]):
                if b.isupper() and not a.isupper():
                    words.append(cur.lower())
                    cur = b
                else:
                    cur += b
            words.append(cur.lower())
    return words


def _printf_slot(v: str) -> bool:
    """`%(password)s`: a Python format slot (a `%(` inside a random password is not one)."""
    i = v.find("%(")
    j = v.find(")", i + 2) if i >= 0 else -1
    return j > i + 2 and v[i + 2:j].replace("_", "").isalnum()


def _angle_slot(v: str) -> bool:
    """`<password>`, `pre-<your key>`: a slot to fill in, not a value with a `<` in it."""
    i = v.find("<")
    j = v.find(">", i + 1) if i >= 0 else -1
    return j > i + 1 and all(ch.isalnum() or ch in "_- ." for ch in v[i + 1:j])


def cred_key_ok(key: str) -> bool:
    """Does this credential-ish key name a credential (not `max_tokens`, `token_url`, `secret_name`)?"""
    return not any(w in _NOT_CRED_KEY for w in _key_words(key[-60:]))


_EXACT_CRED_WORDS = frozenset({"password", "passwd", "pass", "pwd", "secret", "token", "apikey", "key", "credential", "credentials"})


def names_a_credential(v: str, *, exact: bool = True) -> bool:
    """`the_password`, `api_key`, `client_secret`, `password:new_password`, `token`: the *name* of
    a credential standing in for one (a documentation placeholder), not a credential."""
    low = v.lower()
    if exact and low in _EXACT_CRED_WORDS:
        return True
    if any(ch.isdigit() for ch in v) or not all(ch.isalpha() or ch in "_-:." for ch in v):
        return False
    return any(w in low for w in _CRED_WORDS_IN_VAR) and any(ch in v for ch in "_-:.")


def cred_literal(key: str, value: str, *, bare: bool, literal: bool) -> bool | str:
    """Is `value`, bound to credential key `key`, a literal credential (not a clear non-value)?

    Returns False, "weak" (a literal: held for a human when it leaves the machine) or "generic"
    (also random-looking). `bare`: the value is unquoted, so in code it may be a variable;
    `literal`: the syntax says it is a literal anyway (`KEY=value` in .env, `Pwd=x;` in a
    connection string)."""
    v = value.strip()[:_CAP]
    low = v.lower()
    if len(v) < (4 if bare else 3) or low in _NON_VALUES or len(v) > 200:
        return False
    if v[0] in "$%{[(<\\" or any(w in v for w in ("{{", "${", "#{", "%s", "{}", "{0}")) or _angle_slot(v) or _printf_slot(v):
        return False  # a template or a reference: ${VAR}, $VAR, %VAR%, {{var}}, <password>
    if low.startswith(_REF_PREFIXES) or low.startswith(("your", "enter", "insert", "replace")) or "placeholder" in low:
        return False
    if "****" in v or "xxxx" in low or "\u2022\u2022" in v or not v.strip("*xX.#-_ \u2022"):
        return False  # a mask
    if len(v) >= 6 and (len(set(low)) <= 2 or has_run(v, max(6, len(v) // 2))):
        return False  # filler: "aaaaaaaa", "0000000000"
    if "://" in v or v.startswith(("/", "./", "../", "~/")):
        return False  # where the secret is kept (a URL, a path), not the secret
    if v.count(" ") >= 2 or (" " in v and v[-1] in ".?!:"):
        return False  # a sentence or a label ("Enter the token.")
    if (v.isdigit() and len(v) < 6) or all(ch.isdigit() or ch in ":.-/" for ch in v) and not v.isdigit():
        return False  # a port, a count, a PIN-length number, `8080:80`, `10.0.0.1`, a date
    if not bare and (value[:1].isspace() or v[0] in ",;)+.|&'\"" or v.endswith(("(", "+")) or low.startswith("&lt;")):
        return False  # the text *between* two strings (`"Password:",next:"`), a concatenation
    if not bare and v[0] == "#" and all(ch.isalnum() or ch in "-_" for ch in v[1:]):
        return False  # a CSS selector or an anchor: "#add-password"
    if not bare and v[0].isupper() and v[1:].islower() and any(w in low for w in _CRED_WORDS_IN_VAR):
        return False  # a UI label: "Password", "Token"
    if names_a_credential(v, exact=bare and not literal):
        return False  # `--password password`, `token = api_token_string`, "new_password"
    if bare and low.count("_") >= 2 and low.replace("_", "").isalpha() and low.islower():
        return False  # `path_of_the_file`, `user_name_here`: a description in snake_case
    if bare:
        if v[0] in ":=-.!|>&*@#" or v.endswith(("(", ".")) or "=" in v.rstrip("=") or "[" in v:
            return False  # `a=b` (another binding), `x[%k]` (an expression)
        if _DOTTED_IDENT.match(v) or (pathish(v) and (v.count("/") >= 2 or not any(ch.isdigit() for ch in v))) or _FILE_LIKE.search(v):
            return False  # attribute access (self.password), a path or a file name (`--password path/to/x.sql`)
        if not literal and _IDENT.match(v):
            vlow = low.replace("_", "")
            if vlow in key.lower().replace("_", "").replace("-", "") or _CONST_IDENT.match(v):
                return False  # password=password, password = DB_PASSWORD
            camel = any(a.islower() and b.isupper() for a, b in zip(v, v[1:]))
            if ("_" in v or camel) and any(w in low for w in _CRED_WORDS_IN_VAR):
                return False  # password: hashedPassword, token = user_token: a variable
    return "generic" if looks_random(v, min_len=12) else "weak"


# Names whose value is an identifier, a digest or a reference, not a credential: a random-looking
# value under them is an id (`order_id`, `commit`, `etag`, `image_digest`, `request_id`).
_NOT_SECRET_NAMES = _NOT_CRED_KEY | frozenset({
    "id", "ids", "uuid", "guid", "sha", "sha1", "sha256", "sha512", "md5", "crc", "commit", "rev", "revision",
    "etag", "build", "tag", "branch", "image", "checksum", "fingerprint", "order", "invoice", "transaction", "tx",
    "txn", "tracking", "reference", "slug", "title", "user", "username", "email", "account", "org",
    "organization", "project", "region", "zone", "host", "hostname", "domain", "integrity", "nonce", "sku",
    "isbn", "number", "no", "phone", "address", "note", "comment", "subject", "repo", "package", "module",
    "function", "var", "model", "locale", "lang", "timezone", "date", "status", "state", "result", "response",
    "request", "video", "doc", "document", "sheet", "folder", "playlist", "channel", "thread", "message",
    "ticket", "issue", "job", "run", "task", "workflow", "pipeline", "deployment", "container", "pod", "node",
    "instance", "volume", "snapshot", "resource", "object", "blob", "record", "entry", "item", "product",
    "customer", "clientid", "appid", "accountid", "userid", "orgid", "projectid", "pubkey", "public", "publishable", "cid", "oid", "sid", "pid", "uid",
    "name", "label", "alias", "handle", "nick", "ssid", "mac", "serial", "vin", "asset", "location", "key_id",
})
_HEX_LOWER = frozenset("0123456789abcdef-")
_HEX_UPPER = frozenset("0123456789ABCDEF-")


def _wordy(seg: str) -> bool:
    """A segment that reads as a word (`dashboard`, `Production`), not random letters."""
    if len(seg) < 4 or not seg.isalpha():
        return False
    return sum(ch in "aeiouAEIOU" for ch in seg) / len(seg) >= 0.3


def assigned_token_ok(name: str, value: str) -> bool:
    """Is `value`, bound to the identifier `name` (`pyowm = "3k14…"`), plausibly a key?

    The name may be anything (a provider's name, a setting) except one that says the value is
    an id, a digest or a reference; the value must look machine-random: 20+ characters, letters
    and digits (or both cases), no sequence or filler, no word segments (`web-dashboard-7b5bb`),
    not single-case hex or a UUID (digests and ids are), entropy near what a random string of
    its length has."""
    if any(w in _NOT_SECRET_NAMES for w in _key_words(name[-60:])):
        return False
    v = value[:_CAP]
    n = len(v)
    if n < 20 or is_placeholder(v):
        return False
    if all(ch in _HEX_LOWER for ch in v) or all(ch in _HEX_UPPER for ch in v):
        return False  # a digest, a commit, a UUID
    head, sep, rest = v.partition("_") if "_" in v[:7] else v.partition("-")
    body = rest if sep and 1 <= len(head) <= 6 and head.islower() and len(rest) >= 16 else v  # `b_…`, `sk-…`
    segs = body.replace("-", "_").split("_")
    if any(_wordy(seg) for seg in segs):
        return False
    lo, up, di, _ = _classes(body.replace("-", "").replace("_", ""))
    if di and not (lo or up):
        return False
    if not di:
        if not (lo and up) or len(body) < 24 or len(segs) > 1:
            return False  # letters only: one long mixed-case random run
        if sum(ch in "aeiouAEIOU" for ch in body) / len(body) >= 0.3:
            return False  # camelCase words, not a random token
    return entropy(v) >= min(3.6, 0.8 * math.log2(n))
