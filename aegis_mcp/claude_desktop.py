"""Claude Desktop config logic (pure): wrap stdio server entries with the proxy, and unwrap them exactly.

A wrapped entry keeps every key of the original (notably `env`, which carries the upstream's API
keys) and moves the original command into the proxy's arguments after `--`:

    {"command": "npx", "args": ["-y", "server-filesystem", "/Users/me"], "env": {...}}
    → {"command": "/abs/aegis-mcp", "args": ["proxy", "--name", "fs", "--db", "/abs/ledger.db",
       "--", "npx", "-y", "server-filesystem", "/Users/me"], "env": {...}}

Unwrapping prefers the original entry saved in the backup taken at install time (so the result is
exactly what was there, byte for byte when nothing else changed) and falls back to reading the
command back out of the proxy's arguments. No file I/O here: `aegis_mcp.commands.install` reads
and writes.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

from aegis_mcp.errors import ConfigError

AUDIT_ENTRY = "aegis-mcp-audit"
_LAUNCHER_NAMES = frozenset({"aegis-mcp", "aegis-mcp.exe", "aegis-mcp.cmd"})
# Entries that are not local processes: Claude Desktop ignores them, and there is nothing to wrap.
_REMOTE_TYPES = frozenset({"sse", "http", "streamable-http", "streamable_http", "ws", "websocket"})

Entry = dict[str, Any]


@dataclass
class Change:
    """One entry the operation touched, and how."""

    name: str
    action: str  # "wrapped" | "already-wrapped" | "updated" | "skipped" | "added" | "restored" | "unwrapped" | "removed"
    detail: str = ""


@dataclass
class Outcome:
    """The new config and what changed (nothing to write when `changed` is False)."""

    config: dict[str, Any]
    changes: list[Change] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(c.action in ("wrapped", "updated", "added", "restored", "unwrapped", "removed") for c in self.changes)


def default_config_path() -> Path:
    """Where Claude Desktop keeps its config on this platform."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Claude" / "claude_desktop_config.json"
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(appdata) / "Claude" / "claude_desktop_config.json"
    xdg = os.environ.get("XDG_CONFIG_HOME")
    return (Path(xdg) if xdg else Path.home() / ".config") / "Claude" / "claude_desktop_config.json"


def parse_config(text: str) -> dict[str, Any]:
    """Parse a config file's text; a clear ConfigError for anything that is not a config object."""
    text = text.removeprefix("\ufeff")  # a byte order mark, as Notepad saves it, is not JSON but no error either
    try:
        config = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as exc:
        raise ConfigError(f"the Claude Desktop config is not valid JSON: {exc}") from None
    if not isinstance(config, dict):
        raise ConfigError("the Claude Desktop config must be a JSON object")
    servers = config.get("mcpServers", {})
    if not isinstance(servers, dict) or not all(isinstance(v, dict) for v in servers.values()):
        raise ConfigError('"mcpServers" must be an object of server entries')
    return config


def dump_config(config: dict[str, Any]) -> str:
    return json.dumps(config, indent=2, ensure_ascii=False) + "\n"


def _basename(command: str) -> str:
    # PureWindowsPath splits on both separators, so C:\...\aegis-mcp.exe and /usr/bin/aegis-mcp both work.
    return PureWindowsPath(command).name.lower()


def _launcher_rest(entry: Entry) -> list[str] | None:
    """The arguments after the aegis-mcp launcher, or None if the entry does not start aegis-mcp."""
    command = entry.get("command")
    args = entry.get("args") or []
    if not isinstance(command, str) or not isinstance(args, list):
        return None
    if _basename(command) in _LAUNCHER_NAMES:
        return list(args)
    if _basename(command).startswith("python") and args[:2] == ["-m", "aegis_mcp"]:
        return list(args[2:])
    return None


# `aegis-mcp proxy` options that take a value: their value may itself be "--" (a server named "--").
_VALUE_OPTIONS = frozenset({"--name", "--db", "--policy", "--agent-id", "--approval-timeout", "--listen", "--upstream"})


def _separator(rest: list[str]) -> int | None:
    """The index of the `--` that ends the proxy's own options (not an option's value)."""
    i = 1
    while i < len(rest):
        if rest[i] == "--":
            return i
        i += 2 if rest[i] in _VALUE_OPTIONS else 1
    return None


def _proxy_args(entry: Entry) -> list[str] | None:
    """The arguments after the launcher if the entry runs `aegis-mcp proxy ... -- CMD`, else None."""
    rest = _launcher_rest(entry)
    if rest is None or rest[:1] != ["proxy"] or _separator(rest) is None:
        return None
    return rest


def is_wrapped(entry: Entry) -> bool:
    return _proxy_args(entry) is not None


def is_stdio(entry: Entry) -> bool:
    kind = str(entry.get("type", "stdio")).lower()
    return isinstance(entry.get("command"), str) and "url" not in entry and kind not in _REMOTE_TYPES


