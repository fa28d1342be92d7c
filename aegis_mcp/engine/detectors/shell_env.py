"""shell, continued: environment variables that make a program load or run code of the caller's choosing.

A build or run tool that takes an `env` mapping runs its program with those variables, and some
variables are code: `NODE_OPTIONS=--require /tmp/x.js`, `LD_PRELOAD=/dev/shm/h.so`, `BASH_ENV`,
`PERL5OPT`, `GIT_SSH_COMMAND`, `npm_config_script_shell`, `JAVA_TOOL_OPTIONS=-javaagent:...`. Each
runs before (or instead of) what the tool meant to run. HIGH wherever such a variable is set; CRITICAL
when its value points into a scratch directory or is itself a shell command. The loaders that tooling
sets every day (NODE_OPTIONS, JAVA_TOOL_OPTIONS, LD_PRELOAD) count only in that second case.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

ENV_GATE_PATTERN = (
    r"(?i)node_options|ld_preload|ld_audit|dyld_insert_libraries|pythonstartup|perl5opt|rubyopt|bash_env|prompt_command|git_ssh"
    r"|git_external_diff|git_askpass|ssh_askpass|script_shell|java_tool_options|_java_options|dotnet_startup_hooks|pythonwarnings"
)
# variable -> what in its value makes it code (None: any value is code)
_CODE_VARS: dict[str, object] = {
    "node_options": regex.compile(r"(?i)(?:^|\s)(?:--require|-r|--import|--loader|--experimental-loader)\b"),
    "ld_preload": None, "ld_audit": None, "dyld_insert_libraries": None, "bash_env": None, "prompt_command": None,
    "pythonstartup": None, "perl5opt": None, "rubyopt": regex.compile(r"(?i)-r"), "git_ssh_command": None, "git_ssh": None,
    "git_external_diff": None, "git_askpass": None, "ssh_askpass": None, "npm_config_script_shell": None,
    "java_tool_options": regex.compile(r"(?i)-javaagent|-agentpath|-agentlib"), "_java_options": regex.compile(r"(?i)-javaagent|-agentpath|-agentlib"),
    "dotnet_startup_hooks": None, "pythonwarnings": regex.compile(r"(?i):[\w.]*\.[\w]+:"),
}
# variables that observability and performance tooling sets every day: only a scratch-directory or shell value counts
_TOOLING_VARS = frozenset({"node_options", "java_tool_options", "_java_options", "ld_preload", "pythonwarnings", "rubyopt"})
_ENV_PARENTS = ("env", "environment", "envs", "env_vars", "envvars", "environment_variables", "variables", "vars", "extra_env")
_SCRATCH_OR_SHELL = regex.compile(r"(?i)(?:^|[\s=:'\"])(?:/tmp|/dev/shm|/var/tmp)/|\b(?:sh|bash|zsh)\s+-c\b|[|;&`]|\$\(|\bcurl\b|\bwget\b")
# `GIT_SSH_COMMAND="ssh -i ~/.ssh/deploy_key"`: the variable's ordinary use (an ssh with options)
_PLAIN_SSH = regex.compile(r"^\s*(?:/usr/bin/)?ssh(?:\s+[^|;&`$<>]*)?$")
_PAIR_NAMES = frozenset({"name", "key", "var", "variable", "env", "env_var"})


def _judge(var: str, value: str, path: str) -> Signal | None:
    rule = _CODE_VARS.get(var)
    if var in ("git_ssh_command", "git_ssh") and _PLAIN_SSH.match(value) and "proxycommand" not in value.lower():
        return None
    if rule is not None and not rule.search(value):  # type: ignore[attr-defined]
        return None
    scratch = _SCRATCH_OR_SHELL.search(value[:2048]) is not None
    if var in _TOOLING_VARS and not scratch:
        return None  # `NODE_OPTIONS=--require ./tracing.js`, a -javaagent APM, jemalloc preloaded: how tooling is wired in
    sev = RiskLevel.CRITICAL if scratch else RiskLevel.HIGH
    return Signal("shell_injection", "code_loading_env", f"sets {var.upper()} (makes the program load or run code): {value[:60]}", sev, path)


def findings(ctx: ScanContext) -> list[Signal]:
    out: list[Signal] = []
    pair_var = ""
    for f in ctx.fragments:
        if f.is_key:
            continue
        if f.name in _CODE_VARS:
            segs = f.path.lower().split("/")
            if len(segs) >= 3 and segs[-2] in _ENV_PARENTS:
                sig = _judge(f.name, f.raw, f.path)
                if sig is not None:
                    out.append(sig)
        elif f.name in _PAIR_NAMES and f.raw.strip().lower() in _CODE_VARS:
            pair_var = f.raw.strip().lower()
    if pair_var:  # set_env {"name": "LD_PRELOAD", "value": "..."}
        for f in ctx.fragments:
            if not f.is_key and f.name == "value":
                sig = _judge(pair_var, f.raw, f.path)
                if sig is not None:
                    out.append(sig)
                break
    return out[:2]
