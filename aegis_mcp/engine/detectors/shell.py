"""shell_injection detector: judges tokenised commands, not raw metacharacters.

In a command (Role.SHELL) chaining and pipes are normal; what is judged is what runs:
downloads piped to a shell, reverse shells, destructive and persistence commands, privilege
changes, recon chained after a command. In a value that is *not* a command (a filename, a
hostname, a path) any command separator or substitution followed by a program is injection.
File content (Role.CONTENT) is data: a `;` in a source file being written means nothing,
but the code a code runner will *execute* is judged as code (shell_code.py).

Helpers: shell_command (one command line), shell_value (commands smuggled into values,
obfuscation undone), shell_parse (tokenising), shell_segment (rules per simple command),
shell_host (containers, defence evasion, PowerShell, LOLBins, miners), shell_deob (undoing
obfuscation), shell_sql (SQL handed to database clients, judged by the SQL detector).
"""

from __future__ import annotations

import shlex

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import shell_code_delete as CD
from aegis_mcp.engine.detectors import shell_optinject as OI
from aegis_mcp.engine.detectors import shell_env
from aegis_mcp.engine.detectors import shell_template as TPL
from aegis_mcp.engine.detectors import shell_code as C
from aegis_mcp.engine.detectors import shell_split as SPLIT
from aegis_mcp.engine.detectors import shell_deob as D
from aegis_mcp.engine.detectors import shell_host as H
from aegis_mcp.engine.detectors import shell_sql
from aegis_mcp.engine.detectors.paths import shell_line_paths
from aegis_mcp.engine.detectors.base import R_CONTENT, R_EMAIL, R_PATH, R_SHELL, R_SQL, R_TEXT, Role, ScanContext
from aegis_mcp.engine.detectors.shell_command import (
    CODE_INJECT,
    FORK_BOMB,
    GLUED_LOOSE,
    MARKUP_LOOSE,
    SHELLSHOCK,
    SSTI,
    Finding,
    extra_command_findings,
    judge_command,
)
from aegis_mcp.engine.detectors.shell_segment import _REVERSE
from aegis_mcp.engine.detectors.shell_value import DEOB_CHARS, WINDOW, deobfuscated, none_of, unescape_nl, value_findings
from aegis_mcp.engine.detectors.shell_value import gate_patterns as value_gate_patterns
from aegis_mcp.engine.gates import Gate
from aegis_mcp.engine.model import RiskLevel, Signal
from aegis_mcp.engine.roles import is_code_runner

PATTERN = "shell_injection"

__all__ = ["GATE", "PATTERN", "detect", "judge_command"]

# Whether a command line can produce any finding at all; absent, it is not tokenised. The
# base alternatives cover separators, substitution and the programs the segment rules read;
# the host rules contribute their own whole-line patterns, so a rule and its gate cannot drift.
_CMD_GATE_BASE = (
    r"(?i)[;|&`>\n]|\$\(|\{\{|\{\$|\{%|<!--|(?:system|exec|eval|passthru)\s*\(|\b(?:rm|mkfs|dd|sudo|su|doas|chmod|chown|useradd|usermod|userdel|groupdel|groupadd|chpasswd"
    r"|passwd|crontab|systemctl|kubectl|terraform|git|net|nc|ncat|socat|python\d?|perl|ruby|php|node|wipefs|shred|fdisk|parted|format"
    r"|launchctl|tee|adduser|setcap|visudo|del|rmdir|remove-item|pkexec|runas|nsenter|chroot|iptables|ip6tables|nft|ufw|setenforce"
    r"|auditctl|unset|truncate|pkill|killall|service|chkconfig|update-rc\.d|eval|powershell|pwsh|iex|mimikatz|secretsdump\w*|lazagne"
    r"|pypykatz|killall5|halt|poweroff|shutdown|reboot|csrutil|spctl|vssadmin|wbadmin|bcdedit)\b"
    r"|\b(?:docker|podman|nerdctl)\b.*\s(?:--privileged|-v|--volume|--mount|--pid|--ipc|--uts|--userns|--cgroupns|--cap-add|--security-opt|--device)\b"
    r"|\b(?:history\s+-[cw]|set\s+\+o\s+history)\b|hist\w*=|\bkill\s+(?:-\S+\s+)*-1\b|\binit\s+[06]\b"
    r"|/dev/|<\?|<\(|\(\s*\)|\binet/tcp|\bsocket\b|\bxterm\b.*-display"
)
_CMD_GATE = "|".join(
    [_CMD_GATE_BASE, r"\bfind\s+(?:/|~|\$HOME)\S*\s.*(?:-delete|-exec\s+rm)",
     # `mv /bin /tmp/`: a system tree moved away (shell_segment._SYSTEM_TREE)
     r"(?i)\bmv\b.*(?:^|[\s\"'])/+(?:(?:usr/+(?:local/+)?)?(?:s?bin|lib(?:32|64|exec)?)|usr|etc|boot|var|root|home|dev|proc|sys|opt)?/*\*?(?:[\"'\s]|$)"]
    + [f"(?:{p})" for p in (_REVERSE.pattern, FORK_BOMB.pattern, SHELLSHOCK.pattern, CODE_INJECT.pattern, SSTI.pattern)]
    + [f"(?:{p})" for _, p in H.LINE_PATTERNS]
)

