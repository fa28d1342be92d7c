"""The command a wrapper runs: `sh -c '<cmd>'`, `bash -lc "<cmd>"`, `eval '<cmd>'`, `cmd /c <cmd>`, `powershell -Command <cmd>`.

Wrapping a command in a shell that runs its argument hides nothing from bash, but a rule that reads
the program name (`rm`, `curl | sh`) sees only `sh` and a quoted word. `inner_script` gives the
script such a wrapper runs, so the caller judges it exactly as if it had been typed at the prompt
(judge_command recurses on it, depth-bounded). Pure string work on an already parsed segment.
"""

from __future__ import annotations

# POSIX shells that take a script with -c (also in an option cluster: `-lc`, `-ec`, `-xc`)
_SHELLS = frozenset("sh bash dash zsh ksh ash mksh yash fish busybox su".split())
_CMD = frozenset(("cmd", "cmd.exe"))
_CMD_RUN = frozenset(("/c", "/k", "/r"))
_POWERSHELL = frozenset(("powershell", "powershell.exe", "pwsh", "pwsh.exe"))
# (PowerShell accepts any unambiguous prefix of -Command; -c and -com are the common spellings)
_PS_COMMAND = frozenset(("-c", "-co", "-com", "-comm", "-comma", "-comman", "-command", "/c", "/command"))
_EVAL = frozenset(("eval",))
WRAPPERS = _SHELLS | _CMD | _POWERSHELL | _EVAL
MAX_SCRIPT = 4096
_MAX_OPTIONS = 4


def _c_option(arg: str) -> bool:
    """`-c`, or a short-option cluster holding c (`-lc`, `-ec`); never a long option."""
    return len(arg) >= 2 and arg[0] == "-" and arg[1] != "-" and "c" in arg[1:] and arg[1:].isalpha()


def inner_script(name: str, args: list[str]) -> str | None:
    """The script `name args...` runs as a command line, or None when it is no such wrapper."""
    if name not in WRAPPERS or not args:
        return None
    if name == "busybox":  # `busybox sh -c '…'`
        return inner_script(args[0].lower(), args[1:]) if args[0].lower() in _SHELLS - {"busybox"} else None
    if name in _EVAL:
        script = " ".join(args)
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
