"""Undo shell obfuscation: the canonical command a hidden one runs (`c''at /e''tc/sh''adow` -> `cat /etc/shadow`).

Bash evaluates quotes, escapes, `$IFS`, empty positional parameters, substring expansions,
ANSI-C `$'\\x63'` strings and glob patterns before it runs anything; filter-evasion payloads
use exactly that to hide a program name or a target from a pattern match
(`/???/c?t /???/p??sw?`, `cat${IFS}/etc/passwd`, `${HOME:0:1}etc`). This module performs the
same expansions statically, with globs resolved against a fixed list of well-known programs
and system files (no file-system access: the engine is pure). The caller judges the result;
obfuscation that hides something dangerous is itself the strongest evidence of intent.
"""

from __future__ import annotations

import shlex
from typing import Any

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import shell_parse as P

# Something bash would rewrite before running the line; absent, there is nothing to undo.
GATE = regex.compile(
    r"\$\{?IFS\b|\$\{\w+:\d+(?::\d+)?\}|\$'[^']*\\|\w(?:''|\"\")|(?:''|\"\")\w|\w['\"]\w+['\"]\w|[a-z]\\[a-z]"
    r"|(?:^|[\s;&|/])[/\w.]*\?[/\w.?*]*|(?:^|[\s;&|])/[/\w.\-]+\*|\w\$[@*\d]|\$[@*]\w|\$\{[@*\d]\}"
    r"|(?:^|[;&|(\s])\{[^{}\s,]+,[^{}\s]+\}|(?:^|[;&\s])[A-Za-z_]\w*=[^\s;&|]*\s*[;&\n]|\w\^\w"
    r"|\$\(\s*echo\s|`\s*echo\s|\\\n|(?:^|[\s;&|(])\\[a-z]"
)
# GATE loosened into a necessary condition for the detector's gate: an alternative's prefix
# (start of text or a separator) and open-ended spans are dropped, keeping the short piece every
# match contains (`$'`, `${x:`, `=` ... then `;`, `&` or a newline, a `?` after a path character).
# Long spans in a gate pattern cost every call DFA states; this one is cheap. It holds for any
# window of a text too (no anchors or word boundaries). tests/engine/test_shell_gate.py checks it.
GATE_LOOSE = (
    r"\$\{?IFS|\$\{\w+:\d|\$'|\w(?:''|\"\")|(?:''|\"\")\w|\w['\"]\w+['\"]\w|[a-z]\\[a-z]"
    r"|(?:^|[\s;&|/(\w.])\?|/[/\w.\-]+\*|\w\$[@*\d]|\$[@*]\w|\$\{[@*\d]\}"
    r"|\{[^{}\s,]+,|=[^\s;&|]*\s*[;&\n]|\w\^\w|\$\(\s*echo|`\s*echo|\\\n|(?:^|[\s;&|(/])\\[a-z]"
)
# `$(echo rm) -rf /`, `` `echo cat` /etc/shadow ``: a substitution that only prints a fixed word is that word.
_ECHO_SUBST = regex.compile(r"\$\(\s*echo\s+([\w./-]{1,64})\s*\)|`\s*echo\s+([\w./-]{1,64})\s*`")
# `who^ami`, `c^m^d`: cmd.exe drops a caret that escapes an ordinary letter.
_CARET = regex.compile(r"(\w)\^")
# `{cat,/etc/passwd}`: brace expansion as a whole word spells a command without spaces.
_BRACE_WORD = regex.compile(r"(?:^|(?P<pre>[;&|(\s]))\{(?P<body>[^{}\s]{1,200},[^{}\s]{0,200})\}(?:$|[;&|)\s])")
# `a=ca;b=t;$a$b /etc/shadow`: a variable set on its own, then spliced into a word.
_ASSIGN = regex.compile(r"^\s*([A-Za-z_]\w{0,30})=['\"]?([^\s;&|'\"]{0,200})['\"]?\s*$")
# `"r""m"`, `c''a''t`: an empty pair of quotes between two word characters, in or out of a quoted
# string, only joins them (bash concatenates adjacent words); the tokeniser would split `"r""m"`.
_EMPTY_QUOTES = regex.compile(r"(\w)(?:''|\"\")+")
_IFS = regex.compile(r"\$\{IFS(?:[%#][^}]{0,8})?\}|\$IFS(?:\$\d)?")
# `$@`, `$*`, `$1`: empty in a fresh `sh -c`, so `c$@at` is `cat` (also removed where they are
# real parameters: the canonical form only matters when it reveals more than the raw line).
_EMPTY_PARAM = regex.compile(r"\$\{[@*\d]\}|\$[@*\d]")
_SLICE = regex.compile(r"\$\{(\w+):(\d+)(?::(\d+))?\}")
_ANSI_C = regex.compile(r"\$'((?:[^'\\]|\\.){0,512})'")

