"""path_traversal and sensitive_file detectors: dot-dot escapes in every encoding, and reads of keys, credentials and system secrets.

Paths are judged where they are used: PATH-role arguments, the path and query parameters of
URLs, and the path-like words of shell commands. A file's *content* (Role.CONTENT) is data: a
source file containing "../" is not a traversal. Each path is decoded locally (percent at
several levels, %u, overlong UTF-8, 0x2e, entities, base64, NFKC and look-alike slashes) and
normalised to lower-case with '/' separators before the rules read it.
"""

from __future__ import annotations

import functools

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import path_hunt, path_meta, path_persist, path_upload
from aegis_mcp.engine.detectors import path_targets as T
from aegis_mcp.engine.detectors.base import R_CONTENT, R_EMAIL, R_IDENT, R_KEY, R_PATH, R_SHELL, R_SQL, R_TEXT, R_UNKNOWN, R_URL, Fragment, Role, ScanContext
from aegis_mcp.engine.detectors.path_decode import INVALID_PCT_RUN, url_pieces, variants
from aegis_mcp.engine.detectors.path_geometry import INJECTED_ROOT as _INJECTED_ROOT
from aegis_mcp.engine.detectors.path_geometry import normalise  # noqa: F401 - re-exported: shell_*.py import it from here
from aegis_mcp.engine.detectors.path_geometry import padded_root as _padded_root
from aegis_mcp.engine.detectors.path_geometry import resolved_tails as _resolved_tails
from aegis_mcp.engine.detectors.path_geometry import spliced_tails as _spliced_tails
from aegis_mcp.engine.detectors.path_geometry import ups as _ups
from aegis_mcp.engine.gates import Gate
from aegis_mcp.engine.model import RiskLevel, Signal
from aegis_mcp.engine.detectors.code_fetch import fetched_by_code
from aegis_mcp.engine.detectors.path_data_uri import is_inert_data_uri
from aegis_mcp.engine.roles import is_pattern_arg, looks_like_command_line