def wrap_entry(name: str, entry: Entry, *, launcher: list[str], db: str | None, policy: str | None = None) -> Entry:
    """The wrapped form of one stdio entry; every other key (env, cwd, ...) is kept as it was.

    `launcher` is how to start aegis-mcp: `["/abs/aegis-mcp"]` or `["/abs/python", "-m", "aegis_mcp"]`.
    """
    proxy = ["proxy", *_option("--name", name)]
    if db:
        proxy += _option("--db", db)
    if policy:
        proxy += _option("--policy", policy)
    wrapped = copy.deepcopy(entry)
    wrapped["command"] = launcher[0]
    wrapped["args"] = [*launcher[1:], *proxy, "--", entry["command"], *list(entry.get("args") or [])]
    return wrapped


def _option(flag: str, value: str) -> list[str]:
    # A value starting with "-" would be read as an option by argparse: glue it to its flag.
    return [f"{flag}={value}"] if value.startswith("-") else [flag, value]


def unwrap_entry(entry: Entry) -> Entry:
    """Read the original command back out of a wrapped entry (used when no backup copy matches)."""
    rest = _proxy_args(entry)
    if rest is None:
        raise ConfigError("not an entry wrapped by aegis-mcp")
    sep = _separator(rest)
    assert sep is not None
    inner = rest[sep + 1 :]
    if not inner:
        raise ConfigError("the wrapped entry has no upstream command after `--`")
    unwrapped = copy.deepcopy(entry)
    unwrapped["command"] = inner[0]
    unwrapped["args"] = inner[1:]
    return unwrapped


def audit_entry(*, launcher: list[str], db: str | None, policy: str | None = None) -> Entry:
    args = [*launcher[1:], "audit-server"] + (_option("--db", db) if db else []) + (_option("--policy", policy) if policy else [])
    return {"command": launcher[0], "args": args}


def _option_value(opts: list[str], flag: str) -> tuple[int, int, str] | None:
    """(start, end, value) of `flag` among an entry's own options (`--flag V` or `--flag=V`), or None."""
    i = 0
    while i < len(opts):
        if opts[i] == flag and i + 1 < len(opts):
            return i, i + 2, opts[i + 1]
        if opts[i].startswith(flag + "="):
            return i, i + 1, opts[i][len(flag) + 1 :]
        i += 2 if opts[i] in _VALUE_OPTIONS else 1
    return None


def with_option(entry: Entry, flag: str, value: str) -> Entry | None:
    """An installed entry (proxy or audit server) with its own `flag` set to `value`, or None when it
    already is. Only the options before the proxy's `--` are touched, never the upstream's command."""
    rest = _launcher_rest(entry)
    if rest is None:
        return None
    args = list(entry.get("args") or [])
    prefix = args[: len(args) - len(rest)]
    end = _separator(rest) if rest[:1] == ["proxy"] else len(rest)
    if end is None:
        return None
    opts, tail = rest[1:end], rest[end:]
    found = _option_value(opts, flag)
    if found is not None and found[2] == value:
        return None
    if found is not None:
        opts[found[0] : found[1]] = _option(flag, value)
    else:
        opts += _option(flag, value)
    updated = copy.deepcopy(entry)
    updated["args"] = [*prefix, rest[0], *opts, *tail]
    return updated


def install(
    config: dict[str, Any], *, launcher: list[str], db: str | None, add_audit_server: bool = True,
    policy: str | None = None, server_policies: dict[str, str] | None = None,
) -> Outcome:
    """Wrap every stdio entry not wrapped yet; idempotent (a second run changes nothing).

    With `policy`, every proxy entry (and the audit server, for list_policies) runs with
    `--policy POLICY`; entries wrapped earlier are updated to it, so a policy can be added later.
    `server_policies` (entry name -> file) gives some entries a file of their own instead (an
    audit-only file for a noisy server); a name that is no entry is a ConfigError."""
    new = copy.deepcopy(config)
    servers: dict[str, Entry] = new.setdefault("mcpServers", {})
    own = dict(server_policies or {})
    proxied = sorted(n for n, e in servers.items()
                     if n != AUDIT_ENTRY and not _is_audit_entry(e) and (is_wrapped(e) or is_stdio(e)))
    unknown = sorted(n for n in own if n not in proxied)
    if unknown:
        raise ConfigError(f"--policy-for {unknown[0]}: no stdio server entry of that name in the config "
                          f"(entries the proxy wraps: {', '.join(proxied) or 'none'})")
    changes: list[Change] = []
    global_policy = policy
    for name, entry in servers.items():
        policy = own.get(name, global_policy)
        if name == AUDIT_ENTRY or _is_audit_entry(entry):
            updated = with_option(entry, "--policy", policy) if policy and _is_audit_entry(entry) else None
            if updated is not None:
                servers[name] = updated
                changes.append(Change(name, "updated", f"--policy {policy}"))
            else:
                changes.append(Change(name, "skipped", "the aegis-mcp audit server itself"))
        elif is_wrapped(entry):
            updated = with_option(entry, "--policy", policy) if policy else None
            if updated is not None:
                servers[name] = updated
                changes.append(Change(name, "updated", f"--policy {policy}"))
            else:
                changes.append(Change(name, "already-wrapped", _other_ledger(entry, db)))
        elif not is_stdio(entry):
            changes.append(Change(name, "skipped", _remote_hint(name, entry)))
        elif _malformed(entry):
            # `"args": "--foo"` used to be wrapped as the characters "-", "-", "f", "o", "o"
            changes.append(Change(name, "skipped", _malformed(entry) + "; fix the entry, then install again"))
        else:
            servers[name] = wrap_entry(name, entry, launcher=launcher, db=db, policy=policy)
            changes.append(Change(name, "wrapped", " ".join([entry["command"], *map(str, entry.get("args") or [])])))
    if add_audit_server and AUDIT_ENTRY not in servers:
        servers[AUDIT_ENTRY] = audit_entry(launcher=launcher, db=db, policy=global_policy)
        changes.append(Change(AUDIT_ENTRY, "added", "read-only MCP server over the ledger"))
    return Outcome(new, changes)