_PROGRAMS = (
    "cat sh bash dash zsh ksh nc ncat netcat curl wget python python2 python3 perl ruby php rm chmod chown dd ls id whoami "
    "uname base64 socat telnet ping nslookup head tail more less tac nl xxd od strings grep awk gawk sed find cp mv tar ssh "
    "scp busybox env echo printf sleep kill mkfifo touch useradd passwd sudo su crontab at node lua openssl xargs tee"
).split()
_DIRS = ("/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin")
_FILES = (
    "/etc/passwd /etc/shadow /etc/group /etc/gshadow /etc/sudoers /etc/hosts /etc/issue /etc/hostname /etc/crontab "
    "/etc/ssh/sshd_config /root/.ssh/id_rsa /root/.ssh/authorized_keys /root/.bash_history /proc/self/environ "
    "/proc/self/cmdline /var/log/auth.log /var/log/syslog"
).split()
PROGRAM_PATHS: tuple[str, ...] = tuple(f"{d}/{p}" for d in _DIRS for p in _PROGRAMS)
# An argument is more likely a file, a program position a program: each tries its own list first.
_ARG_ORDER = tuple(_FILES) + PROGRAM_PATHS
_PROGRAM_ORDER = PROGRAM_PATHS + tuple(_FILES)
MAX_LEN = 2048  # longer lines are deobfuscated in windows of this size by the caller
_MAX_GLOBS = 8
_OPERATOR_CHARS = frozenset(";&|()")
_MAX_GLOB_LEN = 128


def glob_match(pattern: str, text: str) -> bool:
    """Shell glob (`?`, `*`, `[abc]`, `[!a]`) against one path; `*` does not cross `/`. O(len(p) * len(t)), no regex."""
    p, t = 0, 0
    star_p, star_t = -1, -1
    while t < len(text):
        if p < len(pattern):
            c = pattern[p]
            if c == "*":
                star_p, star_t = p, t
                p += 1
                continue
            if c == "?" and text[t] != "/":
                p += 1
                t += 1
                continue
            if c == "[":
                end = pattern.find("]", p + 2)
                if end > 0:
                    body = pattern[p + 1 : end]
                    neg = body[:1] in ("!", "^")
                    if neg:
                        body = body[1:]
                    if (text[t] in body) != neg and text[t] != "/":
                        p, t = end + 1, t + 1
                        continue
                elif text[t] == "[":
                    p, t = p + 1, t + 1
                    continue
            elif c == text[t]:
                p += 1
                t += 1
                continue
        if star_p >= 0 and text[star_t] != "/":
            star_t += 1
            p, t = star_p + 1, star_t
            continue
        return False
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)


def resolve_glob(word: str, program: bool = False) -> str | None:
    """The well-known program (in command position) or system file a glob word expands to, if any."""
    if len(word) > _MAX_GLOB_LEN or not word.startswith("/") or not any(c in word for c in "?*["):
        return None
    fixed = "*" not in word and "[" not in word
    for path in _PROGRAM_ORDER if program else _ARG_ORDER:
        if fixed and len(path) != len(word):
            continue  # `?` matches exactly one character: lengths must agree
        if glob_match(word, path):
            return path
    return None


def _ansi_c(body: str) -> str:
    """Bash `$'...'` escapes (\\xHH, \\NNN octal, \\uHHHH, \\n ...)."""
    try:
        return body.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except (UnicodeDecodeError, ValueError):
        return body