_WRAPPER = regex.compile(r"(?i)^\s*(php|phar|zip|compress\.zlib|compress\.bzip2|expect|glob|data|input|rar|ogg|ssh2(?:\.\w+)?|jar|netdoc|gopher|dict)://|^\s*php://|^\s*data:[^,]{0,80};base64,")
_FILE_URL = regex.compile(r"(?i)^\s*file:(?://)?")
_URLISH = regex.compile(r"(?i)^[a-z][a-z0-9+.-]*://")
# Looks like a path at all: a separator, a dot-dot, a drive, a home tilde, or an encoding of them.
# (the unanchored atoms are shared with GATE below, so the two cannot drift)
_PATHISH_ATOMS = r"[/\\]|\.\.|%(?:2e|2f|5c|25|c0|c1|e0|f0|f8|fc|u)|%[g-z]|%%|0x(?:2e|2f|5c)|&#"
_PATHISH = regex.compile(r"(?i)" + _PATHISH_ATOMS + r"|^~|^[a-z]:|^\.[\w-]")  # (only ever asked whether it matches)
# A whole value in base64 (`Li4vLi4vZXRjL3Bhc3N3ZA==`): decoded and judged as a path.
_URL_IN_TEXT = regex.compile(r"(?i)(?:^|[^A-Za-z0-9+.\-])([a-z][a-z0-9+.\-]{1,15}://[^\s\"'<>`]+)")
_B64_WORD = regex.compile(r"^[A-Za-z0-9+/_-]{12,}={0,2}$")
# Dot segments between mixed separators (`/./\/./`, `/.\/\.\`): no real path is spelled this
# way; fuzzers use it to slip dot-segments past separator normalisation.
_MIXED_DOT_SEP = regex.compile(r"/\.\\|\\\./|\\/\.|\./\\")
_ENCODED_TRAVERSAL = regex.compile(r"(?i)%(?:25)*(?:2e|2f|5c|c0|c1|e0|u(?:ff0e|2215|2216|002e|ff0f|efc8|f025))|0x2e|&#(?:x2e|46|x2f|47);|%%")
# Overlong UTF-8 (c0 ae = '.', c0 af = '/') has no legitimate use in a path: it exists to slip
# past checks for '.' and '/'.
_OVERLONG = regex.compile(r"(?i)%(?:25)*(?:c0|c1|e0%(?:25)*8[01]|f0%(?:25)*80|f8%(?:25)*80|fc%(?:25)*80)")
# A dot-dot glued to an escape (`..%2f`, `..%c0%af`, `..%01`, `..%bg`), encoded dots (`%2e%2e`,
# `0x2e0x2e`, `%uff0e`), `%%xx` double-percent and control characters have no place in a real path.
_DOTDOT_HEXSEP = regex.compile(
    r"(?i)\.\.(?:0x|\\x|\\u00|u00)?(?:2f|5c)|\.\.%|%(?:25)*2e(?:%(?:25)*2e|\.)|\.%(?:25)*2e|0x2e0x2e|%u(?:ff0e|002e|2215|2216|efc8|f025)|%%[0-9a-f]{2}|%(?:25)*(?:0[0-8bcef]|1[0-9a-f]|7f)"
)
_B64_TAIL = regex.compile(r"[A-Za-z0-9+_-]{16,}={0,2}$")
# Anything in a command line that a path rule could care about; absent, the line is not tokenised.
_SHELL_PATH_GATE = regex.compile(
    r"(?i)\.\.|%[0-9a-f]{2}|%u|~|/(?:etc|proc|var|root|boot|sys|library|private|home|users)\b|\.(?:ssh|aws|kube|azure|docker|gnupg|config|env|git-credentials|netrc|pgpass|my\.cnf|npmrc|pypirc|htpasswd|bash|zsh|profile|mozilla|vault-token|s3cfg|passwd)"
    r"|\.(?:pem|key|p12|pfx|jks|keystore|kdbx|ppk|keychain|log|ini|conf|cnf)\b|0x(?:2e|2f|5c)|[a-z0-9+/]{16,}={0,2}(?:\s|$)|passwd|shadow|credential|secret|id_[a-z0-9]|[a-z]:[\\/]|\\|system32|sess_|authorized_keys|known_hosts|logins\.json|key[34]\.db|cookies|login data|htdocs|xampp|wamp|inetpub|\x00|file:|php:|phar:|data:|(?:config|settings|db|database|mysqli?|conn\w*)(?:\.inc)?\.(?:php|asp|inc)"
    r"|(?:database|dbconfig|db[-_]config|knexfile|ormconfig|sequelize[-_]?config)\.(?:js|cjs|mjs|ts|json)"
)
# When detect() can find anything at all (gates.py), each condition mirroring a branch of
# _fragment_findings: a PATH or URL fragment (roles); `://` anywhere (a URL, a wrapper or a
# file: URL in any role); a command line passing _SHELL_PATH_GATE (the shell branch's own first
# test); or a loose-role string without inner spaces that _PATHISH matches: a line holding one
# of its atoms and no ASCII space except leading/trailing whitespace (what `" " not in
# raw.strip()` leaves), its `^`-anchored atoms at a line start. Python's str.strip() also strips
# Unicode spaces and \x1c-\x1f, \x85: the whitespace class below covers them.
_WS = r"[\s\pZ\x0b\x1c-\x1f\x85]"
GATE = Gate(
    patterns=(
        "://",
        _SHELL_PATH_GATE.pattern,
        r"(?im)^" + _WS + r"*[^ \n]*(?:" + _PATHISH_ATOMS + r")[^ \n]*" + _WS + r"*$",
        r"(?im)^(?:~|[a-z]:|\.[\w-])[^ \n]*" + _WS + r"*$",
        path_persist.REGISTRY_GATE_PATTERN,
        path_upload.GATE_PATTERN,
    ),
    roles=frozenset({R_PATH, R_URL}),
)


