"""The command a wrapper runs: `sh -c '<cmd>'`, `eval '<cmd>'`, `cmd /c <cmd>`, `powershell -Command <cmd>`, `watch`, `ssh host`, `find -exec sh -c`.

Wrapping a command in a shell that runs its argument hides nothing from bash, but a rule that reads
the program name (`rm`, `curl | sh`) sees only `sh` and a quoted word. `inner_script` gives the
script such a wrapper runs, so the caller judges it exactly as if it had been typed at the prompt
(judge_command recurses on it, depth-bounded). Pure string work on an already parsed segment.
"""

from __future__ import annotations

import shlex

# POSIX shells (and `su`, `script`) that take a script with -c (also in an option cluster: `-lc`, `-ec`)
_SHELLS = frozenset("sh bash dash zsh ksh ash mksh yash fish busybox su script".split())
# Programs that run their remaining words as a shell line (`watch 'cmd'`, `ssh host 'cmd'`), and
# `find … -exec CMD… ;` (only when CMD is itself a wrapper: `-exec rm {} +` is find's everyday use)
_WATCH = frozenset(("watch",))
_SSH = frozenset(("ssh",))
_FIND = frozenset(("find",))
_WATCH_VALUE_OPTS = frozenset(("-n", "--interval", "-q", "--equexit"))
_SSH_VALUE_OPTS = frozenset("-b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w".split())
_FIND_EXEC = frozenset(("-exec", "-execdir", "-ok", "-okdir"))
_CMD = frozenset(("cmd", "cmd.exe"))
_CMD_RUN = frozenset(("/c", "/k", "/r"))
_POWERSHELL = frozenset(("powershell", "powershell.exe", "pwsh", "pwsh.exe"))
# (PowerShell accepts any unambiguous prefix of -Command; -c and -com are the common spellings)
_PS_COMMAND = frozenset(("-c", "-co", "-com", "-comm", "-comma", "-comman", "-command", "/c", "/command"))
_EVAL = frozenset(("eval",))
WRAPPERS = _SHELLS | _CMD | _POWERSHELL | _EVAL | _WATCH | _SSH | _FIND
MAX_SCRIPT = 4096
_MAX_OPTIONS = 4


def _c_option(arg: str) -> bool:
    """`-c`, or a short-option cluster holding c (`-lc`, `-ec`); never a long option."""
    return len(arg) >= 2 and arg[0] == "-" and arg[1] != "-" and "c" in arg[1:] and arg[1:].isalpha()


def _after_options(args: list[str], value_opts: frozenset[str], hosts: bool) -> str | None:
    """The words after the options (and, for ssh, after the host), joined as the line they run."""
    i, n = 0, len(args)
    while i < n and args[i].startswith("-") and len(args[i]) > 1:
        i += 2 if args[i] in value_opts else 1
    if hosts:
        i += 1  # ssh [user@]host COMMAND…
    return " ".join(args[i:]) if i < n else None


def inner_script(name: str, args: list[str]) -> str | None:
    """The script `name args...` runs as a command line, or None when it is no such wrapper."""
    if name not in WRAPPERS or not args:
        return None
    if name == "busybox":  # `busybox sh -c '…'`
        return inner_script(args[0].lower(), args[1:]) if args[0].lower() in _SHELLS - {"busybox"} else None
    if name in _EVAL:
        script = " ".join(args)
    elif name in _WATCH or name in _SSH:
        script = _after_options(args, _WATCH_VALUE_OPTS if name in _WATCH else _SSH_VALUE_OPTS, hosts=name in _SSH)
        if script is None:
            return None
    elif name in _FIND:
        at = next((i for i, a in enumerate(args) if a in _FIND_EXEC), -1)
        if at < 0 or at + 1 >= len(args) or args[at + 1].rsplit("/", 1)[-1].lower() not in WRAPPERS:
            return None
        words = []
        for a in args[at + 1 :]:
            if a in (";", "\\;", "+"):
                break
            words.append(shlex.quote(a))  # find hands each word over as is: keep them words
        script = " ".join(words)
    elif name in _CMD:
        low = [a.lower() for a in args[:_MAX_OPTIONS]]
        at = next((i for i, a in enumerate(low) if a in _CMD_RUN), -1)
        if at < 0:
            return None
        script = " ".join(args[at + 1 :])
    elif name in _POWERSHELL:
        low = [a.lower() for a in args[: 2 * _MAX_OPTIONS]]
        at = next((i for i, a in enumerate(low) if a in _PS_COMMAND), -1)
        if at < 0:
            return None
        script = " ".join(args[at + 1 :])
    else:
        # `sh -c SCRIPT`, `bash -x -c SCRIPT`, `su - root -c SCRIPT`: the word after the -c option
        at = next((i for i, a in enumerate(args[:_MAX_OPTIONS]) if _c_option(a)), -1)
        if at < 0 or at + 1 >= len(args):
            return None
        script = args[at + 1]
    script = script.strip()
    if len(script) >= 2 and script[0] == script[-1] and script[0] in "'\"":
        script = script[1:-1]  # cmd /c "del …": the quotes cmd.exe strips
    return script[:MAX_SCRIPT] if script else None
