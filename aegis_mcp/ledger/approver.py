"""The per-database approver token: how trusted automation (not a person at a terminal) may answer
held calls and pins. Only the token's SHA-256 is stored, next to the database, readable by its owner only.

Why a token: deciding a held call normally needs a person at an interactive terminal
(commands/_review.py). A script that must decide has no terminal, and an environment variable or
flag saying "let me" would be just as easy for the model to set from a shell tool. A secret the
operator holds (shown once, stored nowhere in clear) is not: the proxy also removes the variable
that carries it from the environment it hands the upstream.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

# The variable a scripted approver puts its token in (the proxy never passes it to an upstream).
TOKEN_ENV = "AEGIS_MCP_APPROVER_TOKEN"
_SUFFIX = ".approver-token.sha256"


def token_path(db: Path) -> Path:
    """Where a database's token hash lives: beside it (the proxy already refuses calls naming the
    database's path, and this path starts with it)."""
    return db.with_name(db.name + _SUFFIX)


def create_token(db: Path) -> str:
    """Make a new token for `db` (replacing any previous one) and return it; only its hash is kept."""
    import secrets  # (here: the proxy imports this module for TOKEN_ENV and starts lean)

    token = "aegis-approver-" + secrets.token_urlsafe(32)
    path = token_path(db)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, hashlib.sha256(token.encode()).hexdigest().encode() + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return token


def revoke_token(db: Path) -> bool:
    """Remove `db`'s token; True when there was one."""
    try:
        token_path(db).unlink()
    except FileNotFoundError:
        return False
    return True


def check_token(db: Path, token: str) -> str | None:
    """None when `token` is the database's approver token, else why it is not accepted."""
    path = token_path(db)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return f"no approver token was made for this database (`aegis-mcp approvals token` creates {path.name})"
    except OSError as exc:
        return f"cannot read {path}: {exc}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return f"{path} is not a regular file"
        # Group/other access or another owner: someone else could have written this hash.
        if info.st_mode & 0o077 or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            return f"{path} must be owned by you and readable by you only (chmod 600)"
        stored = os.read(fd, 256).strip().decode("ascii", "replace")
    finally:
        os.close(fd)
    import hmac

    given = hashlib.sha256(token.encode()).hexdigest()
    if not hmac.compare_digest(given, stored):
        return "the approver token does not match this database's"
    return None