_FILE_PARAM_BARE_SECRET = regex.compile(
    r"(?i)[?&](?:file|filename|file_name|filepath|path|doc|document|template|include|inc|load|read|download|cat|fn|f)"
    r"=(passwd|shadow|gshadow|master\.passwd|ntds\.dit|sam)(?:$|[&#])"
)
_UNC_REMOTE = regex.compile(r"^\\\\(?:\d{1,3}(?:\.\d{1,3}){3}|[\w-]+(?:\.[\w-]+)+)(?:@ssl)?(?:@\d+)?\\")
_PATH_MAX = 4096
_WRITE_WORDS = frozenset({"write", "append", "edit", "save", "create", "put", "upload", "update", "patch", "move", "copy", "insert", "replace"})

Finding = tuple[str, str, int, str]  # (pattern, rule, severity, detail)
_ACCOUNT_FILES = regex.compile(r"(?:^|/)(?:etc/(?:passwd|shadow|sudoers(?:\.d/.*)?|ld\.so\.preload)|\.ssh/authorized_keys2?)$")


def _rank(target: tuple[str, ...]) -> int:
    """Critical first, then a specific target (a credentials file) over a broad location (a web root)."""
    return 2 if target[0] == "critical" else 0 if ("high:" + target[1]) in T._BROAD else 1


def judge_path(raw: str, *, in_url: bool = False, in_shell: bool = False, write: bool = False) -> list[Finding]:
    """Traversal and sensitive-target findings for one path-like string (shared with shell.py).

    A pure function of its arguments: short paths are judged once (the same words recur across
    an agent's commands: `/path/to/file`, `~/.config`, `src/main.py`); a fresh list each time."""
    if len(raw) <= _JUDGED_MAX_LEN:
        return list(_judged(raw, in_url, in_shell, write))
    return _judge_path(raw, in_url=in_url, in_shell=in_shell, write=write)


_JUDGED_MAX_LEN = 256


@functools.lru_cache(maxsize=4096)
def _judged(raw: str, in_url: bool, in_shell: bool, write: bool) -> tuple[Finding, ...]:
    return tuple(_judge_path(raw, in_url=in_url, in_shell=in_shell, write=write))


