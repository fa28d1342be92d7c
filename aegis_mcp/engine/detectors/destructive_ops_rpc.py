"""destructive_ops, continued: an operation named by an argument (cloud SDK JSON, generic RPC tools, GraphQL), judged as if it were the tool.

`aws.iam {"Action": "AttachUserPolicy", "PolicyArn": "…/AdministratorAccess"}`, `gcp.call {"method":
"projects.delete"}`, `graphql {"query": "mutation { deleteRepository(…) }"}`, `terraform {"command":
"destroy"}`: a generic tool whose real operation sits in an argument. The mechanism: read the operation
(the `Action`/`operation`/`method` value; a mutation's first field; a CLI wrapper's subcommand), then
judge a *virtual* call whose tool name is that operation (verb first: `projects.delete` ->
`delete.projects`), whose fragments include the mutation's scalar arguments (`requireMfa: false`), and
whose command line is the CLI form of an AWS action (`aws iam attach-user-policy --policy-arn …`), so the
tool-name, flag and CLI rules that already know the operation apply. One level only.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext, new_fragment
from aegis_mcp.engine.detectors.destructive_ops_flags import _key_of
from aegis_mcp.engine.model import RiskLevel, Signal
from aegis_mcp.engine.roles import split_words

_OP_NAMES = frozenset({"action", "operation", "op", "rpc", "method", "api_method", "operationname", "operation_name", "command",
                       "subcommand", "verb"})
_HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
_GENERIC = frozenset({"call", "request", "api", "invoke", "rpc", "graphql", "execute", "run", "sdk", "client", "query", "cli"})
_VERBS = frozenset({"delete", "remove", "destroy", "drop", "create", "update", "patch", "set", "put", "attach", "detach", "add",
                    "disable", "stop", "purge", "insert", "modify", "grant", "revoke", "get", "list", "describe", "enable"})
_IDENT = regex.compile(r"^[A-Za-z][A-Za-z0-9_.:/-]{2,100}$")
_MUTATION = regex.compile(r"(?s)\bmutation\b[^{]{0,200}\{\s*(?:\w+\s*:\s*)?([A-Za-z_]\w{2,80})\s*\(([^)]{0,1000})\)")
_GQL_ARG = re.compile(r"(\w{1,60})\s*:\s*(true|false|-?\d{1,12}|\"[^\"\n]{0,200}\")")  # (short, bounded text)
GATE_PATTERN = r"(?im)^(?:action|operation|op|rpc|operationname|operation_name|subcommand)$|\bmutation\b"
GATE_TOOL_WORDS = frozenset({"gcp", "gcloud", "google", "azure", "sdk", "rpc", "graphql", "boto3", "boto"})
_CLI_PROGS = frozenset({"terraform", "kubectl", "helm", "pulumi", "gcloud", "az", "aws", "docker", "git", "heroku", "doctl"})


def _operation(ctx: ScanContext) -> tuple[str, str, str] | None:
    """(operation name, its pointer, GraphQL arguments text or "")."""
    for f in ctx.fragments:
        if f.name not in _OP_NAMES or f.is_key or f.path.count("/") != 1:
            continue
        v = f.raw.strip()
        if v.lower() in _HTTP_VERBS or _IDENT.match(v) is None:
            continue
        if f.name in ("method", "command", "subcommand", "verb") and not (ctx.tool_words & (GATE_TOOL_WORDS | _CLI_PROGS)):
            continue  # ("method"/"command" of an ordinary tool: an HTTP verb, a shell line -- judged elsewhere)
        return v, f.path, ""
    for f in ctx.fragments:
        if "mutation" not in f.raw or f.is_key or len(f.raw) > 65536:
            continue
        m = _MUTATION.search(f.raw)
        if m is not None:
            return m.group(1), f.path, m.group(2)
    return None


def _verb_first(op: str) -> str:
    parts = [p for p in re.split(r"[.:/]", op) if p]
    if len(parts) >= 2 and parts[-1].lower() in _VERBS:
        parts = [parts[-1], *reversed(parts[:-1])]
    return "_".join(parts)


def _kebab(name: str) -> str:
    return "-".join(w.lower() for w in split_words(name))


def _aws_line(ctx: ScanContext, op: str) -> str | None:
    """`aws <service> <action-in-kebab-case> --<param> <value>...` for an AWS Action with top-level scalars."""
    words = ctx.tool_words
    if "aws" not in words and "boto3" not in words:
        return None
    service = next((w for w in sorted(words - {"aws", "boto3", "call", "request", "api", "sdk", "client"})), "")
    if not service or not op[:1].isupper():
        return None
    parts = ["aws", service, _kebab(op)]
    for f in ctx.fragments + ctx.extra.get("scalars", ()):
        if f.is_key or f.path.count("/") != 1 or f.name in _OP_NAMES or len(f.raw) > 300:
            continue
        parts += ["--" + _kebab(_key_of(f.path)), f.raw]
    return " ".join(parts)


def _cli(ctx: ScanContext, prog: str, op: str, ptr: str) -> list[Signal]:
    """`terraform {"command": "destroy", "auto_approve": true}` -> `terraform destroy --auto-approve`, judged as a command."""
    from aegis_mcp.engine.detectors.shell_command import judge_command  # (late: shell's import graph is large)

    parts = [prog, op]
    for f in ctx.extra.get("scalars", ()):
        if not f.is_key and f.path.count("/") == 1 and f.name not in _OP_NAMES and f.raw == "true":
            parts.append("--" + _key_of(f.path).replace("_", "-"))
    out = []
    for rule, sev, detail in judge_command(" ".join(parts)):
        if sev >= 2:
            out.append(Signal("shell_injection", rule, f"{detail} ({ctx.tool_name} {op})", RiskLevel(sev), ptr))
    return out[:1]


def findings(ctx: ScanContext, detect: Callable[[ScanContext], list[Signal]]) -> list[Signal]:
    if ctx.extra.get("rpc_virtual"):
        return []
    found = _operation(ctx)
    if found is None:
        return []
    op, ptr, gql = found
    prog = sorted(ctx.tool_words & _CLI_PROGS)
    if prog and not gql and op.islower():  # (a CLI subcommand; an SDK Action is CamelCase)
        return _cli(ctx, prog[0], op, ptr)
    name = _verb_first(op)
    words = frozenset(w.lower() for w in split_words(name)) | (ctx.tool_words - _GENERIC)
    extra_frags: list[Fragment] = []
    for m in _GQL_ARG.finditer(gql[:2000]):
        key, raw = m.group(1), m.group(2).strip('"')
        path = f"{ptr}/{key}"
        extra_frags.append(new_fragment((path, key, key.lower(), Role.KEY, True, (key,), frozenset())))
        extra_frags.append(new_fragment((path, raw, key.lower(), Role.IDENT, False, (raw,), frozenset())))
    line = _aws_line(ctx, op)
    if line is not None:
        extra_frags.append(new_fragment((ptr, line, "command", Role.SHELL, False, (line,), frozenset())))
    virt = dataclasses.replace(ctx, tool_name=name, tool_words=words, fragments=ctx.fragments + tuple(extra_frags),
                               extra={**ctx.extra, "rpc_virtual": True})
    out = []
    for s in detect(virt):
        if s.pattern == "destructive_operation" or s.rule in ("destructive", "persistence"):
            out.append(Signal(s.pattern, s.rule, f"{s.detail} (operation {op[:60]} of {ctx.tool_name})", s.severity, s.path or ptr))
    return out
