"""shell_injection detector: judges tokenised commands, not raw metacharacters.

In a command (Role.SHELL) chaining and pipes are normal; what is judged is what runs:
downloads piped to a shell, reverse shells, destructive and persistence commands, privilege
changes, recon chained after a command. In a value that is *not* a command (a filename, a
hostname, a path) any command separator or substitution followed by a program is injection.
File content (Role.CONTENT) is data: a `;` in a source file being written means nothing,
but the code a code runner will *execute* is judged as code (shell_code.py).

Helpers: shell_parse (tokenising), shell_segment (rules per simple command), shell_host
(containers, defence evasion, PowerShell, LOLBins, miners), shell_deob (undoing obfuscation
before judging), shell_sql (SQL handed to database clients, judged by the SQL detector).
"""

from __future__ import annotations

import shlex

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import path_targets as T
from aegis_mcp.engine.detectors import shell_code as C
from aegis_mcp.engine.detectors import shell_deob as D
from aegis_mcp.engine.detectors import shell_host as H
from aegis_mcp.engine.detectors import shell_parse as P
from aegis_mcp.engine.detectors import shell_sql
from aegis_mcp.engine.detectors.shell_segment import _INTERP_FLAGS, _NET, _REVERSE, _segment_findings
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.paths import normalise as norm_path
from aegis_mcp.engine.model import RiskLevel, Signal
from aegis_mcp.engine.roles import is_code_runner, is_pattern_arg

PATTERN = "shell_injection"
Finding = tuple[str, int, str]

# Program names that are not also everyday words: after a separator they mean a command.
_STRONG_CMDS = frozenset(
    "id whoami uname ls cat wget curl nc ncat netcat bash sh zsh powershell pwsh perl python python3 php ruby nslookup "
    "chmod chown mkdir netstat ifconfig ipconfig sudo systeminfo sysinfo tasklist telnet tftp certutil bitsadmin wmic "
    "printenv pwd nohup crontab useradd chpasswd mkfs netsh setenforce iptables ip6tables ufw nsenter auditctl systemctl "
    "wevtutil vssadmin chroot socat mkfifo".split()
)
_COMMON_CMDS = frozenset(
    "id whoami uname ls dir cat type echo ping sleep wget curl nc ncat netcat bash sh zsh cmd powershell pwsh perl python python3 php ruby "
    "nslookup dig host rm cp mv chmod chown touch mkdir net netstat ifconfig ipconfig ps kill sudo su systeminfo sysinfo tasklist "
    "whoami.exe cmd.exe telnet ftp tftp certutil bitsadmin reg sc wmic find grep awk sed head tail more less env printenv set export "
    "eval exec source uname.exe hostname pwd which nohup crontab useradd passwd chpasswd tee dd mkfs".split()
)