def _judge_path(raw: str, *, in_url: bool = False, in_shell: bool = False, write: bool = False) -> list[Finding]:
    out: list[Finding] = []
    if not raw:
        return out
    if len(raw) > _PATH_MAX:
        # No file system takes a path this long; judge both ends (where a traversal and its
        # target sit) and say the length itself is odd.
        out.append(("path_traversal", "oversized_path", 1, f"{len(raw)}-character path"))
        for part in (raw[:_PATH_MAX], raw[-_PATH_MAX:]):
            out.extend(judge_path(part, in_url=in_url, in_shell=in_shell, write=write))
        return out
    # Cheap string tests first: each RE2 call costs microseconds and most paths are plain.
    if ("://" in raw or "data:" in raw) and _WRAPPER.search(raw):
        out.append(("path_traversal", "stream_wrapper", 3, "stream wrapper (php://, phar://, expect://, data:...) used as a path"))
    odd = "%" in raw or "0x" in raw or "0X" in raw or "&#" in raw or ".." in raw or not raw.isascii()
    forms = variants(raw, b64="." not in raw and " " not in raw)
    encoded_raw = odd and _ENCODED_TRAVERSAL.search(raw) is not None
    if odd and (_OVERLONG.search(raw) or _DOTDOT_HEXSEP.search(raw)):
        out.append(("path_traversal", "encoded_separator", 3, "overlong UTF-8 or hex-coded dot/separator in a path"))
    elif "%" in raw and INVALID_PCT_RUN.search(raw) and (".." in raw or "?" in raw or _ups(normalise(forms[-1])[0])[0]):
        out.append(("path_traversal", "encoded_separator", 3, "invalid percent escapes (%bg%qf) used as separators around dot segments"))
    if not in_url and ".." in raw and len(raw) > 255 and any(len(seg) > 255 for seg in raw.replace("\\", "/").split("/")):
        # NAME_MAX is 255 on every common file system: such a component next to a climb is an
        # overflow probe (without `..` it is more likely a base64 blob that happens to hold `/`)
        out.append(("path_traversal", "overlong_component", 2, "a path component longer than any file system allows (overflow probe)"))
    best_target: tuple[str, str, str] | None = None
    max_ups, above, nul, decoded_ups = 0, False, False, False
    for i, form in enumerate(forms):
        candidate = form
        m = _FILE_URL.search(candidate) if "file:" in candidate or "FILE:" in candidate or "File:" in candidate else None
        if m:
            candidate = candidate[m.end() :]
            if not in_url and not in_shell:
                out.append(("sensitive_file", "file_url", 2, "file: URL reads the local filesystem"))
        norm, had_nul = normalise(candidate)
        nul = nul or had_nul or "%00" in form
        ups, climbs = _ups(norm)
        if ups > max_ups:
            max_ups = ups
            decoded_ups = decoded_ups or i > 0
        above = above or climbs
        for tail in _resolved_tails(norm) + _spliced_tails(candidate):
            hit = T.classify(tail)
            if hit and (best_target is None or _rank(hit) > _rank(best_target)):
                best_target = (hit[0], hit[1], tail)
    evasive = max_ups > 0 and (decoded_ups or encoded_raw)
    if max_ups:
        if evasive or above or max_ups >= 3 or best_target is not None or in_url:
            sev = 3 if (evasive or above or max_ups >= 2 or best_target is not None) else 2
        else:
            sev = 2 if max_ups == 2 else 1
        how = "encoded " if evasive else ""
        out.append(("path_traversal", "dot_dot", sev, f"{how}'..' traversal ({max_ups} level{'s' if max_ups > 1 else ''}){' above the start' if above else ''}"))
    if nul:
        out.append(("path_traversal", "null_byte", 3, "NUL byte truncates the path"))
    if "\\" in raw and "." in raw and _MIXED_DOT_SEP.search(raw):
        out.append(("path_traversal", "separator_obfuscation", 2, "dot segments between mixed / and \\ separators"))
    injected = False
    if (best_target is not None and best_target[1] == "system_dir" and not (max_ups or nul or evasive or in_url)
            and T.PUBLIC_SYSTEM_INFO.search(best_target[2]) is not None and not any(_INJECTED_ROOT.search(f) or _padded_root(f) for f in forms[:3])):
        best_target = None  # a direct read of the machine's public facts (/etc/timezone): see path_targets
    if best_target is not None:
        tier, rule, tail = best_target
        # `uploads//etc/passwd`, `static/C:/boot.ini`: a rooted path spliced after a prefix, the
        # same escape as a traversal without any dot-dot.
        injected = any(_INJECTED_ROOT.search(f) or _padded_root(f) for f in forms[:3])
        if tier == "critical":
            sev = 2 if in_shell and not (max_ups or injected) else 3
        else:
            sev = 3 if (max_ups or nul or evasive or injected) else 2
            if rule == "web_root" and sev == 2:
                sev = 1  # reading a site's own files is web development; only an escape into them counts
        if not (rule == "web_root" and sev == 1 and not (write or in_shell or out or odd)):
            # (a plain read of /var/www/html/index.html is nothing to record; a write there still is)
            out.append(("sensitive_file", rule, sev, f"targets {tail[:80]}"))
        if injected and not max_ups:
            out.append(("path_traversal", "rooted_path_injection", 3 if not in_shell else 2, "an absolute path spliced into a rooted one"))
    if write:
        for form in forms[:2]:
            norm, _ = normalise(form)
            if T.PERSISTENCE_TARGETS.search(norm):
                # The place alone is HIGH (people edit their .bashrc and crontab); path_persist reads what
                # is written and blocks an implant. Accounts, sudo rules and preloads stay CRITICAL.
                sev = 3 if _ACCOUNT_FILES.search(norm) else 2
                out.append(("sensitive_file", "persistence_write", sev, f"writes {norm[:80]} (persistence)"))
                break
    return out


