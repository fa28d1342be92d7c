"""shell, continued: a command or code split over a call's arguments, or code hidden in an argument the tool evaluates.

- *split command*: `exec {"program": "curl", "args": "-s http://…/x.sh", "pipe_to": "sh"}`: the tool
  assembles program, arguments and the pipe into one command line; each piece alone is harmless,
  so the joined line (`curl -s http://…/x.sh | sh`) is what the shell rules judge;
- *boot script*: `userData` / `startup-script` (base64 or not) runs as root when the machine starts:
  its lines are judged as commands;
- *evaluated argument*: `calculator {"expression": "__import__('os').popen('id').read()"}`, an awk
  `program`, a `formula`: the tool runs what it is given, so a value that opens a process API or a
  socket (shell_code's doors) is code that will run, judged as code.
"""

from __future__ import annotations

import shlex

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import R_CONTENT, R_SHELL, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "shell_injection"

_PROGRAM_NAMES = frozenset({"program", "executable", "binary", "bin", "cmd", "command", "exe", "tool", "prog"})
_ARGS_NAMES = frozenset({"args", "arguments", "argv", "params", "parameters", "flags", "options", "arg"})
_PIPE_NAMES = frozenset({"pipe_to", "pipe", "pipeto", "then", "pipe_into", "and_then", "stdout_to", "output_to"})
_EVALUATED_NAMES = frozenset({"expression", "expr", "formula", "program", "script", "code", "eval", "condition", "lambda",
                              "predicate", "template", "calc", "equation", "snippet", "filter_expression", "transform"})
# shell_code's doors, as a cheap test before any parsing (also the detector's gate pattern)
EVAL_GATE_PATTERN = r"__import__|\bpopen\b|\bsystem\s*\(|/dev/tcp/|\bsubprocess\b|child_process|\bexec\s*\(|\beval\s*\(|Runtime\.getRuntime"
_EVAL_HINT = regex.compile(EVAL_GATE_PATTERN)
# the gate for split commands: a pipe-target key (a program + args pair already opens on the program)
SPLIT_GATE_PATTERN = (r"(?im)^(?:pipe_to|pipe|pipeto|pipe_into|stdout_to|output_to)$"
                      r"|^(?:user_?data|startup[-_]?script|custom_?data|cloud[-_]?init|init[-_]?script)$")
# a machine's boot script (cloud-init user data, a VM's startup-script): it runs as root at boot
_BOOT_SCRIPT_NAMES = frozenset({"userdata", "user_data", "startup_script", "startupscript", "startup-script", "customdata",
                                "custom_data", "cloudinit", "cloud_init", "cloud-init", "init_script", "initscript", "init-script"})
_ANY_NAMES = _BOOT_SCRIPT_NAMES | _EVALUATED_NAMES


def _split_command(ctx: ScanContext) -> tuple[str, str] | None:
    top: dict[str, str] = {}
    for f in ctx.fragments:
        if (f.name in _PROGRAM_NAMES or f.name in _PIPE_NAMES or f.name in _ARGS_NAMES) and not f.is_key \
                and f.path.count("/") == 1 and len(f.raw) <= 4096:
            top.setdefault(f.name, f.raw)
    prog = next((top[n] for n in _PROGRAM_NAMES if n in top), None)
    pipe = next((top[n] for n in _PIPE_NAMES if n in top), None)
    if prog is None or pipe is None or not prog.strip() or not pipe.strip():
        return None
    args = next((top[n] for n in _ARGS_NAMES if n in top), "")
    if not args:  # an argv array under args
        items = sorted((int(f.path.rpartition("/")[2]), f.raw) for f in ctx.fragments
                       if not f.is_key and f.path.count("/") == 2 and f.name in _ARGS_NAMES and f.path.rpartition("/")[2].isdigit())
        args = shlex.join([t for _, t in items[:64]])
    return "/" + next(n for n in _PROGRAM_NAMES if n in top), f"{prog.strip()} {args.strip()} | {pipe.strip()}"


def findings(ctx: ScanContext, judge_command, code_signals) -> list[Signal]:  # type: ignore[no-untyped-def]
    """Split commands and evaluated code (the shell detector hands over its judges)."""
    out: list[Signal] = []
    split = _split_command(ctx)
    if split is not None:
        found = judge_command(split[1])
        if found:
            rule, sev, detail = max(found, key=lambda f: f[1])
            out.append(Signal(PATTERN, rule, f"{detail} (command assembled from the call's arguments)", RiskLevel(sev), split[0]))
    for f in ctx.fragments:
        if f.name not in _ANY_NAMES:
            continue
        if not f.is_key and f.role is not R_SHELL and f.name in _BOOT_SCRIPT_NAMES and len(f.raw) <= 65_536:
            found = decoded_script_findings(f.forms[1:] if "base64" in f.flags else (f.raw,), judge_command)
            if found:
                rule, sev, detail = max(found, key=lambda x: x[1])
                out.append(Signal(PATTERN, rule, f"{detail} (a boot script)", RiskLevel(sev), f.path))
            continue
        if f.is_key or f.role is R_CONTENT or f.name not in _EVALUATED_NAMES or len(f.raw) > 32_768:
            continue
        if _EVAL_HINT.search(f.raw) is not None:
            out.extend(code_signals(f.raw, f.path))
    return out


def decoded_script_findings(forms: tuple[str, ...], judge_command) -> list[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    """The findings of each line of a decoded script (the first 200 lines of each decoded form)."""
    out: list[tuple[str, int, str]] = []
    for form in forms[:2]:
        for n, line in enumerate(form[:65536].splitlines()):
            if n >= 200:
                break
            line = line.strip()
            if line and line[0] != "#":
                out.extend((rule, sev, f"{detail} (in a base64-encoded script)") for rule, sev, detail in judge_command(line))
    return out