_LOOP = regex.compile(r"\b(?:do|done|then|fi)\b")  # `while ...; do ...; sleep 1; done` is a loop, not a probe
_GLUED_SUBST = regex.compile(r"[\w.\])]\$\(|[\w.\])]`[^`\s]")
_ARG_META = regex.compile(r"[;|&`]|\$\(")
_CONCRETE_PORT = regex.compile(r"(?:\s|:|=|,|['\"]|/dev/(?:tcp|udp)/[^/\s]+/|/inet/tcp/\d+/[^/\s]+/)\d{2,5}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b")
_PLAIN_OR_IP_URL = regex.compile(r"(?i)\bhttp://|://\d{1,3}(?:\.\d{1,3}){3}|://\[|://0x")
# A function whose body pipes into itself and backgrounds: `:(){ :|:& };:` (RE2 has no
# back-references, so "itself" is approximated by "a pipe and a & inside the body").
_FORK_BOMB = regex.compile(r"[\w:]+\s*\(\s*\)\s*\{[^}]*\|[^}]*&[^}]*\}\s*;")
_SHELLSHOCK = regex.compile(r"\(\s*\)\s*\{\s*:?\s*;?\s*\}\s*;")
_CODE_INJECT = regex.compile(
    r"(?i)<\?php|<\?=|\$\{@?(?:print|system|eval|phpinfo)|(?:system|passthru|shell_exec|popen|proc_open|eval|assert|exec)\s*\(\s*['\"$]"
    r"|phpinfo\s*\(\s*\)|phpversion\s*\(|\bRuntime\.getRuntime\(\)\.exec|<!--\s*#\s*exec\b|\{\$_(?:get|post|request|cookie)\[|\{\$\{\w+\("
)
# Server-side template probes: {{7*7}}, {{ func(...) }}, {% ... %}.
_SSTI = regex.compile(r"\{\{\s*\d+\s*[-+*/]\s*\d+\s*\}\}|\{\{[^{}]*\w\s*\([^{}]*\}\}|\{%[^%]*%\}|\$\{\s*\d+\s*[-+*/]\s*\d+\s*\}")
# A value holding a command line: an option flag plus a program or an absolute path.
_FLAG_TOKEN = regex.compile(r"\s-{1,2}[a-zA-Z][\w-]{0,20}(?:\s|$)")
_ABS_TOKEN = regex.compile(r"(?i)\s(?:/(?:etc|bin|usr|var|tmp|home|root|proc|dev)?\S*|[a-z]:\\\S*)(?:\s|$)")
_SEPARATOR_CMD = regex.compile(r"(?i)(?:;|\|\|?|&&?|\n|\r|`|\$\()\s*(?:[\w./\\-]*[/\\])?([a-z][\w.-]*)([ \t]+\S+)?")
_SUBST_ANY = regex.compile(r"\$\([^)]*\)|`[^`]+`|\$\{[^}]*\}")
# A command glued onto a host or file name with no separator (`example.comwhoami`,
# `photo.jpguname -a`, `project.gitcurl http://...`): the payload was appended to a value
# whose own separator was filtered away. Read as: known name ending, then a program name that
# ends the word. Endings are TLDs and common file types; programs are the ones injected first.
_GLUE_ENDINGS = "com|org|net|io|edu|gov|info|biz|local|git|jpg|jpeg|png|gif|bmp|pdf|txt|html?|php|aspx?|xml|json|zip"
_GLUE_PROGRAMS = (
    "whoami|uname|ls|dir|cat|type|echo|ping|sleep|wget|curl|nc|ncat|netcat|bash|sh|zsh|powershell|perl|python3?|php|ruby"
    "|nslookup|ifconfig|ipconfig|netstat|netsh|systeminfo|sysinfo|tasklist|pwd|which|reg|net|id|hostname|certutil|bitsadmin|wmic"
)
_GLUED_CMD = regex.compile(r"(?i)\w\.(?:" + _GLUE_ENDINGS + r")(" + _GLUE_PROGRAMS + r")(?:$|[\s;&|<>])")
# Terminal control sequences that move the cursor or erase text (`\033[2A`): they hide what a
# command really does from whoever reads it on a terminal. Colours (`\e[1m`) are not flagged.
_TERM_HIDE = regex.compile(r"(?:\\033|\\x1b|\\e|\\u001b|\x1b)\[\d*[ABCDEFGHJKSTfu]")
# HTML/script markup in a command or a file/host name (`;echo '<script>...'`): stored XSS
# planted through a command, held for a human.
_MARKUP = regex.compile(r"(?i)<script[\s>/]|<\s*img\b[^>]*\bon(?:error|load)\s*=|\bjavascript:")
# A template expression reading attributes (`{{person.name}}`) in a file or host name.
_SSTI_ATTR = regex.compile(r"\{\{\s*[a-z_]\w*(?:\.\w+)+\s*\}\}")


def _glued(text: str) -> list[Finding]:
    """A program glued onto a name, re-judged as the command it would run."""
    m = _GLUED_CMD.search(text)
    if m is None:
        return []
    rest = text[m.start(1) : m.start(1) + 2048]  # the glued command itself; bounded work
    inner = judge_command(rest, in_value=True)
    worst = max((f[1] for f in inner), default=0)
    return [("glued_command", max(2, worst), f"a command ({m.group(1)}) glued onto a name without a separator")] + inner


# The whole-line patterns judge_command asks about, answered in one RE2 set pass instead of
# eight searches (only whether each occurs is used).
_LINE_SET = regex.PatternSet([
    ("reverse", _REVERSE.pattern), ("fork_bomb", _FORK_BOMB.pattern), ("shellshock", _SHELLSHOCK.pattern),
    ("code_inject", _CODE_INJECT.pattern), ("ssti", _SSTI.pattern), ("loop", _LOOP.pattern),
    ("plain_url", _PLAIN_OR_IP_URL.pattern), ("glued_subst", _GLUED_SUBST.pattern),
    ("hex_escape", r"\\x[0-9a-fA-F]{2}|\\[0-3][0-7]{2}"),
] + H.LINE_PATTERNS)
_LINE_FLAGS = frozenset({"loop", "plain_url", "hex_escape"})
_HOST_FLAGS = frozenset(name for name, _ in H.LINE_PATTERNS)