def _shell_words(command: str) -> list[str]:
    from aegis_mcp.engine.detectors.shell_parse import words_of  # shell_parse imports nothing of ours

    return words_of(command)[:256]


_LOOSE_ROLES = frozenset({R_IDENT, R_UNKNOWN, R_TEXT, R_KEY})


def _maybe_pathish(raw: str) -> bool:
    """What _PATHISH needs, by substring tests (a regex call costs ~1 us; most ids and keys have none of these)."""
    return (
        "/" in raw or "\\" in raw or "." in raw or "%" in raw or "~" in raw or ":" in raw
        or "0x" in raw or "0X" in raw or "&#" in raw
    )


_MEMO_MAX_LEN = 512
_READ_WORDS = frozenset({"read", "get"})


def _fragment_verdict(frag: Fragment, ctx: ScanContext) -> tuple[Finding, ...]:
    """The findings for one fragment. Short strings (keys, ids, the few paths an agent keeps
    opening) are judged once: the answer depends only on the memo's key."""
    write = frag.role is R_PATH and bool(ctx.tool_words & _WRITE_WORDS) and not (ctx.tool_words & _READ_WORDS)
    if len(frag.raw) > _MEMO_MAX_LEN:
        return tuple(_fragment_findings(frag.raw, frag.role, frag.name, write))
    return _fragment_memo(frag.raw, frag.role, frag.name, write)


@functools.lru_cache(maxsize=8192)
def _fragment_memo(raw: str, role: Role, name: str, write: bool) -> tuple[Finding, ...]:
    return tuple(_fragment_findings(raw, role, name, write))


