"""Where a tool result came from, as far as secrets go: a read of a credential store (`.env`, `.aws/credentials`, a key).

A result is judged on its text, and a generic credential in text (`password = "open-sesame"`) is
usually an example in a document: the secrets detector only records it. Read out of a `.env` or a
credentials file, the same line *is* the credential, so the result redacts it before the model sees
it -- also after a human approved the read, since approving a read is not approving the model
keeping the passwords. The source is told by the call's own path arguments and path_targets' rules.
"""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine.detectors.path_targets import classify

# Argument names that hold the path a read tool opens (the MCP filesystem server's, and common spellings).
_PATH_ARGS = frozenset({"path", "paths", "file", "files", "filename", "file_path", "filepath", "uri", "source"})
# HIGH-tier targets that hold credentials (CRITICAL targets always do): not /etc/passwd, logs or profiles.
_HIGH_SOURCES = frozenset({"dotenv", "secrets_config", "private_key_file", "shell_history"})


def _normal(path: str) -> str:
    p = path.strip().replace("\\", "/").lower()
    if p.startswith("file://"):
        p = p[7:]
    return p


def secret_source(arguments: Any) -> str | None:
    """The path_targets rule of the credential store this call reads (e.g. "dotenv"), else None."""
    if not isinstance(arguments, dict):
        return None
    for name, value in arguments.items():
        if name.lower() not in _PATH_ARGS:
            continue
        for path in (value if isinstance(value, list) else (value,))[:64]:
            if not isinstance(path, str) or not path or len(path) > 4096:
                continue
            hit = classify(_normal(path))
            if hit is not None and (hit[0] == "critical" or hit[1] in _HIGH_SOURCES):
                return hit[1]
    return None