def judge_command(command: str, *, in_value: bool = False, depth: int = 0) -> list[Finding]:
    out: list[Finding] = []
    low = command.lower()
    line = frozenset(_LINE_SET.matches(command))
    if "reverse" in line:
        # `nc host port -e shell` as documentation (placeholders) is held; a concrete port is live.
        concrete = _CONCRETE_PORT.search(command) is not None
        out.append(("reverse_shell", 3 if concrete or in_value else 2, "reverse shell (/dev/tcp, nc -e, socat exec:, socket one-liner)"))
    if "fork_bomb" in line:
        out.append(("destructive", 3, "fork bomb"))
    if "shellshock" in line:
        out.append(("shellshock", 3, "function-definition (Shellshock) payload"))
    if "code_inject" in line:
        out.append(("code_injection", 3 if in_value else 2, "interpreter code (PHP tags, system()/eval()) in a command"))
    if "ssti" in line:
        out.append(("template_injection", 2, "server-side template expression"))
    if not in_value:
        out.extend(_argument_injection(command))
    if not line.isdisjoint(_HOST_FLAGS):
        out.extend(H.line_findings(command, in_value, line))
    cmds = P.split(command)[:_MAX_SEGMENTS]
    # Whole-line facts computed once (not once per segment: a hostile line has hundreds).
    flags = line & _LINE_FLAGS
    pipeline: list[str] = []
    chained = False
    for cmd in cmds:
        name, args, _ = P.command_name(cmd.words)
        if cmd.joined_by not in ("|", "|&"):
            pipeline = []
            chained = chained or bool(cmd.joined_by)
        out.extend(_segment_findings(cmd, pipeline, in_value, flags, chained))
        pipeline.append(name)
        if depth < 2 and _INTERP_FLAGS.get(name) in args:
            out.extend(_inline_code(args[args.index(_INTERP_FLAGS[name]) + 1 :][:1], depth))
    if cmds and command.rstrip().endswith(("|", "&&", "||")):
        out.append(("dangling_operator", 2, "command ends in a dangling pipe or operator"))
    for body in P.substitutions(command):
        sub = P.split(body)
        names = [P.command_name(c.words)[0] for c in sub]
        if any(n in _NET for n in names):
            out.append(("remote_substitution", 3, "command substitution runs a network command"))
    if "glued_subst" in line:
        out.append(("command_substitution", 2, "command substitution glued onto an argument"))
    # A sensitive file read and a network tool in one command line: exfiltration.
    if any(P.command_name(c.words)[0] in _NET for c in cmds):
        for c in cmds:
            for w in c.words[1:]:
                hit = T.classify(norm_path(w)[0]) if ("/" in w or w.startswith("~") or w.startswith(".")) else None
                if hit and hit[0] == "critical":
                    out.append(("exfiltration", 3, f"sends {w[:60]} over the network"))
                    break
    if "\x00" in low:
        out.append(("nul_byte", 2, "NUL byte in a command"))
    return out


# Programs whose arguments are themselves code or command lines: `;` inside them is theirs.
_TAKES_CODE = frozenset(
    "sh bash zsh dash ksh fish ash ssh su sudo doas watch xargs parallel find awk gawk mawk nawk sed perl python python2 python3 "
    "ruby node php lua docker podman kubectl eval exec env time nohup timeout tmux screen script expect git jq yq psql mysql "
    "sqlite3 echo printf grep rg egrep fgrep osascript powershell pwsh cmd makeself entr nix-shell flock su sg runuser".split()
)


def _inline_code(code: list[str], depth: int) -> list[Finding]:
    """`python -c CODE`, `node -e CODE`: the one-liner judged as code (its commands, decoders, sockets, paths)."""
    if not code:
        return []
    found = C.judge_code(code[0], lambda c: judge_command(c, depth=depth + 1))
    # a file named by a one-liner is judged like one named by `cat`: held (HIGH), as shell reads are
    return [(rule, min(sev, 2) if pattern == "sensitive_file" else sev, detail) for pattern, rule, sev, detail in found]