def _fragment_findings(raw: str, role: Role, name: str, write: bool) -> list[Finding]:
    if "data:" in raw[:16] and is_inert_data_uri(raw, role, name):
        return []
    if role is R_URL or ("://" in raw and role is not R_PATH and _URLISH.search(raw)):
        out: list[Finding] = []
        if not _web_scheme(raw) and (_FILE_URL.search(raw) or _WRAPPER.search(raw)):
            if T.local_file_url_as_path(name, raw):
                # `read_file(path="file:///home/me/app/main.py")`: a path spelled as a host-less file:
                # URL is that path; its target and any traversal are judged as usual
                return [f for f in judge_path(raw, write=write) if f[1] != "file_url"]
            return judge_path(raw)
        for kind, piece in url_pieces(raw):
            if kind == "path" or "." in piece or (_maybe_pathish(piece) and _PATHISH.search(piece)) \
                    or (len(piece) >= 12 and _B64_WORD.search(piece)):
                out.extend(judge_path(piece, in_url=True) if kind == "param" else _url_path(piece))
        if not out and "=" in raw:
            m = _FILE_PARAM_BARE_SECRET.search(raw)
            if m is not None:
                # `download?file=passwd`: a file parameter naming the system's account database by its
                # bare name (the server prefixes its own directory, or resolves it on its search path)
                out.append(("sensitive_file", "passwd", 2, f"a file parameter asks for {m.group(1)[:20]}"))
        return out
    if role is R_PATH:
        if raw[:2] == "\\\\" and _UNC_REMOTE.search(raw) is not None:
            # `\\198.51.100.9\share\x.dll`: opening it makes Windows authenticate to that host (NTLM
            # hash leak) or load code from it; a bare share name (`\\fileserver\team`) is the LAN's own
            return [*judge_path(raw, write=write), ("path_traversal", "unc_remote_host", 2, f"a UNC path on a remote host ({raw[:60]})")]
        return judge_path(raw, write=write)
    if role is R_SHELL or (role is R_UNKNOWN and looks_like_command_line(raw)):
        # (an UNKNOWN value shaped as a whole command line, `cat ..%5c..%5cboot.ini;x.html` in an
        # `input`, is read like one: its words are what the program opens)
        out = []
        if not _SHELL_PATH_GATE.search(raw):
            return out  # nothing path-sensitive anywhere in the line: skip tokenising it
        words = _shell_words(raw)
        # Naming a config to a tool (`phan --config-file config.php`) is not reading it; dumping
        # it with a reader (`cat config.php`) hands its credentials to the agent.
        reader = bool(words) and words[0].rsplit("/", 1)[-1].lower() in _READERS
        # judge_path is pure: a word repeated in the line (a hostile line repeats one 256 times)
        # is judged once.
        judged: dict[str, list[Finding]] = {}
        for word in words:
            if word in judged:
                out.extend(judged[word])
                continue
            # (cheap tests first: _maybe_pathish and a 12-character length are what the two
            # patterns need, and most words of a command are plain: `-la`, `grep`, `foo`)
            if not word.startswith("-") and "://" not in word and (
                    (reader and "." in word) or (_maybe_pathish(word) and _PATHISH.search(word))
                    or (len(word) >= 12 and _B64_WORD.search(word))):
                found = judge_path(word, in_shell=True)
                if not reader:
                    found = [f if f[1] not in _READER_ONLY else (f[0], f[1], 1, f[3]) for f in found]
                out.extend(found)
            else:
                found = []
            judged[word] = found
        if out and path_meta.metadata_only(raw, words):
            # `chmod 600 ~/.ssh/id_rsa`, `ls -l ~/.aws/credentials`: a credential file's metadata, not its
            # content (a system directory listed still shows what is in it: kept)
            out = [f for f in out if f[0] != "sensitive_file" or f[1] in path_meta.KEPT_RULES]
        return out
    if role in _LOOSE_ROLES and "://" in raw and " " in raw.strip():
        # URLs inside code or text (`() => fetch("https://x/dl?file=%2e%2e%5c…")` for browser_evaluate):
        # each judged as a URL; like any loose value, only traversal or a critical target counts
        found = []
        for n, m in enumerate(_URL_IN_TEXT.finditer(raw)):
            if n >= 16:
                break
            fetched = fetched_by_code(raw, m.start(1))  # a request the snippet makes: judged in full
            found.extend(f for f in _fragment_findings(m.group(1), R_URL, name, False)
                         if fetched or f[0] == "path_traversal" or f[2] >= 3)
        return found
    if role in _LOOSE_ROLES and _maybe_pathish(raw) and " " not in raw.strip() and _PATHISH.search(raw) \
            and not (role is not R_KEY and is_pattern_arg(name)):
        # (a search pattern's `\.\./` is an escaped regex, not a path to open)
        # A path in an oddly named argument (`target`, `name`): judged like a path, but only
        # when it carries traversal or encoding, not for merely naming a file.
        found = judge_path(raw)
        return [f for f in found if f[0] == "path_traversal" or f[2] >= 3]
    return []


def shell_line_paths(line: str) -> list[Finding]:
    """Path findings for one command line found elsewhere (a code runner's `os.system(...)` argument)."""
    return list(_fragment_memo(line, R_SHELL, "", False)) if len(line) <= _MEMO_MAX_LEN else _fragment_findings(line, R_SHELL, "", False)


_READERS = frozenset("cat tac less more head tail type strings xxd od hexdump base64 nl bat view vim vi nano emacs cp scp rsync curl wget".split())
# Targets that matter only when their content is dumped: app configs and password lists.
_READER_ONLY = frozenset({"app_credentials", "password_list"})