def _slice(m: Any) -> str:
    var, off, length = m.group(1).upper(), int(m.group(2)), m.group(3)
    # Values we can know statically: these variables hold absolute paths, so character 0 is "/".
    if var in ("HOME", "PWD", "PATH", "SHELL", "OLDPWD", "TMPDIR") and off == 0 and length == "1":
        return "/"
    return m.group(0)


def _expand_assignments(text: str) -> str:
    """Substitute `$name` / `${name}` by values assigned earlier in the line (at most 16 variables)."""
    values: dict[str, str] = {}
    for piece in text.replace("&&", ";").replace("\n", ";").split(";")[:64]:
        m = _ASSIGN.search(piece) if "=" in piece else None
        if m is not None:
            values[m.group(1)] = m.group(2)
            if len(values) >= 16:
                break
    for name in sorted(values, key=len, reverse=True):  # `$ab` before `$a`
        text = text.replace("${" + name + "}", values[name]).replace("$" + name, values[name])
    return text


def _expand_braces(text: str) -> str:
    """`{cat,/etc/passwd}` -> `cat /etc/passwd` (only a whole brace word: `file.{txt,md}` is left alone)."""
    out: list[str] = []
    pos = 0
    for m in _BRACE_WORD.finditer(text):
        out.append(text[pos : m.start(2) - 1])
        out.append(" ".join(m.group(2).split(",")))
        pos = m.end(2) + 1
    out.append(text[pos:])
    return "".join(out)


def _unquote_word(tok: str) -> str:
    if not any(c in tok for c in "'\"\\"):
        return tok
    try:
        parts = shlex.split(tok, posix=True)
    except ValueError:
        return tok
    word = "".join(parts)
    # keep a word that holds spaces or operators one word when the line is re-read
    return shlex.quote(word) if any(c in word for c in " \t;&|<>()$`") else word


def _join_quotes(text: str) -> str:
    """Drop an empty quote pair glued after a word character when a word character follows (`"r""m"` -> `"rm"`)."""
    out: list[str] = []
    pos = 0
    for m in _EMPTY_QUOTES.finditer(text):
        end = m.end()
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            out.append(text[pos : m.start()] + m.group(1))
            pos = end
    out.append(text[pos:])
    return "".join(out)


def deobfuscate(command: str) -> tuple[str, bool] | None:
    """(the command with bash's expansions done statically, whether a program name was a glob), or None if nothing changed."""
    if len(command) > MAX_LEN or not GATE.search(command):
        return None
    text = command
    if "\\\n" in text:
        text = text.replace("\\\n", "")  # a line continuation joins the two halves of a word
    if "echo" in text:
        text = _ECHO_SUBST.sub(lambda m: m.group(1) or m.group(2), text)
    if "IFS" in text:
        text = _IFS.sub(" ", text)
    if "$'" in text:
        text = _ANSI_C.sub(lambda m: shlex.quote(_ansi_c(m.group(1))), text)
    if ":" in text and "${" in text:
        text = _SLICE.sub(_slice, text)
    if "=" in text and "$" in text:
        text = _expand_assignments(text)
    if "$" in text:
        text = _EMPTY_PARAM.sub("", text)
    if "{" in text and "," in text:
        text = _expand_braces(text)
    if "^" in text:
        text = _CARET.sub(lambda m: m.group(1), text)
    if "''" in text or '""' in text:
        text = _join_quotes(text)
    out: list[str] = []
    globs = 0
    at_start = True
    program_glob = False
    for tok in P._tokens(text):
        word = _unquote_word(tok)
        if globs < _MAX_GLOBS and word.startswith("/") and any(c in word for c in "?*["):
            globs += 1
            hit = resolve_glob(word, program=at_start)
            if hit is not None:
                word = hit
                program_glob = program_glob or at_start
        out.append(word)
        at_start = bool(tok) and set(tok) <= _OPERATOR_CHARS
    canon = " ".join(out)
    if canon == " ".join(command.split()):
        return None
    return canon, program_glob