_MAIL_OPTION = regex.compile(r"[@\"]\S*\s+-[A-Za-z]{1,3}(?:\s|/|$)")
_MAIL_OPTION_LOOSE = r"[@\"]\S*\s+-[A-Za-z]"  # _MAIL_OPTION without its end (for the gate)
_MAIL_OPTION_STRONG = regex.compile(r"\s-(?:X|C|O|oQ|be)\s*[/\w]")
_ESCAPED_NL_PROGRAM = regex.compile(r"\\[nr]\s*(?:/usr)?/s?bin/[a-z]")
_FORMULA_LEAD = frozenset("=+@-")
# a script being written (shell._writes_script): its target's extension, or its `#!` line
_SCRIPT_PATH = regex.compile(r"(?i)\.(?:sh|bash|zsh|ksh|ps1|psm1|bat|cmd)\s*$")
SCRIPT_GATE_PATTERN = r"(?im)^#!|\.(?:sh|bash|zsh|ksh|ps1|psm1|bat|cmd)\s*$"
_SCRIPT_WRITE_WORDS = frozenset({"write", "create", "save", "put", "append", "edit", "upload", "update", "replace", "patch"})
# roles.is_code_runner needs one of these words in the tool's name (tests/engine/test_shell_gate.py).
_CODE_RUNNER_WORDS = frozenset("run exec execute eval evaluate interpret sandbox repl".split())

# When detect() can say anything (a necessary condition, engine/gates.py): a command (Role.SHELL);
# code a runner will execute (a code-runner tool); otherwise a value carrying what an injected
# command needs (shell_value.gate_patterns: separators, substitutions, flags, a newline before a
# program, interpreter code, reverse shells), an escaped newline (`\\n`, unescaped and re-judged),
# an obfuscation shell_deob undoes, a program glued onto a name, markup, a sendmail option. Each
# is a rule's own test loosened (end anchors, word ends and trailing spans dropped, or just the
# literal every match starts with), so it matches the gate's newline-joined text wherever the
# rule matches a value or a window of one (shell_value.windows). tests/engine/test_shell_gate.py.
GATE = Gate(
    roles=frozenset({R_SHELL}),
    tool_words=_CODE_RUNNER_WORDS,
    patterns=(*value_gate_patterns(), r"\\[nr]", D.GATE_LOOSE, GLUED_LOOSE, MARKUP_LOOSE, _MAIL_OPTION_LOOSE, OI.OPTION_GATE_PATTERN, TPL.TEMPLATE_GATE_PATTERN, shell_env.ENV_GATE_PATTERN, SCRIPT_GATE_PATTERN,
              SPLIT.EVAL_GATE_PATTERN, SPLIT.SPLIT_GATE_PATTERN),
)


def _bounded(text: str) -> str:
    """Long commands are judged at both ends (bounded work); the middle of a megabyte is filler."""
    return text if len(text) <= 2 * WINDOW else text[:WINDOW] + "\n" + text[-WINDOW:]


_CMD_GATE_RX = regex.compile(_CMD_GATE)


