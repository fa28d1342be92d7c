"""Commands smuggled into values that are not commands (a filename, a hostname, a key), and obfuscated lines undone.

In a value any command separator or substitution followed by a program is injection; a
program glued onto a name (`example.comwhoami`) is too. A long value is judged at both ends,
each end alone (joining them would invent a separator). `deobfuscated` judges what an
obfuscated line really runs, for commands and values alike.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import path_targets as T
from aegis_mcp.engine.detectors import shell_deob as D
from aegis_mcp.engine.detectors import shell_parse as P
from aegis_mcp.engine.detectors.base import R_IDENT, R_KEY, R_PATH, R_UNKNOWN, R_URL, Fragment
from aegis_mcp.engine.detectors.paths import normalise as norm_path
from aegis_mcp.engine.detectors.shell_command import (
    CODE_INJECT,
    MARKUP,
    SEPARATOR_CMD,
    SHELLSHOCK,
    SSTI,
    STRONG_CMDS,
    Finding,
    glued,
    judge_command,
)
from aegis_mcp.engine.detectors.shell_segment import _REVERSE
from aegis_mcp.engine.roles import is_pattern_arg

_COMMON_CMDS = frozenset(
    "id whoami uname ls dir cat type echo ping sleep wget curl nc ncat netcat bash sh zsh cmd powershell pwsh perl python python3 php ruby "
    "nslookup dig host rm cp mv chmod chown touch mkdir net netstat ifconfig ipconfig ps kill sudo su systeminfo sysinfo tasklist "
    "whoami.exe cmd.exe telnet ftp tftp certutil bitsadmin reg sc wmic find grep awk sed head tail more less env printenv set export "
    "eval exec source uname.exe hostname pwd which nohup crontab useradd passwd chpasswd tee dd mkfs".split()
)
_SUBST_ANY = regex.compile(r"\$\([^)]*\)|`[^`]+`|\$\{[^}]*\}")
# A value holding a command line: an option flag plus a program or an absolute path.
_FLAG_TOKEN = regex.compile(r"\s-{1,2}[a-zA-Z][\w-]{0,20}(?:\s|$)")
_ABS_TOKEN = regex.compile(r"(?i)\s(?:/(?:etc|bin|usr|var|tmp|home|root|proc|dev)?\S*|[a-z]:\\\S*)(?:\s|$)")
# A template expression reading attributes (`{{person.name}}`) in a file or host name.
_SSTI_ATTR = regex.compile(r"\{\{\s*[a-z_]\w*(?:\.\w+)+\s*\}\}")
# What judge_value needs to find anything (the detector's gate uses this pattern too).
VALUE_GATE = regex.compile(r"(?i)[;|&`\n\r]|\$[({]|<\?|<!--|\{\{|\{%|\(\s*\)\s*\{|(?:system|eval|exec|passthru|phpinfo|phpversion)\s*\(|\s-{1,2}[a-z]")
# Every VALUE_GATE alternative needs one of these characters (checked first: C-level, no regex call).
_VALUE_GATE_CHARS = frozenset(";|&`\n\r$<{(-")
# What value_findings' rules need at least one of: VALUE_GATE's characters, a backslash (`\\n`),
# an obfuscation's, a `.` (glued programs, markup is only looked for with one).
_VALUE_ANY = _VALUE_GATE_CHARS | frozenset("'\"?\\.")
# Characters every obfuscation shell_deob undoes needs (quotes, `$`, `?`, backslash, braces).
DEOB_CHARS = frozenset("$'\"?*\\{")


def none_of(chars: frozenset[str], text: str) -> bool:
    """= chars.isdisjoint(text) for a set of single characters. On long text one substring search
    per character (memchr-fast) instead of a set scan that boxes every character of the text
    (several ms on a 256 KB hostile value)."""
    if len(text) < 256:
        return chars.isdisjoint(text)
    return not any(c in text for c in chars)
_DEOB_ROLES = frozenset({R_IDENT, R_UNKNOWN, R_PATH})
_CMD_SEPS = frozenset(";|&\n`")
_GLUE_ROLES = frozenset({R_IDENT, R_UNKNOWN, R_PATH, R_URL, R_KEY})
WINDOW = 16_384
_CUT_SEARCH = 256
_NON_WORD = regex.compile(r"[^0-9A-Za-z_]")
_LAST_NON_WORD = regex.compile(r"(?s).*([^0-9A-Za-z_])")
# Where a value's tail window may start: right after one of these (see deobfuscated()).
_CUTS = "\t\n\f\r ;&|/("


# Necessary conditions of the rules below, for the detector's gate (shell.GATE): short,
# literal-led patterns (a gate pattern with long spans costs every call its DFA states). Each
# holds wherever its rule matches; tests/engine/test_shell_gate.py checks them against the rules.
# _REVERSE: every alternative starts with one of these (or needs a `|`, a gate character anyway).
REVERSE_LOOSE = (
    r"(?i)/dev/(?:tcp|udp)/|/inet/tcp/|invoke-powershelltcp|net\.sockets\.tcpclient|\bnet\.dial\b"
    r"|\b(?:nc|ncat|netcat|socat|mkfifo|mknod|socket|fsockopen|tcpsocket|powercat|ztcp|xterm)\b"
    r"|\bnet['\"]?\)?\.(?:connect|createconnection|socket)\s*\("
)
# CODE_INJECT: `<?`, `<!--`, `{$`, `${` (a gate character), a PHP/JS call, Runtime.getRuntime.
CODE_INJECT_LOOSE = (
    r"(?i)<\?|<!--|\{\$|runtime\.getruntime|(?:system|passthru|shell_exec|popen|proc_open|eval|assert|exec|phpinfo|phpversion)\s*\("
)


def gate_patterns() -> tuple[str, ...]:
    """Patterns one of which occurs wherever value_findings' judge_value() finds something.

    judge_value's findings need a separator or substitution character, a flag (`\\s-x`), a
    template opener, or a newline followed by a program (SEPARATOR_CMD); interpreter code
    (CODE_INJECT); or a reverse shell (_REVERSE). A bare newline is not enough to open a gate:
    the gate joins strings with newlines, and a newline in a value matters only before a program.
    """
    programs = sorted(STRONG_CMDS | _COMMON_CMDS | {"sleep", "ping", "timeout", "net"}, key=len, reverse=True)
    newline_program = r"(?i)[\n\r]\s*(?:[\w./\\-]*[/\\])?(?:[a-z][\w.-]*\.exe|" + "|".join(_escape(p) for p in programs) + ")"
    return (r"[;|&`]|\$[({]|\s-{1,2}[a-zA-Z]|\{\{|\{%", newline_program, CODE_INJECT_LOOSE, REVERSE_LOOSE)


def _escape(word: str) -> str:
    return "".join(c if c.isalnum() or c == "_" else "\\" + c for c in word)


def judge_value(value: str) -> list[Finding]:
    """A value that is not a command (filename, hostname, path): separators or substitutions running a program."""
    out: list[Finding] = []
    for n, m in enumerate(SEPARATOR_CMD.finditer(value)):
        if n >= 64:  # bounded: each match is a Python-level call
            break
        word = m.group(1).lower()
        nxt = m.group(2) or ""
        # Words that are also English ("set", "type", "find") count only when what follows
        # looks like a command's argument (a flag, a path, a variable) or nothing follows.
        arg = nxt.strip().lower()
        if (
            word in STRONG_CMDS
            or word.endswith(".exe")
            or (word in _COMMON_CMDS and (not arg or arg[:1] in "-/\\%$~'\"" or arg[1:3] == ":\\"))
            or (word in ("sleep", "ping", "timeout") and arg[:1].isdigit())
            or (word == "net" and arg in ("user", "view", "localgroup", "group", "share", "use", "start", "stop"))
        ):
            out.append(("command_injection", 3, f"value chains or substitutes a command ({word})"))
            break
    if not out and _SUBST_ANY.search(value) and not _only_code_spans(value):
        out.append(("command_substitution", 2, "command substitution in a value"))
    if CODE_INJECT.search(value) or SHELLSHOCK.search(value):
        out.append(("code_injection", 3, "interpreter code injected into a value"))
    if SSTI.search(value) or _SSTI_ATTR.search(value):
        out.append(("template_injection", 2, "server-side template expression in a value"))
    if not out and _FLAG_TOKEN.search(value) and (_ABS_TOKEN.search(value) or any(w.lower() in _COMMON_CMDS for w in value.split()[1:4])):
        out.append(("command_in_value", 2, "a command line (program, flags, paths) inside a value that is not a command"))
    if out or _REVERSE.search(value):
        out.extend(judge_command(value, in_value=True))
    return out


_CODE_SPAN_BODY = regex.compile(r"^[A-Za-z_][\w.:-]*$")


def _only_code_spans(value: str) -> bool:
    """Every substitution is a Markdown code span naming one identifier (`users_old`, `config.yaml`)
    that is not a program: prose quoting a name, as commit messages and issues do."""
    for n, m in enumerate(_SUBST_ANY.finditer(value)):
        body = m.group(0)
        if n >= 16 or body[:1] != "`":
            return False
        inner = body[1:-1]
        if not _CODE_SPAN_BODY.match(inner) or inner.lower() in STRONG_CMDS or inner.lower() in _COMMON_CMDS:
            return False
    return True


def windows(text: str) -> list[str]:
    """A long value is judged at both ends, each end alone: joining them would invent a separator.

    Each window is cut next to a character that is not an ASCII word character (when one is near),
    so `\\b` means the same inside a window as in the whole value: a pattern that matches a
    window then matches the value (what the detector's gate relies on)."""
    if len(text) <= 2 * WINDOW:
        return [text]
    # (searched in a 256-character slice, not with pos/endpos: re2's wrapper maps pos/endpos to
    # bytes over the whole text, milliseconds on a hostile megabyte; neither pattern reads context
    # outside its match -- no anchor, no \b -- so the slice finds the same characters)
    head_end = WINDOW
    lo = WINDOW - _CUT_SEARCH
    m = _LAST_NON_WORD.search(text[lo:WINDOW])
    if m is not None:
        head_end = lo + m.start(1)
    tail_start = len(text) - WINDOW
    m = _NON_WORD.search(text[tail_start:tail_start + _CUT_SEARCH])
    if m is not None:
        tail_start += m.start()
    return [text[:head_end], text[tail_start:]]


def unescape_nl(text: str) -> str:
    """A literal `\\n` in a payload is a newline once some layer unescapes it."""
    return text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n")


def value_findings(frag: Fragment) -> list[Finding]:
    """A value that is not a command (a name, a path, a URL, a key): does it smuggle one in?"""
    raw, role = frag.raw, frag.role
    if not frag.forms or len(frag.forms) == 1:
        if none_of(_VALUE_ANY, frag.forms[0] if frag.forms else raw):
            return []  # (the one-form case without building a generator: most keys and ids)
    elif all(none_of(_VALUE_ANY, f) for f in frag.forms[:4]):
        return []  # none of the characters any rule below needs (most keys, names and ids)
    ends = windows(raw)
    forms = [w for f in frag.all_forms[:4] for w in windows(f)]
    if not frag.is_key and "|" in raw and is_pattern_arg(frag.name):
        # a regex's `|` is alternation: judge what else the value carries (`;`, `$(`, backticks)
        forms = [f.replace("|", " ") for f in forms]
    if "\\n" in raw or "\\r" in raw:
        forms.extend(unescape_nl(w) for w in ends)
    found: list[Finding] = []
    for form in forms:
        if not _VALUE_GATE_CHARS.isdisjoint(form) and VALUE_GATE.search(form):
            found = judge_value(form)
            if found:
                break
    if (role in _DEOB_ROLES or role is R_URL and "://" not in raw and not none_of(_CMD_SEPS, raw)) and not none_of(DEOB_CHARS, raw):
        # (a bare host or domain with a command separator is no URL: `127.0.0.1;{cat,/etc/passwd}`)
        found += deobfuscated(raw, found, in_value=True)
    if not found and "." in raw and role in _GLUE_ROLES:
        for end in ends:
            found = glued(end)
            if found:
                return found
        if any(MARKUP.search(end) for end in ends):
            found = [("markup_injection", 2, "HTML/script markup in a name")]
    return found


def _targets(text: str) -> set[str]:
    """Sensitive files named by the path-like words of a line."""
    out: set[str] = set()
    for w in P.words_of(text)[:128]:
        if "/" in w or w.startswith("~"):
            hit = T.classify(norm_path(w)[0])
            if hit is not None:
                out.add(hit[1])
    return out


def _programs(text: str) -> list[str]:
    return [seg.name for seg in P.parse(text)[:32]]


def deobfuscated(raw: str, found: list[Finding], in_value: bool) -> list[Finding]:
    """Judge what an obfuscated line really runs; hiding anything dangerous is an attack in itself."""
    if len(raw) > D.MAX_LEN:
        # A long line is read at both ends (filler in front must not hide an obfuscated tail). In a
        # value the tail window starts after a separator or a slash: what runs must be cut from the
        # filler by one, and so the detector's gate (shell_deob.GATE_LOOSE) can see its start.
        tail = raw[-D.MAX_LEN :]
        if in_value:
            start = len(raw) - D.MAX_LEN - 1
            cuts = [i for i in (raw.find(c, start) for c in _CUTS) if i >= 0]
            tail = raw[min(cuts) + 1 :] if cuts else ""
        return deobfuscated(raw[: D.MAX_LEN], found, in_value) or (deobfuscated(tail, found, in_value) if tail else [])
    res = D.deobfuscate(raw)
    if res is None:
        return []
    canon, program_glob = res
    inner = judge_value(canon) if in_value else judge_command(canon)
    targets = _targets(canon)
    revealed = targets - _targets(raw)
    worse = max((f[1] for f in inner), default=0) > max((f[1] for f in found), default=0)
    # `c''at`, `$'\x63at'`, `cat${IFS}...`: the program itself was disguised
    hidden_program = _programs(canon) != _programs(raw)
    if revealed or worse or (hidden_program and (targets or any(f[1] >= 2 for f in inner))):
        what = f" (reads {', '.join(sorted(revealed))})" if revealed else ""
        return [("obfuscated_command", 3, f"obfuscation hides {canon[:80]!r}{what}")] + inner
    if program_glob:
        return [("obfuscated_command", 2, f"program name spelled as a glob: {canon[:80]!r}")]
    return []
