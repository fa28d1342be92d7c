"""shell_injection detector: judges tokenised commands, not raw metacharacters.

In a command (Role.SHELL) chaining and pipes are normal; what is judged is what runs:
downloads piped to a shell, reverse shells, destructive and persistence commands, privilege
changes, recon chained after a command. In a value that is *not* a command (a filename, a
hostname, a path) any command separator or substitution followed by a program is injection.
File content (Role.CONTENT) is data: a `;` in a source file being written means nothing.
"""

from __future__ import annotations

import shlex

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import path_targets as T
from aegis_mcp.engine.detectors import shell_parse as P
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.paths import normalise as norm_path
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "shell_injection"
Finding = tuple[str, int, str]

_SHELLS = frozenset("sh bash zsh dash ksh csh tcsh fish ash busybox python python2 python3 perl ruby php node nodejs lua pwsh powershell iex cmd cmd.exe invoke-expression".split())
_FETCHERS = frozenset("curl wget fetch lwp-download aria2c http httpie nc ncat netcat socat tftp ftp scp invoke-webrequest iwr".split())
_DECODERS = frozenset("base64 base32 xxd openssl gunzip zcat uudecode rev".split())
_NET = frozenset("curl wget nc ncat netcat socat scp sftp ftp tftp rsync ssh telnet sendmail mail".split())
_RECON = frozenset("id whoami uname hostname ifconfig ipconfig netstat systeminfo sysinfo ver getuid env printenv set".split())
_INTERP_FLAGS = {"python": "-c", "python2": "-c", "python3": "-c", "perl": "-e", "ruby": "-e", "php": "-r", "node": "-e", "lua": "-e"}
# Program names that are not also everyday words: after a separator they mean a command.
_STRONG_CMDS = frozenset(
    "id whoami uname ls cat wget curl nc ncat netcat bash sh zsh powershell pwsh perl python python3 php ruby nslookup "
    "chmod chown mkdir netstat ifconfig ipconfig sudo systeminfo sysinfo tasklist telnet tftp certutil bitsadmin wmic "
    "printenv pwd nohup crontab useradd chpasswd mkfs netsh".split()
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
_REMOTE_HINT = regex.compile(r"(?i)\b(?:curl|wget|nc|ncat|socat|bash\s+-i)\b|/dev/(?:tcp|udp)/|https?://")
_CONCRETE_PORT = regex.compile(r"(?:\s|:|/dev/(?:tcp|udp)/[^/\s]+/)\d{2,5}\b")
_NO_STDIN = frozenset("id whoami uname ls dir pwd hostname ifconfig ipconfig netstat systeminfo sysinfo net netsh type ping sleep nslookup reg which echo wget".split())
_SYSTEMISH = regex.compile(r"(?i)^(?:/|/(?:etc|var|root|home|tmp|usr|proc|boot)(?:/.*)?|[a-z]:\\.*|[a-z]:/.*|%\w+%.*|\\.*)$")
_PLAIN_OR_IP_URL = regex.compile(r"(?i)\bhttp://|://\d{1,3}(?:\.\d{1,3}){3}|://\[|://0x")
_REVERSE = regex.compile(r"(?i)/dev/(?:tcp|udp)/|\b(?:nc|ncat|netcat)\b[^|;&]*\s-(?:[a-z]*e|c)\b|\bsocat\b.*\b(?:exec|system):|\bmkfifo\b.*\b(?:nc|ncat|netcat|telnet|openssl)\b|\bsocket\b.*\b(?:subprocess|pty\.spawn|dup2|/bin/(?:ba)?sh)|\bfsockopen\s*\(|\bTCPSocket\b|New-Object\s+System\.Net\.Sockets\.TCPClient")
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
_DEV_WRITE = regex.compile(r"^/dev/(?:sd[a-z]|hd[a-z]|nvme\d|xvd[a-z]|vd[a-z]|mmcblk\d|disk\d|mapper/)")
_ROOTISH = regex.compile(r"^(?:/|/\*|~|~/|~/\*|\$home/?|\$\{home\}/?|/(?:etc|usr|var|bin|sbin|lib|lib64|boot|home|root|opt|sys|proc|dev)/?\*?|\.\*?|c:[/\\]?\*?)$")
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


def _rm_findings(args: list[str]) -> list[Finding]:
    flags = "".join(a.lstrip("-") for a in args if a.startswith("-") and not a.startswith("--")) + " ".join(a for a in args if a.startswith("--"))
    recursive = "r" in flags.lower() or "recursive" in flags
    targets = [a for a in args if not a.startswith("-")]
    if any(_ROOTISH.search(t.lower()) for t in targets) and (recursive or "f" in flags):
        return [("destructive", 3, f"rm {' '.join(args)[:60]} deletes a root, home or system directory")]
    if recursive or "f" in flags:
        return [("destructive", 2, "recursive/forced delete")]
    return []


def _segment_findings(cmd: P.Simple, pipeline_prev: list[str], in_value: bool, flags: frozenset[str] = frozenset(), chained: bool = False) -> list[Finding]:
    name, args, elevated = P.command_name(cmd.words)
    out: list[Finding] = []
    joined = " ".join(args)
    if elevated:
        out.append(("privilege", 2, "runs with elevated privileges (sudo/su/doas)"))
    if name in _SHELLS and cmd.joined_by in ("|", "|&") and pipeline_prev:
        # Decoded bytes or a download over plain http / from a bare IP executed unseen: block.
        # An https installer piped to sh (rustup, brew) is common and is held for a human.
        decoded = any(p in _DECODERS for p in pipeline_prev)
        fetched = any(p in _FETCHERS for p in pipeline_prev)
        shady = fetched and ("plain_url" in flags or in_value or chained)
        out.append(("pipe_to_shell", 3 if decoded or shady else 2, f"{pipeline_prev[-1]} output piped into {name}"))
    if name in ("rm", "del", "rmdir", "rd", "remove-item"):
        out.extend(_rm_findings(args))
    elif name.startswith("mkfs") or name in ("wipefs", "shred", "fdisk", "parted", "sfdisk", "format", "diskpart"):
        out.append(("destructive", 2, f"{name} destroys a filesystem or disk"))
    elif name == "dd" and any(a.startswith("of=/dev/") for a in args):
        out.append(("destructive", 2, "dd writes a raw device"))
    elif name in ("chmod", "chown", "chgrp"):
        if any(a in ("-R", "--recursive") or a.startswith("-") and "R" in a for a in args) and any(_ROOTISH.search(a.lower()) for a in args if not a.startswith("-")):
            out.append(("destructive", 3, f"recursive {name} of a root or system directory"))
        elif any(a in ("777", "4755", "u+s", "+s", "a+rwx") for a in args):
            out.append(("privilege", 2, f"{name} grants broad or setuid permissions"))
    elif name in ("useradd", "adduser", "usermod", "userdel", "passwd", "chpasswd", "visudo", "setcap", "groupadd"):
        out.append(("privilege", 2, f"{name} changes accounts or privileges"))
    elif name == "net" and args[:1] and args[0].lower() in ("user", "localgroup", "group"):
        out.append(("privilege", 2 if len(args) < 3 else 3, "net user/localgroup (account changes or enumeration)"))
    elif name == "crontab" and not (args[:1] == ["-l"]):
        out.append(("persistence", 2, "crontab edits scheduled jobs"))
    elif name in ("systemctl", "launchctl", "update-rc.d", "chkconfig") and any(a in ("enable", "mask", "load", "bootstrap", "link") for a in args):
        out.append(("persistence", 2, f"{name} installs a service"))
    elif name == "kubectl" and args[:1] and args[0] in ("delete", "drain"):
        out.append(("destructive", 2, f"kubectl {args[0]} changes a live cluster"))
    elif name in ("terraform", "pulumi") and args[:1] and args[0] == "destroy":
        out.append(("destructive", 2, f"{name} destroy"))
    elif name == "git" and "push" in args and any(a in ("-f", "--force", "--force-with-lease", "--mirror") for a in args):
        out.append(("destructive", 2, "git force-push rewrites remote history"))
    if name in _INTERP_FLAGS and _INTERP_FLAGS[name] in args and _REVERSE.search(joined):
        out.append(("reverse_shell", 3, f"{name} one-liner opens a socket shell"))
    for op, target in cmd.redirs:
        t = target.lower()
        if _DEV_WRITE.search(t) and ">" in op:
            out.append(("destructive", 3, f"redirect overwrites raw device {target}"))
        if ">" in op and T.PERSISTENCE_TARGETS.search(norm_path(t)[0]):
            # Appending a key to authorized_keys is a backdoor; a shell-profile line is held
            # unless what it adds fetches or connects (`curl ... | sh`, /dev/tcp) .
            backdoor = "authorized_keys" in t or _REMOTE_HINT.search(joined) is not None or in_value
            out.append(("persistence", 3 if backdoor else 2, f"writes {target} (shell profile, authorized_keys, cron)"))
    if name == "tee" and any(T.PERSISTENCE_TARGETS.search(norm_path(a.lower())[0]) for a in args if not a.startswith("-")):
        out.append(("persistence", 2, "tee into a persistence file"))
    if cmd.joined_by in ("|", "|&") and name in _NO_STDIN:
        # Piping into a program that never reads stdin (`| id`, `| dir`, `| net user`) is not a
        # pipeline at all: the pipe is being used as a command separator.
        out.append(("chained_recon", 2, f"pipe into {name}, which ignores its input (pipe used as a separator)"))
    elif cmd.joined_by in (";", "&", "&&", "||", "\n") and _is_probe(name, args, "loop" in flags):
        out.append(("chained_recon", 2, f"chained {name}: reconnaissance, payload or timing probe after another command"))
    return out


def _is_probe(name: str, args: list[str], loop: bool = False) -> bool:
    """What injected commands run first: identity, system info, listings of system dirs, timing, one-liners."""
    if name in _RECON or name in ("netsh", "reg", "pwd", "which", "whereis", "tasklist", "net", "nslookup", "route"):
        return True
    if name in _INTERP_FLAGS and _INTERP_FLAGS[name] in args:
        return True
    if name in ("sleep",) and any(a.isdigit() for a in args) and not loop:
        return True
    if name in ("ping",) and any(a in ("127.0.0.1", "localhost") for a in args):
        return True
    if name in ("ls", "dir", "cat", "type", "more", "find", "wget", "curl"):
        return name in ("wget", "curl") or (name == "dir" and not args) or any(_SYSTEMISH.search(a) for a in args if not a.startswith("-"))
    return False


# The whole-line patterns judge_command asks about, answered in one RE2 set pass instead of
# eight searches (only whether each occurs is used).
_LINE_SET = regex.PatternSet([
    ("reverse", _REVERSE.pattern), ("fork_bomb", _FORK_BOMB.pattern), ("shellshock", _SHELLSHOCK.pattern),
    ("code_inject", _CODE_INJECT.pattern), ("ssti", _SSTI.pattern), ("loop", _LOOP.pattern),
    ("plain_url", _PLAIN_OR_IP_URL.pattern), ("glued_subst", _GLUED_SUBST.pattern),
])
_LINE_FLAGS = frozenset({"loop", "plain_url"})


def judge_command(command: str, *, in_value: bool = False) -> list[Finding]:
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
    cmds = P.split(command)[:_MAX_SEGMENTS]
    # Whole-line facts computed once (not once per segment: a hostile line has hundreds).
    flags = line & _LINE_FLAGS
    pipeline: list[str] = []
    chained = False
    for cmd in cmds:
        name, _, _ = P.command_name(cmd.words)
        if cmd.joined_by not in ("|", "|&"):
            pipeline = []
            chained = chained or bool(cmd.joined_by)
        out.extend(_segment_findings(cmd, pipeline, in_value, flags, chained))
        pipeline.append(name)
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
_CMD_GATE = regex.compile(r"(?i)[;|&`>\n]|\$\(|\{\{|\{\$|\{%|<!--|(?:system|exec|eval|passthru)\s*\(|\b(?:rm|mkfs|dd|sudo|su|doas|chmod|chown|useradd|usermod|passwd|crontab|systemctl|kubectl|terraform|git|net|nc|ncat|socat|python\d?|perl|ruby|php|node|wipefs|shred|fdisk|parted|format|launchctl|tee|adduser|setcap|visudo|del|rmdir|remove-item|pkexec|runas)\b|/dev/|<\?|\(\s*\)")


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
        found = judge_command(_bounded(command))
        if found:
            rule, sev, detail = max(found, key=lambda f: f[1])
            signals.append(Signal(PATTERN, rule, detail + " (argv array judged as one command)", RiskLevel(sev), pointer))
    for frag in ctx.fragments:
        raw = _bounded(frag.raw)
        # Keys are judged like values: a payload may ride in an object key.
        if not raw or frag.role in (Role.CONTENT, Role.SQL, Role.TEXT, Role.EMAIL):
            continue
        if frag.role == Role.SHELL:
            found = judge_command(raw) if _CMD_GATE.search(raw) else []
            found += _extra_command_findings(raw)
            if not found and ("\\n" in raw or "\\r" in raw):
                # A literal `\n` in a payload is a newline once some layer unescapes it.
                unescaped = raw.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n")
                found = [(r, min(s, 2), d + " (after \\n unescaping)") for r, s, d in judge_command(unescaped)]
        else:
            found = []
            forms = [_bounded(f) for f in frag.all_forms[:4]]
            if "\\n" in raw or "\\r" in raw:
                forms.append(raw.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n"))
            for form in forms:
                if _VALUE_GATE.search(form):
                    found = judge_value(form)
                    if found:
                        break
            if not found and "." in raw and frag.role in (Role.IDENT, Role.UNKNOWN, Role.PATH, Role.URL, Role.KEY):
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