def _command_findings(raw: str) -> list[Finding]:
    """Findings for a command string (Role.SHELL). Each family is looked for only when its own
    search (or character) says it can apply: separate searches, each stopping at its first
    match, cost ~20% fewer instructions on first-sight commands than one RE2 set over all of
    them (bench/dev/detect_callgrind.py --detector shell --ungated)."""
    found = judge_command(raw) if _CMD_GATE_RX.search(raw) else []
    found += extra_command_findings(raw)
    if not none_of(DEOB_CHARS, raw):
        found += deobfuscated(raw, found, in_value=False)
    if not found and ("\\n" in raw or "\\r" in raw):
        # A literal `\n` in a payload is a newline once some layer unescapes it.
        found = [(r, min(s, 2), d + " (after \\n unescaping)") for r, s, d in judge_command(unescape_nl(raw))]
        if not found and _ESCAPED_NL_PROGRAM.search(raw):
            # `..."\n/bin/ls -al\n"`: an escaped newline then a program by its system path
            found = [("escaped_newline_command", 2, "a literal \\n followed by a system program (a second command smuggled in)")]
    return found


def _code_signals(code: str, pointer: str) -> list[Signal]:
    best: dict[str, tuple[str, str, int, str]] = {}
    # what the spawned command line opens counts as much as in a command argument
    # (`os.system('cat ../../etc/shadow')` reads the same file as `cat ../../etc/shadow`)
    opened = [(pat, "code_" + rule, sev, f"code runs a command that {detail}")
              for cmd in C.commands_in(code[:C._MAX_CODE]) for pat, rule, sev, detail in shell_line_paths(cmd)]
    for f in [*C.judge_code(code, _command_findings), *CD.findings(code), *opened]:
        if f[0] not in best or f[2] > best[f[0]][2]:
            best[f[0]] = f
    return [Signal(pattern, rule, detail, RiskLevel(sev), pointer) for pattern, rule, sev, detail in best.values()]


def _argv_commands(ctx: ScanContext) -> list[tuple[str, str]]:
    """Commands given as an argv array (`{"command": ["rm", "-rf", "/"]}`, `{"cmd": "rm", "args": [...]}`).

    Each element alone looks harmless; the program runs them together, so they are judged
    joined (shell-quoted) as one command line, reported at the array's pointer.
    """
    for f in ctx.fragments:  # (a loop, not any(<generator>): this runs on every call)
        if f.role is R_SHELL and not f.is_key and f.path[-1:].isdigit():
            break
    else:
        return []  # no array of command words (the common case: one command string)
    arrays: dict[str, list[tuple[int, str]]] = {}
    scalars: dict[str, list[str]] = {}
    for frag in ctx.fragments:
        if frag.role != R_SHELL or frag.is_key:
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




def _writes_script(ctx: ScanContext, content: str) -> bool:
    """A write tool whose content is a script: a `#!` line, or a target named like one."""
    if not ctx.tool_words & _SCRIPT_WRITE_WORDS:
        return False
    if content.lstrip()[:2] == "#!":
        return True
    return any(f.role is R_PATH and not f.is_key and _SCRIPT_PATH.search(f.raw) for f in ctx.fragments)


def _script_signals(script: str, pointer: str) -> list[Signal]:
    """The CRITICAL commands of a script being written (each line judged as a command), held at HIGH."""
    for n, line in enumerate(_bounded(script).splitlines()):
        if n >= 400:
            break
        line = line.strip()
        if not line or line[0] == "#":
            continue
        worst = [f for f in judge_command(line) if f[1] >= 3]
        if worst:
            rule, _sev, detail = worst[0]
            return [Signal(PATTERN, rule, detail + " (in a script being written)", RiskLevel.HIGH, pointer)]
    return []