def _argument_injection(command: str) -> list[Finding]:
    """An argument that carries its own `;cmd` / `|cmd` / `$(...)`: built to break out of an inner quote."""
    out: list[Finding] = []
    for cmd in P.split(command)[:_MAX_SEGMENTS]:
        name, args, _ = P.command_name(cmd.words)
        if name in _TAKES_CODE:
            continue
        for arg in args:
            if _ARG_META.search(arg):
                for m in _SEPARATOR_CMD.finditer(arg):
                    if m.group(1).lower() in _STRONG_CMDS:
                        out.append(("argument_injection", 2, f"argument of {name} carries a chained {m.group(1)}"))
                        return out
    return out


def judge_value(value: str) -> list[Finding]:
    """A value that is not a command (filename, hostname, path): separators or substitutions running a program."""
    out: list[Finding] = []
    for n, m in enumerate(_SEPARATOR_CMD.finditer(value)):
        if n >= 64:  # bounded: each match is a Python-level call
            break
        word = m.group(1).lower()
        nxt = m.group(2) or ""
        # Words that are also English ("set", "type", "find") count only when what follows
        # looks like a command's argument (a flag, a path, a variable) or nothing follows.
        arg = nxt.strip().lower()
        if (
            word in _STRONG_CMDS
            or word.endswith(".exe")
            or (word in _COMMON_CMDS and (not arg or arg[:1] in "-/\\%$~'\"" or arg[1:3] == ":\\"))
            or (word in ("sleep", "ping", "timeout") and arg[:1].isdigit())
            or (word == "net" and arg in ("user", "view", "localgroup", "group", "share", "use", "start", "stop"))
        ):
            out.append(("command_injection", 3, f"value chains or substitutes a command ({word})"))
            break
    if not out and _SUBST_ANY.search(value):
        out.append(("command_substitution", 2, "command substitution in a value"))
    if _CODE_INJECT.search(value) or _SHELLSHOCK.search(value):
        out.append(("code_injection", 3, "interpreter code injected into a value"))
    if _SSTI.search(value) or _SSTI_ATTR.search(value):
        out.append(("template_injection", 2, "server-side template expression in a value"))
    if not out and _FLAG_TOKEN.search(value) and (_ABS_TOKEN.search(value) or any(w.lower() in _COMMON_CMDS for w in value.split()[1:4])):
        out.append(("command_in_value", 2, "a command line (program, flags, paths) inside a value that is not a command"))
    if out or _REVERSE.search(value):
        out.extend(judge_command(value, in_value=True))
    return out


_VALUE_GATE = regex.compile(r"(?i)[;|&`\n\r]|\$[({]|<\?|<!--|\{\{|\{%|\(\s*\)\s*\{|(?:system|eval|exec|passthru|phpinfo|phpversion)\s*\(|\s-{1,2}[a-z]")
# Every _VALUE_GATE alternative needs one of these characters (checked first: C-level, no regex call).
_VALUE_GATE_CHARS = frozenset(";|&`\n\r$<{(-")
# Whether a command line can produce any finding at all; absent, it is not tokenised. The
# base alternatives cover separators, substitution and the programs the segment rules read;
# the host rules contribute their own whole-line patterns, so a rule and its gate cannot drift.
_CMD_GATE_BASE = (
    r"(?i)[;|&`>\n]|\$\(|\{\{|\{\$|\{%|<!--|(?:system|exec|eval|passthru)\s*\(|\b(?:rm|mkfs|dd|sudo|su|doas|chmod|chown|useradd|usermod"
    r"|passwd|crontab|systemctl|kubectl|terraform|git|net|nc|ncat|socat|python\d?|perl|ruby|php|node|wipefs|shred|fdisk|parted|format"
    r"|launchctl|tee|adduser|setcap|visudo|del|rmdir|remove-item|pkexec|runas|nsenter|chroot|iptables|ip6tables|nft|ufw|setenforce"
    r"|auditctl|unset|truncate|pkill|killall|service|chkconfig|update-rc\.d|eval|powershell|pwsh|iex|mimikatz|secretsdump\w*|lazagne"
    r"|pypykatz|killall5|halt|poweroff|shutdown|reboot|csrutil|spctl|vssadmin|wbadmin|bcdedit)\b"
    r"|\b(?:docker|podman|nerdctl)\b.*\s(?:--privileged|-v|--volume|--mount|--pid|--ipc|--uts|--userns|--cgroupns|--cap-add|--security-opt|--device)\b"
    r"|\b(?:history\s+-[cw]|set\s+\+o\s+history)\b|hist\w*=|\bkill\s+(?:-\S+\s+)*-1\b|\binit\s+[06]\b"
    r"|/dev/|<\?|<\(|\(\s*\)|\binet/tcp|\bsocket\b|\bxterm\b.*-display"
)
_CMD_GATE = regex.compile("|".join(
    [_CMD_GATE_BASE, r"\bfind\s+(?:/|~|\$HOME)\S*\s.*(?:-delete|-exec\s+rm)"]
    + [f"(?:{p})" for p in (_REVERSE.pattern, _FORK_BOMB.pattern, _SHELLSHOCK.pattern, _CODE_INJECT.pattern, _SSTI.pattern)]
    + [f"(?:{p})" for _, p in H.LINE_PATTERNS]
))


