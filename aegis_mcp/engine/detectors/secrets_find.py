"""Find secrets in one string: one RE2 set pass as a pre-filter, then per-rule validation of hits.

The common case (no rule matches) costs a single linear scan. Only the rules that hit run
their own pattern to locate the value, and a validator then rejects what is shaped like a
secret but is not one: placeholders and templates (`<YOUR_KEY>`, `${TOKEN}`, `AKIA…EXAMPLE`),
runs of one character, code (`getPassword()`, `process.env.X`), low-entropy values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.secrets_rules import RULES, SecretRule
from aegis_mcp.engine.detectors.secrets_literal import assigned_token_ok, cred_key_ok, cred_literal, names_a_credential
from aegis_mcp.engine.detectors.secrets_vendor import VENDOR_GATE_PATTERN, vendor_token
from aegis_mcp.engine.detectors.secrets_validate import VALIDATORS, generic_value_ok, has_sequence, is_placeholder, looks_random


@dataclass(frozen=True, slots=True)
class Finding:
    """A sensitive value at text[start:end]; `family` is "secrets" or "pii"."""

    family: str
    kind: str
    start: int
    end: int
    confidence: str  # secrets: "high" | "generic"; pii: "strong" | "weak"
    detail: str = ""


_COMPILED = [regex.compile(r.pattern) for r in RULES]

# The pre-filter is a *superset* of each rule: counted repetitions (`[A-Za-z0-9]{36,255}`)
# become `+`/`*`. Many counters in one unanchored RE2 set multiply the DFA's states (each
# pattern tracks its own run length) until the DFA cache thrashes; without them the set
# stays a small DFA. Rules that start with nothing but a character run ("broad": a random
# token with no prefix) share one trigger, a 20-character token run.
_BROAD = frozenset({"high_entropy_token", "prefixed_token", "assigned_token"})
_COUNT = re.compile(r"\{(\d+)(?:,(\d*))?\}")  # on our own constant patterns, never on input


# A short minimum run is kept (X{22} -> X{4,}, not X+): still a superset of the rule, a few
# DFA states more, and it stops `A{22}...` (a Twitter bearer token) from triggering its rule
# on every word that starts with an "A" (a tenth of all calls paid a per-fragment scan for it).
_KEEP_MIN = 4


def _loosen(pattern: str) -> str:
    def repl(m: "re.Match[str]") -> str:
        n = int(m.group(1))
        if n == 0:
            return "*"
        return "+" if n == 1 else "{%d,}" % min(n, _KEEP_MIN)

    return _COUNT.sub(repl, pattern)


# The vendor rule (a 400-name alternation) stays out of the shared set: inside it, the set's
# literal pre-filter cannot index it and ran the whole alternation on every string (+9 us per
# call); alone, a names-only RE2 set costs ~1 us per string (see vendor_hit).
_SEPARATE = frozenset({"vendor_keyed_token"})
PREFILTER_PATTERNS: list[tuple[str, str]] = [
    (f"s{i}", _loosen(r.pattern)) for i, r in enumerate(RULES) if r.kind not in _BROAD and r.kind not in _SEPARATE
] + [("s:broad", r"[A-Za-z0-9+]{18}")]
VENDOR_HIT = next(f"s{i}" for i, r in enumerate(RULES) if r.kind == "vendor_keyed_token")
_VENDOR_GATE = regex.PatternSet([(VENDOR_HIT, VENDOR_GATE_PATTERN)])


def vendor_hit(text: str) -> list[str]:
    """[VENDOR_HIT] when a provider name occurs in `text` (the vendor rule's own pre-filter)."""
    return _VENDOR_GATE.matches(text)
BROAD_RULES = [i for i, r in enumerate(RULES) if r.kind in _BROAD]
_ASSIGNED = next(i for i, r in enumerate(RULES) if r.kind == "assigned_token")

_TRAIL = ".,;:!'\"`)]}>"


def _word_before(text: str, start: int) -> str:
    """The part of the whitespace/quote-delimited word that precedes text[start] (at most 300 chars)."""
    before = text[max(0, start - 300):start]
    cut = max(before.rfind(" "), before.rfind("\n"), before.rfind("\t"), before.rfind('"'), before.rfind("'"))
    return before[cut + 1:]


def _in_url_path(text: str, start: int, end: int = -1) -> bool:
    """Is text[start:end] inside the path of a URL (a `scheme://` earlier in the same word, or
    a host name written without a scheme: `bucket.s3.amazonaws.com/<object key>`)?"""
    word = _word_before(text, start)
    if "?" in word or "#" in word:
        return False
    if "://" in word or word.endswith("base64,"):
        return True
    word += text[start:end] if end > start else ""
    host, slash, _ = word.partition("/")
    return bool(slash) and "." in host and host.rsplit(".", 1)[-1].isalpha() and all(
        ch.isalnum() or ch in ".-" for ch in host)


_B64_STR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n"
B64_BLOB_MIN = 256  # no credential is a bare base64 run this long; file contents (attachments) are


def in_base64_blob(text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of a base64 run of at least B64_BLOB_MIN characters?

    An e-mail attachment or an upload's content is encoded file data: judged by what it
    decodes to (extraction scans the decoded form), never as "a random token". Bounded:
    looks at most B64_BLOB_MIN characters to either side."""
    # (str.strip with a character set walks the run in C: the same bounds as a Python loop
    # over up to 2 x 256 characters, which cost ~15 µs a token)
    if end - start >= B64_BLOB_MIN:
        return not text[start:start + B64_BLOB_MIN].lstrip(_B64_STR)
    floor = max(0, start - B64_BLOB_MIN)
    lo = floor + len(text[floor:start].rstrip(_B64_STR))
    ceil = min(len(text), lo + B64_BLOB_MIN + 1)
    if ceil <= end:
        return end - lo >= B64_BLOB_MIN
    tail = text[end:ceil]
    hi = end + len(tail) - len(tail.lstrip(_B64_STR))
    return hi - lo >= B64_BLOB_MIN


def _in_url(text: str, start: int) -> bool:
    """Is text[start] inside a URL (path or query): a `scheme://` earlier in the same word?"""
    return "://" in _word_before(text, start)


def _accept_cred(rule: SecretRule, m: "re2._Match", text: str, offset: int) -> tuple[Finding | None, int]:  # type: ignore[name-defined]
    """A "cred_*" rule: group 1 the key or construct, group 2 the binding, then the value groups."""
    n = len(m.groups())
    g = next((i for i in range(3, n + 1) if m.start(i) >= 0), 0)
    if not g:
        return None, -1
    start, end = m.span(g)
    key = m.group(1) or ""
    sep = m.group(2) or ""
    value = text[start:end]
    quoted = text[start - 1:start] in ("'", '"', "`")
    bare = not quoted
    if bare:
        trimmed = value.rstrip(_TRAIL)
        end -= len(value) - len(trimmed)
        value = trimmed
    kind = rule.validator
    if kind in ("cred_assign", "cred_pair") and not cred_key_ok(key):
        return None, start
    if kind == "cred_flag" and (not cred_key_ok(key.lstrip("-")) or (bare and "," in value)):
        return None, start  # `--idempotency-token x`, `-p http:80,8443` (a port list)
    if kind == "cred_flag" and bare and value.lower().startswith("pass:"):
        value = value[5:]  # openssl/keytool `-pass pass:<literal>`
    if kind == "cred_flag" and key.endswith("-p") and "://" in key:
        return None, start  # `-u https://host/ -p …`: -u names a URL there, not a user
    if kind == "cred_flag" and names_a_credential(value.strip("\"'")):
        return None, start  # `--token "token"`: a documentation placeholder
    if kind == "cred_flag" and (key.endswith("-p") or (key.endswith("--password") and sep.strip() == "")) and "mysql" in text[max(0, m.start() - 200):m.start()].lower():
        return None, start  # `mysql -u root -p dbname`: -p prompts, the next word is a database
    # the syntax says "literal" for an unquoted value: `KEY=value` (.env, INI, a connection
    # string's `Pwd=x;`), a CLI flag, a .netrc line, an Authorization header
    if kind == "cred_common" and not any(ch.isdigit() for ch in value):
        return None, start  # "Welcome!", "Admin": words; "letmein42", "p@ssw0rd99": passwords
    # (not an argument list: `f(password=password)` names a variable)
    in_args = text[end:end + 3].lstrip(" \t")[:1] in (",", ")")
    literal = kind in ("cred_flag", "cred_header", "cred_common", "cred_pgpass") or (kind == "cred_assign" and (
        (sep == "=" and text[start - 1:start] == "=" and text[m.start(2) - 1:m.start(2)] not in (" ", "\t") and not in_args)
        or (key.replace("_", "").isupper() and sep in ("=", ":")) or not sep))
    if kind == "cred_prose" and " " in value.strip():
        return None, start  # "the password is 'not working'": a complaint, not a password
    if kind == "cred_prose" and bare and (not (any(ch.isalpha() for ch in value) and any(not ch.isalpha() for ch in value))
                                          or is_placeholder(value)):
        return None, start  # "the password is required", "pwd: 20260101", "is changeme123": not someone's password
    verdict = cred_literal(key, value, bare=bare, literal=literal)
    if not verdict:
        return None, start
    return Finding("secrets", rule.kind, offset + start, offset + end, verdict, rule.kind), start


def _accept(rule: SecretRule, m: "re2._Match", text: str, offset: int) -> tuple[Finding | None, int]:  # type: ignore[name-defined]
    """(finding or None, start of the value) for one match of `rule` found in `text`."""
    if rule.validator.startswith("cred_"):
        return _accept_cred(rule, m, text, offset)
    if rule.validator == "vendor":
        found = vendor_token(text, m.end(1))
        if found is None or _in_url(text, m.start(1)) or in_base64_blob(text, found[0], found[0] + len(found[1])):
            return None, m.end(1)
        start, token = found
        return Finding("secrets", rule.kind, offset + start, offset + start + len(token), rule.confidence, rule.kind), start
    if rule.validator == "assigned":
        start, end = m.span(3)
        after = text[end:end + 2]
        if not (20 <= end - start <= 120 and len(m.group(1)) <= 41) or (after[:1] and after[0] in "+/=@:") or (
                after[:1] == "." and after[1:2] not in ("", " ", "\n", "\t", "\r")):
            return None, start  # the value runs on (a path, an address, a domain) or is not token-sized
        if _in_url(text, m.start(1)) or in_base64_blob(text, start, end) or not assigned_token_ok(m.group(1), text[start:end]):
            return None, start
        return Finding("secrets", rule.kind, offset + start, offset + end, rule.confidence, rule.kind), start
    generic = rule.validator == "generic"
    start, end = m.span(3 if generic else 1)
    if start < 0:
        return None, -1
    value = text[start:end]
    if generic or rule.validator in ("password", "explicit_password"):
        trimmed = value.rstrip(_TRAIL)
        end -= len(value) - len(trimmed)
        value = trimmed
        if end < len(text) and text[end:end + 1] == "(":
            return None, start  # a function call, not a value
    confidence = rule.confidence
    if rule.kind == "high_entropy_token" and (_in_url_path(text, start, end) or in_base64_blob(text, start, end)):
        # a document/object id in a link ("…/document/d/1aBc…/edit"), a piece of an encoded
        # file (an attachment's content): not a key
        return None, start
    if generic:
        sep = m.group(2) or ""
        # "password-5f4d…" / "password 123abc": with no `=` or `:` binding the value, only a
        # clearly random token counts (otherwise `--password path/to/x`, `mkpasswd-pbkdf2`)
        bound = ":" in sep or "=" in sep or " is " in sep or " was " in sep
        # unbound, only a random token counts: decided first, it is the cheap answer for prose
        # ("Access Denied", "token limit") -- the checks below could only reject it as well
        random_value = looks_random(value, min_len=12)
        if not bound and not random_value:
            return None, start
        kw_start = m.start(1)
        # the whole key name (`idempotency_key`, `max_tokens`, `next_page_token`) says what it holds
        lead = kw_start
        while lead > 0 and kw_start - lead < 40 and (text[lead - 1].isalnum() or text[lead - 1] in "_-."):
            lead -= 1
        if lead < kw_start and not cred_key_ok(text[lead:kw_start]):
            return None, start
        literal = bound and (text[start - 1:start] in ("'", '"', "`") or (
            sep == "=" and text[max(0, kw_start - 30):kw_start + 1].replace("_", "").isupper()
        ))  # quoted, or an ENV_VAR=value line
        if bound and not generic_value_ok(m.group(1), value, literal=literal):
            return None, start
        if not random_value:
            # a human-made password ("correct-horse", "Tr0ub4dor"): held when it leaves, recorded
            # when a test fixture or a compose file keeps it local
            confidence = "weak"
    else:
        verdict = VALIDATORS[rule.validator](value, text)
        if not verdict:
            return None, start
        if isinstance(verdict, str):
            confidence = verdict
        if confidence == "high" and has_sequence(value):
            confidence = "generic"  # "ABCDEFGHIJKL", "12345678" inside: a demo value — hold, don't block
    return Finding("secrets", rule.kind, offset + start, offset + end, confidence, rule.kind), start


class _Hit:
    """One match as the validators read it, over an ASCII text (byte and character offsets agree).

    The same answers as re2's match object for the calls they make (start/end/span/group/
    groups), read straight off the spans the C++ matcher returns: the wrapper's accessors check
    the group index against the pattern's group count, a C++ call each (~0.3 µs), and a prose
    text full of near-misses ("Access Denied" x 60) costs thousands of such reads."""

    __slots__ = ("_t", "_s")

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self._t = text
        self._s = spans

    def start(self, g: int = 0) -> int:
        return self._s[g][0]

    def end(self, g: int = 0) -> int:
        return self._s[g][1]

    def span(self, g: int = 0) -> tuple[int, int]:
        return self._s[g]

    def group(self, g: int = 0) -> str | None:
        a, b = self._s[g]
        return None if a < 0 else self._t[a:b]

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self.group(i) for i in range(1, len(self._s)))


_UNANCHORED = regex._UNANCHORED  # noqa: SLF001


def _matches(pattern: "regex.FastRegexp", text: str):  # type: ignore[no-untyped-def]
    """pattern.finditer(text), as _Hit objects when the text is ASCII (the same stepping rule)."""
    if not text.isascii():
        yield from pattern.finditer(text)
        return
    b = text.encode("ascii")
    n = len(b)
    at = 0
    match = pattern._re.Match  # noqa: SLF001 - the C++ matcher itself
    while at <= n:
        spans = match(_UNANCHORED, b, at, n)
        start, end = spans[0]
        if start == -1:
            return
        yield _Hit(text, spans)
        at = end + 1 if end == start else end


def _rule_findings(rule: SecretRule, pattern: "regex.FastRegexp", text: str, limit: int | None) -> list[Finding]:
    out: list[Finding] = []
    seen = 0
    for m in _matches(pattern, text):
        seen += 1
        if limit is not None and seen > limit:
            break  # bounded work on a hostile string full of near-misses (detection only)
        found, vstart = _accept(rule, m, text, 0)
        if found is not None:
            out.append(found)
        elif rule.validator == "generic" and vstart > m.start():
            # a rejected value may hold the real keyword ("PublicKey = [..]\nPresharedKey = <key>"):
            # look again inside it (bounded: a value is at most a few hundred characters)
            region = text[vstart:m.end() + 320]
            for m2 in _matches(pattern, region):
                f2, _ = _accept(rule, m2, region, vstart)
                if f2 is not None:
                    out.append(f2)
                    break
    return out


def find_secrets(text: str, hit_names: list[str], limit: int | None = 200) -> list[Finding]:
    """Validated secrets in `text`, given the names of prefilter patterns that hit it."""
    found: list[Finding] = []
    for name in hit_names:
        if name[0] != "s":
            continue
        if name == "s:broad":
            for i in BROAD_RULES:
                if i == _ASSIGNED and "=" not in text and ": " not in text and ":'" not in text and ':"' not in text:
                    continue  # no binding in the text: the name = token rule cannot match (cheap check first)
                found.extend(_rule_findings(RULES[i], _COMPILED[i], text, limit))
            continue
        i = int(name[1:])
        found.extend(_rule_findings(RULES[i], _COMPILED[i], text, limit))
    return _drop_overlaps(found)


def _drop_overlaps(found: list[Finding]) -> list[Finding]:
    """Merge overlapping findings into one span, keeping the most specific kind and confidence."""
    if len(found) < 2:
        return found
    # (a keyword-bound "weak" finding names the value better than "a random token")
    rank = {"high": 0, "strong": 0, "generic": 1, "weak": 2, "entropy": 3}
    found.sort(key=lambda f: (f.start, rank.get(f.confidence, 2)))
    out: list[Finding] = []
    for f in found:
        if out and f.start < out[-1].end:
            prev = out[-1]
            best = prev if rank.get(prev.confidence, 2) <= rank.get(f.confidence, 2) else f
            out[-1] = Finding(best.family, best.kind, prev.start, max(prev.end, f.end), best.confidence, best.detail)
            continue
        out.append(f)
    return out
