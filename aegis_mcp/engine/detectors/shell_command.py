"""Judging one command line: whole-line patterns, then each simple command, substitutions and data flow.

The line is parsed once (shell_parse.parse, cached for short lines) and every rule reads the
same segments: a line used to be tokenised up to four times (argument injection, segments,
substitutions, exfiltration). Cheap character tests skip the rules a line cannot trigger
(no `;|&` or backtick in any argument -> no argument injection; no `$(` or backtick -> no
substitutions), and verdicts of short lines are remembered: agents repeat their commands.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import path_targets as T
from aegis_mcp.engine.detectors import shell_code as C
from aegis_mcp.engine.detectors import shell_host as H
from aegis_mcp.engine.detectors import shell_parse as P
from aegis_mcp.engine.detectors.shell_exec_opts import GATE_PATTERN as EXEC_OPTS_GATE
from aegis_mcp.engine.detectors.shell_exec_opts import exec_option_findings
from aegis_mcp.engine.detectors.shell_windows import GATE_PATTERN as WINDOWS_GATE
from aegis_mcp.engine.detectors.shell_windows import windows_findings
from aegis_mcp.engine.detectors.paths import normalise as norm_path
from aegis_mcp.engine.detectors import shell_wrap as WRAP
from aegis_mcp.engine.detectors.shell_segment import _INTERP_FLAGS, _NET, _REVERSE, segment_findings
from aegis_mcp.engine.memo import bounded_put

Finding = tuple[str, int, str]

# Program names that are not also everyday words: after a separator they mean a command.
STRONG_CMDS = frozenset(
    "id whoami uname ls cat wget curl nc ncat netcat bash sh zsh powershell pwsh perl python python3 php ruby nslookup "
    "chmod chown mkdir netstat ifconfig ipconfig sudo systeminfo sysinfo tasklist telnet tftp certutil bitsadmin wmic "
    "printenv pwd nohup crontab useradd chpasswd mkfs netsh setenforce iptables ip6tables ufw nsenter auditctl systemctl "
    "wevtutil vssadmin chroot socat mkfifo".split()
)

_LOOP = regex.compile(r"\b(?:do|done|then|fi)\b")  # `while ...; do ...; sleep 1; done` is a loop, not a probe
_GLUED_SUBST = regex.compile(r"[\w.\])]\$\(|[\w.\])]`[^`\s]")
# An argument carrying `;`, `|`, `&`, a backtick or `$(` (tested by characters: no regex call per argument).
_ARG_META_CHARS = frozenset(";|&`")
_CONCRETE_PORT = regex.compile(r"(?:\s|:|=|,|['\"]|/dev/(?:tcp|udp)/[^/\s]+/|/inet/tcp/\d+/[^/\s]+/)\d{2,5}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b")
_PLAIN_OR_IP_URL = regex.compile(r"(?i)\bhttp://|://\d{1,3}(?:\.\d{1,3}){3}|://\[|://0x")
# A function whose body pipes into itself and backgrounds: `:(){ :|:& };:` (RE2 has no
# back-references, so "itself" is approximated by "a pipe and a & inside the body").
FORK_BOMB = regex.compile(r"[\w:]+\s*\(\s*\)\s*\{[^}]*\|[^}]*&[^}]*\}\s*;")
SHELLSHOCK = regex.compile(r"\(\s*\)\s*\{\s*:?\s*;?\s*\}\s*;")
CODE_INJECT = regex.compile(
    r"(?i)<\?php|<\?=|\$\{@?(?:print|system|eval|phpinfo)|(?:system|passthru|shell_exec|popen|proc_open|eval|assert|exec)\s*\(\s*['\"$]"
    r"|phpinfo\s*\(\s*\)|phpversion\s*\(|\bRuntime\.getRuntime\(\)\.exec|<!--\s*#\s*exec\b|\{\$_(?:get|post|request|cookie)\[|\{\$\{\w+\("
)
# Server-side template probes: {{7*7}}, {{ func(...) }}, {% ... %}.
SSTI = regex.compile(r"\{\{\s*\d+\s*[-+*/]\s*\d+\s*\}\}|\{\{[^{}]*\w\s*\([^{}]*\}\}|\{%[^%]*%\}|\$\{\s*\d+\s*[-+*/]\s*\d+\s*\}")
SEPARATOR_CMD = regex.compile(r"(?i)(?:;|\|\|?|&&?|\n|\r|`|\$\()\s*(?:[\w./\\-]*[/\\])?([a-z][\w.-]*)([ \t]+\S+)?")

# The whole-line patterns judge_command asks about, answered in one RE2 set pass instead of
# one search each (only whether each occurs is used).
_LINE_SET = regex.PatternSet([
    ("reverse", _REVERSE.pattern), ("fork_bomb", FORK_BOMB.pattern), ("shellshock", SHELLSHOCK.pattern),
    ("code_inject", CODE_INJECT.pattern), ("ssti", SSTI.pattern), ("loop", _LOOP.pattern),
    ("plain_url", _PLAIN_OR_IP_URL.pattern), ("glued_subst", _GLUED_SUBST.pattern),
    ("hex_escape", r"\\x[0-9a-fA-F]{2}|\\[0-3][0-7]{2}"),
] + H.LINE_PATTERNS)
_LINE_FLAGS = frozenset({"loop", "plain_url", "hex_escape"})
_HOST_FLAGS = frozenset(name for name, _ in H.LINE_PATTERNS)

MAX_SEGMENTS = 128

# Verdicts of short lines (judge_command is pure): a proxy sees the same commands again and the
# detector itself re-asks about a line (after undoing obfuscation or `\n` escapes). Cleared when full.
_MEMO: dict[tuple[str, bool, int], tuple[Finding, ...]] = {}
_MEMO_MAX_CHARS = 1024
_MEMO_SIZE = 2048


def judge_command(command: str, *, in_value: bool = False, depth: int = 0) -> list[Finding]:
    """Findings for a command line (`in_value`: it was smuggled into a value that is not a command)."""
    if len(command) > _MEMO_MAX_CHARS:
        return _judge(command, in_value, depth)
    key = (command, in_value, depth)
    hit = _MEMO.get(key)
    if hit is None:
        hit = tuple(_judge(command, in_value, depth))
        bounded_put(_MEMO, key, hit, _MEMO_SIZE)
    return list(hit)


def _judge(command: str, in_value: bool, depth: int) -> list[Finding]:
    out: list[Finding] = []
    line = frozenset(_LINE_SET.matches(command))
    if line:
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
    segs = P.parse(command)[:MAX_SEGMENTS]
    if not in_value and (not _ARG_META_CHARS.isdisjoint(command) or "$(" in command):
        # (arguments are pieces of the line: without these characters none can carry a command)
        out.extend(_argument_injection(segs))
    if line and not line.isdisjoint(_HOST_FLAGS):
        out.extend(H.line_findings(command, in_value, line))
    # Whole-line facts computed once (not once per segment: a hostile line has hundreds).
    flags = line & _LINE_FLAGS
    pipeline: list[str] = []
    chained = False
    for seg in segs:
        cmd, name, args = seg.cmd, seg.name, seg.args
        if cmd.joined_by not in ("|", "|&"):
            pipeline = []
            chained = chained or bool(cmd.joined_by)
        out.extend(segment_findings(seg, pipeline, in_value, flags, chained))
        pipeline.append(name)
        if depth < 2 and name in _INTERP_FLAGS and _INTERP_FLAGS[name] in args:
            out.extend(_inline_code(args[args.index(_INTERP_FLAGS[name]) + 1 :][:1], depth))
        if depth < 2 and name in WRAP.WRAPPERS:
            inner = WRAP.inner_script(name, args)  # `sh -c '…'`, `eval '…'`, `cmd /c …`: what the wrapper runs
            if inner is not None:
                out.extend(judge_command(inner, in_value=in_value, depth=depth + 1))
    if segs and command.rstrip().endswith(("|", "&&", "||")):
        out.append(("dangling_operator", 2, "command ends in a dangling pipe or operator"))
    if "$(" in command or "`" in command:
        for body in P.substitutions(command):
            if any(s.name in _NET for s in P.parse(body)):
                out.append(("remote_substitution", 3, "command substitution runs a network command"))
    if "glued_subst" in line:
        out.append(("command_substitution", 2, "command substitution glued onto an argument"))
    # A sensitive file read and a network tool in one command line: exfiltration.
    if any(s.name in _NET for s in segs):
        for seg in segs:
            for w in seg.cmd.words[1:]:
                hit = T.classify(norm_path(w)[0]) if ("/" in w or w.startswith("~") or w.startswith(".")) else None
                if hit and hit[0] == "critical":
                    out.append(("exfiltration", 3, f"sends {w[:60]} over the network"))
                    break
    if "\x00" in command:
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


def _argument_injection(segs: tuple[P.Segment, ...]) -> list[Finding]:
    """An argument that carries its own `;cmd` / `|cmd` / `$(...)`: built to break out of an inner quote."""
    for seg in segs:
        if seg.name in _TAKES_CODE:
            continue
        for arg in seg.args:
            if not _ARG_META_CHARS.isdisjoint(arg) or "$(" in arg:
                for m in SEPARATOR_CMD.finditer(arg):
                    if m.group(1).lower() in STRONG_CMDS:
                        return [("argument_injection", 2, f"argument of {seg.name} carries a chained {m.group(1)}")]
    return []


# A command glued onto a host or file name with no separator (`example.comwhoami`,
# `photo.jpguname -a`, `project.gitcurl http://...`): the payload was appended to a value
# whose own separator was filtered away. Read as: known name ending, then a program name that
# ends the word. Endings are TLDs and common file types; programs are the ones injected first.
_GLUE_ENDINGS = "com|org|net|io|edu|gov|info|biz|local|git|jpg|jpeg|png|gif|bmp|pdf|txt|html?|php|aspx?|xml|json|zip"
_GLUE_PROGRAMS = (
    "whoami|uname|ls|dir|cat|type|echo|ping|sleep|wget|curl|nc|ncat|netcat|bash|sh|zsh|powershell|perl|python3?|php|ruby"
    "|nslookup|ifconfig|ipconfig|netstat|netsh|systeminfo|sysinfo|tasklist|pwd|which|reg|net|id|hostname|certutil|bitsadmin|wmic"
)
GLUED_CMD = regex.compile(r"(?i)\w\.(?:" + _GLUE_ENDINGS + r")(" + _GLUE_PROGRAMS + r")(?:$|[\s;&|<>])")
GLUED_LOOSE = r"(?i)\w\.(?:" + _GLUE_ENDINGS + r")(?:" + _GLUE_PROGRAMS + r")"  # GLUED_CMD without its word end (for gates)
# Terminal control sequences that move the cursor or erase text (`\033[2A`): they hide what a
# command really does from whoever reads it on a terminal. Colours (`\e[1m`) are not flagged.
TERM_HIDE = regex.compile(r"(?:\\033|\\x1b|\\e|\\u001b|\x1b)\[\d*[ABCDEFGHJKSTfu]")
# HTML/script markup in a command or a file/host name (`;echo '<script>...'`): stored XSS
# planted through a command, held for a human.
MARKUP = regex.compile(r"(?i)<script[\s>/]|<\s*img\b[^>]*\bon(?:error|load)\s*=|\bjavascript:")
MARKUP_LOOSE = r"(?i)<script|<\s*img|javascript:"  # MARKUP without word ends (for gates)


def glued(text: str) -> list[Finding]:
    """A program glued onto a name, re-judged as the command it would run."""
    m = GLUED_CMD.search(text)
    if m is None:
        return []
    rest = text[m.start(1) : m.start(1) + 2048]  # the glued command itself; bounded work
    inner = judge_command(rest, in_value=True)
    worst = max((f[1] for f in inner), default=0)
    return [("glued_command", max(2, worst), f"a command ({m.group(1)}) glued onto a name without a separator")] + inner


_PUBLIC_RECIPES = regex.compile(f"(?:{EXEC_OPTS_GATE})|(?:{WINDOWS_GATE})")


def extra_command_findings(raw: str) -> list[Finding]:
    """Shapes of an injected command that tokenising alone misses."""
    out: list[Finding] = []
    if "." in raw:
        out.extend(glued(raw))
    if "[" in raw and TERM_HIDE.search(raw):
        out.append(("terminal_escape", 2, "terminal control sequence that moves the cursor or erases text (hides the command)"))
    if "<" in raw and MARKUP.search(raw):
        out.append(("markup_injection", 2, "HTML/script markup echoed by a command (stored XSS)"))
    if _PUBLIC_RECIPES.search(raw) is not None:  # (one search for both modules' gates)
        out.extend(exec_option_findings(raw))  # options that make a program run a command (git --upload-pack, ssh -o ProxyCommand)
        out.extend(windows_findings(raw))  # cmd.exe / LOLBAS recipes, download-then-run
    return out