_WINDOW = 16_384
_MAX_SEGMENTS = 128


def _bounded(text: str) -> str:
    """Long commands are judged at both ends (bounded work); the middle of a megabyte is filler."""
    return text if len(text) <= 2 * _WINDOW else text[:_WINDOW] + "\n" + text[-_WINDOW:]


def _extra_command_findings(raw: str) -> list[Finding]:
    """Shapes of an injected command that tokenising alone misses."""
    out: list[Finding] = []
    if "." in raw:
        out.extend(_glued(raw))
    if "[" in raw and _TERM_HIDE.search(raw):
        out.append(("terminal_escape", 2, "terminal control sequence that moves the cursor or erases text (hides the command)"))
    if "<" in raw and _MARKUP.search(raw):
        out.append(("markup_injection", 2, "HTML/script markup echoed by a command (stored XSS)"))
    return out


def _targets(text: str) -> set[str]:
    """Sensitive files named by the path-like words of a line."""
    out: set[str] = set()
    for w in P.words_of(text)[:128]:
        if "/" in w or w.startswith("~"):
            hit = T.classify(norm_path(w)[0])
            if hit is not None:
                out.add(hit[1])
    return out


_MAIL_OPTION = regex.compile(r"[@\"]\S*\s+-[A-Za-z]{1,3}(?:\s|/|$)")
_MAIL_OPTION_STRONG = regex.compile(r"\s-(?:X|C|O|oQ|be)\s*[/\w]")
_ESCAPED_NL_PROGRAM = regex.compile(r"\\[nr]\s*(?:/usr)?/s?bin/[a-z]")
# Characters every obfuscation shell_deob undoes needs (quotes, `$`, `?`, backslash, braces).
_DEOB_CHARS = frozenset("$'\"?\\{")
_DEOB_ROLES = frozenset({Role.IDENT, Role.UNKNOWN, Role.PATH})
_GLUE_ROLES = frozenset({Role.IDENT, Role.UNKNOWN, Role.PATH, Role.URL, Role.KEY})


def _programs(text: str) -> list[str]:
    return [P.command_name(c.words)[0] for c in P.split(text)[:32]]


def _deobfuscated(raw: str, found: list[Finding], in_value: bool) -> list[Finding]:
    """Judge what an obfuscated line really runs; hiding anything dangerous is an attack in itself."""
    if len(raw) > D.MAX_LEN:
        # a long line is read at both ends (filler in front must not hide an obfuscated tail)
        return _deobfuscated(raw[: D.MAX_LEN], found, in_value) or _deobfuscated(raw[-D.MAX_LEN :], found, in_value)
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


def _code_signals(code: str, pointer: str) -> list[Signal]:
    best: dict[str, tuple[str, str, int, str]] = {}
    for f in C.judge_code(code, judge_command):
        if f[0] not in best or f[2] > best[f[0]][2]:
            best[f[0]] = f
    return [Signal(pattern, rule, detail, RiskLevel(sev), pointer) for pattern, rule, sev, detail in best.values()]