def _web_scheme(raw: str) -> bool:
    """Starts (after whitespace) with http:// or https://: then neither _FILE_URL nor _WRAPPER can
    match (their `\\s*` is narrower than str.strip's whitespace, and no scheme of theirs starts with h)."""
    head = raw[:12].lstrip()[:8].lower() if raw[:1].isspace() else raw[:8].lower()
    return head.startswith("http://") or head == "https://"


def _maybe_b64_tail(path: str) -> bool:
    """What _B64_TAIL needs, by string tests: a run of 16+ base64 characters ending the path
    (before at most two `=`), so none of its last 16 is a `/` or a `.` (most web paths)."""
    end = len(path)
    if path.endswith("="):
        end -= 2 if path.endswith("==") else 1
    if end < 16:
        return False
    last = path[end - 16 : end]
    return "/" not in last and "." not in last and _B64_TAIL.search(path) is not None


def _url_path(path: str) -> list[Finding]:
    """A URL's own path: dot-dots and encoded separators aimed at the server's file system."""
    if (".." not in path and "%" not in path and "\\" not in path and "//" not in path and "0x" not in path
            and ":" not in path and "&#" not in path and "~" not in path) and path.isascii() and not _maybe_b64_tail(path):
        # (`..`, `%`, `\\`, `//`, `0x`, `:`, `&#`, `~`: spelled out, a generator costs ~1 µs)
        # A plain web path: only a critical target (…/.ssh/id_rsa) or a credentials file the
        # server must never hand out (.htpasswd, .env, wp-config.php, db.php) is worth a look.
        low = path.lower()
        target = T.classify(low)  # (critical targets come first: the same hit CRITICAL_TARGETS finds)
        if target and target[0] == "critical":
            return [("sensitive_file", target[1], 3, f"targets {path[:80]}")]
        if target and target[1] in _EXPOSED_SECRETS:
            return [("sensitive_file", target[1], 2, f"requests {path[:80]} from a web server")]
        return []
    found = judge_path(path, in_url=True)
    if "\\" in path:
        # No web path needs a backslash; Windows servers treat it as a separator.
        found.append(("path_traversal", "backslash_in_url", 2, "backslash separator in a URL path"))
    # Without traversal, a URL path naming /etc/... is the server's routing, not a file read.
    has_trav = any(f[0] == "path_traversal" for f in found)
    return [f for f in found if f[0] == "path_traversal" or has_trav or f[2] >= 3 or f[1] in _EXPOSED_SECRETS]


# Files a web server must never serve: asking for one by URL is a probe for leaked credentials.
_EXPOSED_SECRETS = frozenset({"credentials_file", "dotenv", "app_credentials", "password_list", "secrets_config", "shell_history", "ssh_config"})


_SKIPPED_ROLES = frozenset({R_CONTENT, R_EMAIL, R_SQL})


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode != "call":
        return []
    signals: list[Signal] = []
    skipped = _SKIPPED_ROLES
    publishing = bool(ctx.tool_words & path_upload.PUBLISH_WORDS)
    for frag in ctx.fragments:
        if frag.raw[:1] == "@" and not frag.is_key:
            signals.extend(path_upload.uploaded_file(frag, judge_path))
        elif publishing and ("$(" in frag.raw or "`" in frag.raw) and not frag.is_key:
            signals.extend(path_upload.substituted_files(frag, judge_path))
        if not frag.raw or frag.role in skipped:
            continue
        found = _fragment_verdict(frag, ctx)
        if not found:
            continue
        best: dict[str, Finding] = {}
        for f in found:
            if f[0] not in best or f[2] > best[f[0]][2]:
                best[f[0]] = f
        for pattern, rule, sev, detail in best.values():
            signals.append(Signal(pattern, rule, detail, RiskLevel(sev), frag.path))
    signals.extend(path_persist.findings(ctx))
    hunt = path_hunt.hunt(ctx)  # `.env*` searched for across /home
    if hunt is not None:
        signals.append(hunt)
    return path_hunt.object_key_climbs(ctx, signals) if signals else signals