def _other_ledger(entry: Entry, db: str | None) -> str:
    """A note when a wrapped entry records into another ledger than `db` (the one the audit server
    entry reads): its calls would never show up there. Left as the user wrote it, only said."""
    rest = _proxy_args(entry)
    if rest is None or not db:
        return ""
    end = _separator(rest)
    found = _option_value(rest[1:end], "--db")
    if found is not None and found[2] != db:  # (without --db it uses the default, usually the same)
        return f"records into {found[2]}, not {db}: the audit server entry will not see its calls"
    return ""


def _malformed(entry: Entry) -> str:
    """Why a stdio entry cannot be wrapped faithfully ("" when it can): Claude Desktop wants a
    non-empty command and an array of strings as args."""
    if not entry["command"].strip():
        return 'its "command" is empty'
    args = entry.get("args")
    if args is not None and (not isinstance(args, list) or not all(isinstance(a, str) for a in args)):
        return 'its "args" is not an array of strings'
    return ""


def _is_audit_entry(entry: Entry) -> bool:
    rest = _launcher_rest(entry)
    return rest is not None and rest[:1] == ["audit-server"]


def uninstall(config: dict[str, Any], backups: list[dict[str, Any]]) -> Outcome:
    """Unwrap every wrapped entry: the backup's original when it matches, else parsed from the args.

    The audit-server entry that `install` added is removed (only if it is still the one we added).
    """
    new = copy.deepcopy(config)
    servers: dict[str, Entry] = new.get("mcpServers", {})
    # Per entry, the first backup (oldest first) holding an original that matches wins.
    candidates: dict[str, list[Entry]] = {}
    for i, backup in enumerate(backups):
        for name, original in (backup.get("mcpServers") or {}).items():
            # A later backup (taken by a second install) holds the audit entry the first install
            # added: that is no original to keep. Only the oldest backup can show the user's own.
            if isinstance(original, dict) and not is_wrapped(original) and (i == 0 or not _is_audit_entry(original)):
                candidates.setdefault(name, []).append(original)
    changes: list[Change] = []
    for name in list(servers):
        entry = servers[name]
        if name == AUDIT_ENTRY and _is_audit_entry(entry) and name not in candidates:
            del servers[name]
            changes.append(Change(name, "removed"))
            continue
        if not is_wrapped(entry):
            continue
        parsed = unwrap_entry(entry)
        original = next((o for o in candidates.get(name, []) if _same_command(o, parsed)), None)
        if original is not None:
            servers[name] = copy.deepcopy(original)  # exact: key order, a missing "args", everything
            changes.append(Change(name, "restored", "from the backup"))
        else:
            servers[name] = parsed
            changes.append(Change(name, "unwrapped", "no matching backup entry; rebuilt from the proxy arguments"))
    return Outcome(new, changes)


def _same_command(original: Entry, parsed: Entry) -> bool:
    """The backup entry is this one if command, args and every other key agree (an entry edited since
    install is rebuilt from its current form instead, so the edit is not lost)."""
    if original.get("command") != parsed.get("command"):
        return False
    if list(original.get("args") or []) != list(parsed.get("args") or []):
        return False
    return {k: v for k, v in original.items() if k not in ("command", "args")} == {
        k: v for k, v in parsed.items() if k not in ("command", "args")
    }


def _remote_hint(name: str, entry: Any) -> str:
    """Why a remote entry is left alone, and how to put the firewall in front of it by hand: the
    proxy speaks streamable HTTP to a URL (`--upstream`), but credentials in the entry's headers
    must move to environment variables (`--upstream-header NAME=ENV_VAR`), which install cannot
    decide for the operator."""
    url = entry.get("url") if isinstance(entry, dict) else None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return "not a local stdio server"
    return (f"not a local stdio server; to firewall it, make it a stdio entry running `aegis-mcp proxy --name {name} "
            f"--upstream {url}` (a bearer token from $AEGIS_MCP_UPSTREAM_TOKEN, other headers with "
            "--upstream-header NAME=ENV_VAR: README, Remote MCP servers)")