def _argv_commands(ctx: ScanContext) -> list[tuple[str, str]]:
    """Commands given as an argv array (`{"command": ["rm", "-rf", "/"]}`, `{"cmd": "rm", "args": [...]}`).

    Each element alone looks harmless; the program runs them together, so they are judged
    joined (shell-quoted) as one command line, reported at the array's pointer.
    """
    arrays: dict[str, list[tuple[int, str]]] = {}
    scalars: dict[str, list[str]] = {}
    for frag in ctx.fragments:
        if frag.role != Role.SHELL or frag.is_key:
            continue
        parent, _, last = frag.path.rpartition("/")
        if last.isdigit():
            arrays.setdefault(parent, []).append((int(last), frag.raw))
        else:
            scalars.setdefault(parent, []).append(frag.raw)
    out: list[tuple[str, str]] = []
    for pointer, items in arrays.items():
        argv = [text for _, text in sorted(items)]
        owner = pointer.rpartition("/")[0]
        head = [] if pointer in scalars else scalars.get(owner, [])  # a sibling "cmd" string leads
        out.append((pointer, shlex.join(head[:1] + argv)))
    return out


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode != "call":
        return []
    signals: list[Signal] = []
    for pointer, command in _argv_commands(ctx):
        if shell_sql.maybe(command):
            signals.extend(shell_sql.signals(command[:8192], pointer))
        found = judge_command(_bounded(command))
        if found:
            rule, sev, detail = max(found, key=lambda f: f[1])
            signals.append(Signal(PATTERN, rule, detail + " (argv array judged as one command)", RiskLevel(sev), pointer))
    words = ctx.tool_words
    for frag in ctx.fragments:
        role = frag.role
        raw = frag.raw
        if not raw or role is Role.TEXT or role is Role.SQL:
            continue
        if len(raw) > 2 * _WINDOW:
            raw = _bounded(raw)
        if role is Role.CONTENT:
            if not frag.is_key and is_code_runner(words, frag.name):
                # code a runner will execute: judged as code (its commands, decoders, sockets, paths)
                signals.extend(_code_signals(raw, frag.path))
            continue
        if role is Role.EMAIL:
            if not frag.is_key and " -" in raw and _MAIL_OPTION.search(raw):
                # `a@b.com -X /var/www/html/x.php`: an address handed to sendmail's command line carries
                # an option (-X writes a log file anywhere: a web shell; -C/-O swap its config)
                strong = _MAIL_OPTION_STRONG.search(raw) is not None
                signals.append(Signal(PATTERN, "mail_argument_injection", "a mail address carries a sendmail option",
                                      RiskLevel.CRITICAL if strong else RiskLevel.HIGH, frag.path))
            continue
        # Keys are judged like values: a payload may ride in an object key.
        if role is Role.SHELL:
            if shell_sql.maybe(raw):
                signals.extend(shell_sql.signals(raw[:8192], frag.path))
            found = judge_command(raw) if _CMD_GATE.search(raw) else []
            found += _extra_command_findings(raw)
            if not _DEOB_CHARS.isdisjoint(raw):
                found += _deobfuscated(raw, found, in_value=False)
            if not found and ("\\n" in raw or "\\r" in raw):
                # A literal `\n` in a payload is a newline once some layer unescapes it.
                unescaped = raw.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n")
                found = [(r, min(s, 2), d + " (after \\n unescaping)") for r, s, d in judge_command(unescaped)]
                if not found and _ESCAPED_NL_PROGRAM.search(raw):
                    # `..."\n/bin/ls -al\n"`: an escaped newline then a program by its system path
                    found = [("escaped_newline_command", 2, "a literal \\n followed by a system program (a second command smuggled in)")]
        else:
            found = []
            forms = [f if len(f) <= 2 * _WINDOW else _bounded(f) for f in frag.all_forms[:4]]
            if not frag.is_key and "|" in raw and is_pattern_arg(frag.name):
                # a regex's `|` is alternation: judge what else the value carries (`;`, `$(`, backticks)
                forms = [f.replace("|", " ") for f in forms]
            if "\\n" in raw or "\\r" in raw:
                forms.append(raw.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n"))
            for form in forms:
                if not _VALUE_GATE_CHARS.isdisjoint(form) and _VALUE_GATE.search(form):
                    found = judge_value(form)
                    if found:
                        break
            if role in _DEOB_ROLES and not _DEOB_CHARS.isdisjoint(raw):
                found += _deobfuscated(raw, found, in_value=True)
            if not found and "." in raw and role in _GLUE_ROLES:
                found = _glued(raw)
                if not found and _MARKUP.search(raw):
                    found = [("markup_injection", 2, "HTML/script markup in a name")]
        if found:
            rule, sev, detail = max(found, key=lambda f: f[1])
            others = sorted({r for r, _, _ in found if r != rule})
            if others:
                detail += f" (also: {', '.join(others)})"
            signals.append(Signal(PATTERN, rule, detail, RiskLevel(sev), frag.path))
    return signals
