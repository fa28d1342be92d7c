"""Validators for secret candidates: is a value that *looks* like a secret plausibly a live one?

Rejects placeholders and templates (`<YOUR_KEY>`, `${TOKEN}`, `AKIA…EXAMPLE`, "xxxx"),
runs of one character, code (`getPassword()`, `process.env.X`), paths, words and
low-entropy values; keeps random-looking tokens. `VALIDATORS` is keyed by the names used in
the rule table (secrets_rules); a validator returns False (reject), True (keep, with the
rule's confidence) or a lower confidence ("generic", "weak") for a format that is real but
whose value looks like a demo.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections import Counter
from typing import Callable

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.secrets_rules import PLACEHOLDER_VALUES, PLACEHOLDER_WORDS
from aegis_mcp.engine.memo import bounded_put

_VAR_REF = regex.compile(r"\$[A-Za-z_{(]|%[A-Za-z_]+%|@[A-Za-z_]+@")
_DOTTED_IDENT = regex.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$")
_CONST_IDENT = regex.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
_FILE_LIKE = regex.compile(
    r"(?i)\.(?:js|ts|py|rb|go|java|json|ya?ml|txt|md|html?|css|png|jpe?g|gif|svg|pdf|csv|xml|sh|conf|cfg|ini|php|tgz|gz|zip|exe|dll|so)$"
)
_SNAKE_WORDS = regex.compile(r"^[a-z]+(?:[_\-][a-z]+)*$")


def entropy(s: str) -> float:
    """Shannon entropy in bits per character (of the first 2048 characters)."""
    s = s[:2048]
    if not s:
        return 0.0
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


def _longest_run(s: str) -> int:
    best = run = 1
    for a, b in zip(s, s[1:]):
        run = run + 1 if a == b else 1
        if run > best:
            best = run
    return best if s else 0


def has_run(s: str, length: int) -> bool:
    """`_longest_run(s) >= length`, without a Python loop over every character.

    Any window of `length` consecutive positions contains exactly one index ≡ length-1
    (mod length), so a run that long must be made of one of the characters at those
    indices; each candidate is then one substring search in C (a 1 MB value: ~1 ms, not 20)."""
    if length <= 1:
        return bool(s) or length <= 0
    n = len(s)
    if n < length:
        return False
    seen: set[str] = set()
    for i in range(length - 1, n, length):
        ch = s[i]
        if ch not in seen:
            seen.add(ch)
            if ch * length in s:
                return True
    return False


def pathish(v: str) -> bool:
    """`path/to/file`, `/etc/shadow`, `domain/username`: segments of words, no random segment."""
    v = v[:_CAP]
    if "/" not in v and "\\" not in v:
        return False
    for seg in v.replace("\\", "/").split("/"):
        if len(seg) >= 16:
            lo, up, di, _ = _classes(seg)
            if lo + up + di >= 3 or (len(seg) >= 24 and entropy(seg) >= 4.0):
                return False
    return True


def has_sequence(value: str, run: int = 8) -> bool:
    """A run of `run` consecutive ascending letters or digits ("abcdefgh", "3456789")."""
    count = 1
    prev = -10
    for ch in value.lower():
        o = ord(ch)
        count = count + 1 if o == prev + 1 and ch.isalnum() else 1
        if count >= run:
            return True
        prev = o
    return False


# every placeholder word as a literal (escaped): "contains any of them" in one RE2 pass
_PLACEHOLDER_WORD = regex.compile("|".join("".join("\\" + ch if not ch.isalnum() else ch for ch in w)
                                           for w in PLACEHOLDER_WORDS))
_CAP = 2048  # validators look at most at this much of a value: no token is longer, and a
# hostile 256 KB "value" must not cost a Python loop over every character


def is_placeholder(value: str) -> bool:
    value = value[:_CAP]
    low = value.lower()
    if low in PLACEHOLDER_VALUES:
        return True
    if _PLACEHOLDER_WORD.search(low) is not None:  # = any(w in low for w in PLACEHOLDER_WORDS), one pass
        return True
    if len(value) >= 6 and has_run(value, max(6, len(value) // 2)):
        return True  # "aaaaaaaa…end", "0000…aa", "++++++": filler, not a key
    if len(set(low)) <= 3 and len(value) >= 6:
        return True
    # AWS documents its examples with the literal suffix EXAMPLE (caught above); sequences of
    # the alphabet or of digits alone ("abcdefgh", "12345678") are filler too.
    return False


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")
_ALNUM = _LOWER | _UPPER | _DIGITS


def _classes(v: str) -> tuple[bool, bool, bool, bool]:
    """(has a-z, has A-Z, has 0-9, has anything else): set operations in C, not a Python loop
    over every character (a 300-character value is read ~10x faster)."""
    chars = set(v)
    return (not chars.isdisjoint(_LOWER), not chars.isdisjoint(_UPPER), not chars.isdisjoint(_DIGITS),
            not chars <= _ALNUM)


def looks_random(v: str, *, min_len: int = 10) -> bool:
    """A credential-like value: long enough, mixed, high entropy, not a word/identifier/path."""
    if len(v) < min_len:
        return False
    # Memoised (a pure function of its arguments): one value is judged by several rules and
    # forms of the same call (the keyword rule, its re-scan, the token rules), ~4 times on
    # average over the corpora's calls; values past _MEMO_LEN are judged afresh.
    if len(v) > _MEMO_LEN:
        return _looks_random(v, min_len)
    key = (v, min_len)
    hit = _RANDOM_MEMO.get(key)
    if hit is None:
        hit = _looks_random(v, min_len)
        bounded_put(_RANDOM_MEMO, key, hit, _MEMO_SIZE)
    return hit


_MEMO_LEN = 256
_MEMO_SIZE = 4096
_RANDOM_MEMO: dict[tuple[str, int], bool] = {}


def _looks_random(v: str, min_len: int) -> bool:
    if is_placeholder(v):
        return False
    lo, up, di, sy = _classes(v)
    if _VAR_REF.search(v) or (_DOTTED_IDENT.match(v) and not di) or _CONST_IDENT.match(v) or _FILE_LIKE.search(v):
        return False
    if v.startswith(("/", "./", "../", "~/", "http", "//", "-")) or "://" in v or ("@" in v and "." in v.split("@")[-1]):
        return False
    head, eq, _ = v.partition("=")
    if eq and head and all(ch.isalpha() or ch in "-_." for ch in head) and v.rstrip("=") != head:
        return False  # `cells-per-column=1`: another key=value, not a token
    if pathish(v):
        return False  # path/to/file
    ent = entropy(v)
    if len(set(v)) < 6:
        return False
    if di and not (lo or up):
        return len(v) >= 20 and ent >= 2.8  # long digit strings bound to a credential keyword
    if not di:
        # letters only: must look random, not like words or camelCase identifiers; English
        # runs ~38% vowels, random letters ~20%
        if len(v) < 16 or ent < 3.5:
            return False
        letters = [ch for ch in v if ch.isalpha()]
        vowels = sum(ch in "aeiouAEIOU" for ch in letters)
        return vowels / max(1, len(letters)) < 0.3
    return ent >= (2.9 if len(v) < 24 else 2.6)


def _v_any(v: str, ctx: str) -> bool:
    return not is_placeholder(v[:64]) if len(v) < 64 else "xxxx" not in v.lower()


def _v_token(v: str, ctx: str) -> bool:
    core = v.split("_", 1)[-1] if "_" in v[:12] else v
    return not is_placeholder(core) and entropy(core) >= 3.0


def _v_mixed(v: str, ctx: str) -> bool:
    lo, up, di, _ = _classes(v)
    return _v_token(v, ctx) and (lo + up + di) >= 2


def _v_entropy(v: str, ctx: str) -> bool:
    return not is_placeholder(v) and entropy(v) >= 3.0 and len(set(v)) >= 8


def _v_entropy40(v: str, ctx: str) -> bool:
    return _v_entropy(v, ctx) and entropy(v) >= 4.0


def _v_aws_key_id(v: str, ctx: str) -> bool:
    return not v.endswith("EXAMPLE") and not is_placeholder(v[4:]) and entropy(v[4:]) >= 2.5


def _v_uuid_secret(v: str, ctx: str) -> bool:
    return not is_placeholder(v.replace("-", "")) and len(set(v.replace("-", ""))) >= 8


def _b64decode(s: str) -> bytes | None:
    s = s.strip().replace("-", "+").replace("_", "/")
    s += "=" * (-len(s) % 4)
    try:
        return base64.b64decode(s, validate=False)
    except (binascii.Error, ValueError):
        return None


def _v_prefixed(v: str, ctx: str) -> bool:
    body = v.replace("-", "_").rsplit("_", 1)[-1]
    lo, up, di, _ = _classes(body)
    if not di or not (lo or up) or is_placeholder(body):
        return False
    return entropy(body) >= (3.2 if len(body) >= 30 else 3.5)


def _v_high_entropy(v: str, ctx: str) -> bool:
    lo, up, di, _ = _classes(v)
    if not (lo and up and di) or is_placeholder(v) or v.startswith(("/", "-")):
        return False
    core = v.rstrip("=")
    if core.count("/") >= 2 and not any(len(seg) >= 20 for seg in core.split("/")):
        return False  # a path, not a token
    return entropy(core) >= min(4.3, 0.9 * math.log2(len(core)))


def _v_jwt(v: str, ctx: str) -> bool:
    raw = _b64decode(v.split(".", 1)[0])
    if not raw:
        return False
    try:
        header = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(header, dict) and ("alg" in header or "typ" in header or "enc" in header)


_PEM_BODY = regex.compile(r"[A-Za-z0-9+/=]{40,}")


def _v_pem(v: str, ctx: str) -> bool:
    body = v.split("-----", 2)[-1]
    if "..." in body[:200] or "xxxx" in body.lower()[:400]:
        return False
    return _PEM_BODY.search(body.replace("\\n", "\n")) is not None


def _v_pem_b64(v: str, ctx: str) -> bool:
    raw = _b64decode(v[: (min(len(v), 120) // 4) * 4])
    return bool(raw) and b"PRIVATE KEY" in raw


def _templated(v: str) -> bool:
    """A template or a reference, not a value: `${X}`, `$x`, `{0}`, `<pw>`, `%s`, `#{pw}`, masks."""
    if _VAR_REF.search(v) or v.startswith(("{", "(", "[", "%", "#", "$", "\\", "-", "<")):
        return True
    if any(w in v for w in ("{{", "${", "#{", "%(", "%s", "<", ">", "****")):
        return True
    if v.startswith("!") and v[1:].replace("_", "").isalpha():
        return True  # a YAML tag (`!vault |`, `!secret wifi_pw`, `!Ref DbPass`): the value is elsewhere
    stripped = v.strip("*xX.-_:\\")
    return len(stripped) < 3 or (stripped.isdigit() and len(stripped) <= 5)  # ":8080@" ports, masks


def _password_ok(v: str) -> bool:
    from urllib.parse import unquote

    v = unquote(v)
    if len(v) < 4 or is_placeholder(v) or _templated(v):
        return False
    if any(ch in v for ch in " ()+,") or (_DOTTED_IDENT.match(v) and not any(c.isdigit() for c in v)) or _CONST_IDENT.match(v):
        return False
    if pathish(v) or _FILE_LIKE.search(v) or "://" in v:
        return False
    return _SNAKE_WORDS.match(v) is None  # `computer_password`, `user_name`: placeholders


def _v_conn_password(v: str, ctx: str) -> bool | str:
    from urllib.parse import unquote

    u = unquote(v)
    if len(u) < 3 or _templated(u) or " " in u:
        return False
    # `user:password@`, `user:secret@`: a real credential format with a dictionary value —
    # worth a human look (pending), not proof of a live secret (block).
    return True if _password_ok(u) and entropy(u) >= 2.5 else "weak"


def _v_password(v: str, ctx: str) -> bool:
    return _password_ok(v.rstrip(".,;"))


def _v_explicit_password(v: str, ctx: str) -> bool:
    """The structure says this is a password (`Password=` in a connection string, the password
    parameter of NetworkCredential): only templates and placeholders are excluded."""
    from urllib.parse import unquote

    u = unquote(v.strip())
    low = u.lower()
    if len(u) < 4 or _templated(u) or low in PLACEHOLDER_VALUES or " " in u.strip():
        return False
    return not any(w in low for w in ("password", "passwd", "your", "example", "xxxx", "placeholder", "changeme"))


def _v_hash(v: str, ctx: str) -> bool:
    return not is_placeholder(v) and entropy(v) >= 3.5


_STRONG_KW = ("secret", "token", "pass", "pwd", "api", "credential", "private")


_NOT_PASSWORDS = frozenset({
    "string", "required", "optional", "hidden", "empty", "default", "text", "number", "boolean", "value",
    "secret", "changeit", "unknown", "invalid", "missing", "prompt", "random", "generated", "masked",
})


def generic_value_ok(keyword: str, value: str, *, literal: bool = False) -> bool:
    """Is `value`, bound to credential keyword `keyword`, plausibly a live secret?

    `literal`: the value is certainly a literal (a quoted string, or an `ENV_VAR=value` line),
    so a word-only password counts too — in code, a bare word may be a variable name."""
    kw = keyword.lower()
    if any(k in kw for k in ("pass", "pwd")):
        if literal and len(value) >= 6 and value.lower() not in _NOT_PASSWORDS and not is_placeholder(value) \
                and not _templated(value) and not pathish(value) and " " not in value:
            return True  # `password = "goodspec"`, `DB_PASS=whiteduke`: a hardcoded password
        if not _password_ok(value):
            return False
        # otherwise human-made but not provably literal: demand two character classes
        lo, up, di, _ = _classes(value)
        sy = any(not ch.isalnum() and ch not in "_-." for ch in value)
        return len(value) >= 6 and (lo + up + di + sy) >= 2 and (di or sy or (lo and up)) and entropy(value) >= 2.3
    strong = any(k in kw for k in _STRONG_KW)
    # (a demo value -- "abcdef1234567890…" under `x_api_key` -- is still held: the keyword says
    # what it is, and a human tells a documentation example from a key faster than a rule)
    return looks_random(value, min_len=10 if strong else 16)


def _v_generic(v: str, ctx: str) -> bool:  # keyword handled by the caller
    return True


VALIDATORS: dict[str, Callable[[str, str], bool]] = {
    "any": _v_any,
    "token": _v_token,
    "mixed": _v_mixed,
    "entropy": _v_entropy,
    "entropy40": _v_entropy40,
    "aws_key_id": _v_aws_key_id,
    "uuid_secret": _v_uuid_secret,
    "jwt": _v_jwt,
    "prefixed": _v_prefixed,
    "high_entropy": _v_high_entropy,
    "pem": _v_pem,
    "pem_b64": _v_pem_b64,
    "conn_password": _v_conn_password,
    "password": _v_password,
    "explicit_password": _v_explicit_password,
    "hash": _v_hash,
    "generic": _v_generic,
}
