"""paths, continued: commands that touch a sensitive file's metadata, never its content.

`chmod 600 ~/.ssh/id_ed25519` is what a careful user runs after creating a key; `ls -l
~/.aws/credentials` and `stat /etc/shadow` show a size and a date. None of them hands the file's
content to the agent, so naming a credential file there is not reading it. Only a lone command
counts (no pipe, redirect, chain or substitution could hand the file elsewhere), and chmod only when
the mode takes permissions away from group and others (`644` on a private key exposes it: still held).
"""

from __future__ import annotations

from aegis_mcp.engine import regex

_METADATA_PROGRAMS = frozenset({"ls", "stat", "test", "du", "file", "getfacl", "lsattr", "chmod", "wc"})
_RESTRICTIVE_OCTAL = regex.compile(r"^0?[0-7]00$")
_RESTRICTIVE_SYMBOLIC = regex.compile(r"^(?:[ugoa]*[go][ugoa]*-[rwxXst]+|u=[rwx]*,(?:go|og)=|(?:go|og)=)$")
_SHELL_META = frozenset("|;&<>`$\n")
# targets a listing still reveals (the names of what a system or log directory holds)
KEPT_RULES = frozenset({"system_dir", "server_logs", "windows_system", "web_root", "server_install"})


def metadata_only(raw: str, words: list[str]) -> bool:
    """True when the command line is one metadata-only command (above)."""
    if not words or not _SHELL_META.isdisjoint(raw):
        return False
    i = 1 if words[0] == "sudo" else 0
    prog = words[i].rsplit("/", 1)[-1].lower() if i < len(words) else ""
    if prog not in _METADATA_PROGRAMS:
        return False
    if prog == "chmod":
        modes = [w for w in words[i + 1:] if not w.startswith("-") or _RESTRICTIVE_SYMBOLIC.match(w)]
        mode = modes[0] if modes else ""
        return bool(_RESTRICTIVE_OCTAL.match(mode) or _RESTRICTIVE_SYMBOLIC.match(mode))
    return True