def _split_option_signals(ctx: ScanContext) -> list[Signal]:
    """argv arrays whose option and value are separate words (`["--config", "core.sshCommand=…"]`)."""
    arrays: dict[str, list[tuple[int, str]]] = {}
    for frag in ctx.fragments:
        if frag.is_key or frag.raw[:1] != "-" and not arrays:
            continue
        parent, _, last = frag.path.rpartition("/")
        if last.isdigit():
            arrays.setdefault(parent, []).append((int(last), frag.raw))
    out: list[Signal] = []
    for pointer, items in arrays.items():
        argv = [text for _, text in sorted(items)][:64]
        for rule, sev, detail in OI.split_options(argv)[:1]:
            out.append(Signal(PATTERN, rule, detail + " (option and value in separate argv words)", RiskLevel(sev), pointer))
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
    signals.extend(_split_option_signals(ctx))
    signals.extend(shell_env.findings(ctx))  # NODE_OPTIONS=--require …, LD_PRELOAD=… in an env mapping
    signals.extend(SPLIT.findings(ctx, judge_command, _code_signals))  # program + args + pipe_to; evaluated expressions
    words = ctx.tool_words
    for frag in ctx.fragments:
        role = frag.role
        raw = frag.raw
        if "__" in raw or "untime" in raw or "ProcessB" in raw:
            hit = TPL.template_exploit(raw, frag.name) if not frag.is_key and role is not R_SHELL else None
            if hit is not None:
                signals.append(Signal(PATTERN, hit[0], hit[2], RiskLevel(hit[1]), frag.path))
        if not frag.is_key and role is not R_CONTENT and ("${" in raw or "!!" in raw or "!ruby" in raw or raw[:1] in _FORMULA_LEAD
                                                         or (raw[:1] in " \t" and raw.lstrip()[:1] in _FORMULA_LEAD)
                                                         or (len(frag.forms) > 1 and TPL.pickle_hint(frag.forms))):
            reach = TPL.code_reaching(raw, frag.all_forms)  # ${jndi:…}, =cmd|…, !!python/object, a pickle
            if reach is not None:
                signals.append(Signal(PATTERN, reach[0], reach[2], RiskLevel(reach[1]), frag.path))
        if not raw or role is R_TEXT or role is R_SQL:
            if role is R_TEXT and raw[:1] == "-" and not frag.is_key and (OI.ATTACHED.search(raw) is not None or OI.runs(raw)):
                # (a value with spaces reads as text: `--config=core.pager=sh -c id` as a branch name; in
                # text an option with its value attached counts in full: prose says "--exec is a flag"; one
                # whose value follows after a space (`-exec rm {} +` as a find tool's extra options) is HIGH)
                attached = OI.ATTACHED.search(raw) is not None
                for rule, sev, detail in OI.option_injection(raw)[:1]:
                    signals.append(Signal(PATTERN, rule, detail, RiskLevel(sev if attached else min(sev, 2)), frag.path))
            continue
        if role is R_SHELL:
            raw = _bounded(raw)
            if shell_sql.maybe(raw):
                signals.extend(shell_sql.signals(raw[:8192], frag.path))
            found = _command_findings(raw)
            if not found and "base64" in frag.flags and len(frag.forms) > 1:
                # a command given base64-encoded (cloud-init user data is, by API contract): the
                # decoded script is what runs, line by line
                found = SPLIT.decoded_script_findings(frag.forms[1:], judge_command)
        elif role is R_CONTENT:
            if not frag.is_key and is_code_runner(words, frag.name):
                # code a runner will execute: judged as code (its commands, decoders, sockets, paths)
                signals.extend(_code_signals(_bounded(raw), frag.path))
            elif not frag.is_key and _writes_script(ctx, raw):
                # a script written now and run later (the payload split over two calls): its worst
                # commands hold the write; the ordinary ones (`rm -rf ./dist`) of a build script do not
                signals.extend(_script_signals(raw, frag.path))
            continue
        elif role is R_EMAIL:
            if not frag.is_key and " -" in raw and _MAIL_OPTION.search(raw):
                # `a@b.com -X /var/www/html/x.php`: an address handed to sendmail's command line carries
                # an option (-X writes a log file anywhere: a web shell; -C/-O swap its config)
                strong = _MAIL_OPTION_STRONG.search(raw) is not None
                signals.append(Signal(PATTERN, "mail_argument_injection", "a mail address carries a sendmail option",
                                      RiskLevel.CRITICAL if strong else RiskLevel.HIGH, frag.path))
            continue
        else:
            # Keys are judged like values: a payload may ride in an object key.
            found = value_findings(frag)
            if not frag.is_key and raw[:1] in "- \t'\"":
                found = found + OI.option_injection(raw)  # `--upload-pack=...` as a repo URL: an option, not a value
        if found:
            rule, sev, detail = max(found, key=lambda f: f[1])
            others = sorted({r for r, _, _ in found if r != rule})
            if others:
                detail += f" (also: {', '.join(others)})"
            signals.append(Signal(PATTERN, rule, detail, RiskLevel(sev), frag.path))
    return signals
