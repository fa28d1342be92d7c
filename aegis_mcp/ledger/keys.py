"""The ledger's Ed25519 signing key: created on first use (mode 0600), and its exportable public key."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from aegis_mcp.errors import LedgerError

ED25519_ALG = b"\x01"  # the signed-note algorithm byte for Ed25519 (golang.org/x/mod/sumdb/note)


def key_path_for(db_path: Path) -> Path:
    """The private key lives beside the database: ledger.db -> ledger.db.key."""
    return db_path.with_name(db_path.name + ".key")


def pub_path_for(key_path: Path) -> Path:
    return key_path.with_name(key_path.name + ".pub") if key_path.suffix != ".key" else key_path.with_suffix(".pub")


def key_id(name: str, public: bytes) -> bytes:
    """Signed-note key id: the first 4 bytes of SHA-256(name || "\\n" || 0x01 || public key)."""
    return hashlib.sha256(name.encode() + b"\n" + ED25519_ALG + public).digest()[:4]


@dataclass(frozen=True)
class VerifierKey:
    """A public key with the name it signs under, in the signed-note `vkey` text form."""

    name: str
    public: bytes

    @property
    def id(self) -> bytes:
        return key_id(self.name, self.public)

    def text(self) -> str:
        return f"{self.name}+{self.id.hex()}+{base64.b64encode(ED25519_ALG + self.public).decode()}"

    @classmethod
    def parse(cls, text: str) -> "VerifierKey":
        try:
            name, hex_id, b64 = text.strip().split("+", 2)  # a name has no "+", base64 may
            raw = base64.b64decode(b64, validate=True)
        except ValueError as exc:
            raise LedgerError(f"not a verifier key (name+id+base64): {text.strip()[:80]!r}") from exc
        if len(raw) != 33 or raw[:1] != ED25519_ALG:
            raise LedgerError("verifier key is not an Ed25519 key")
        vk = cls(name, raw[1:])
        if vk.id.hex() != hex_id.lower():
            raise LedgerError("verifier key id does not match its name and key")
        return vk

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public).verify(signature, message)
        except InvalidSignature:
            return False
        return True


def _write_new_key(path: Path) -> None:
    """Create the key atomically: write a private temp file, then hard-link it into place.

    Several proxies may start at once on a fresh machine; os.link fails if another won the race,
    so nobody ever reads a half-written key or signs with a key that is then overwritten.
    """
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        tmp.unlink(missing_ok=True)


def load_private_key(path: Path, *, create: bool) -> Ed25519PrivateKey:
    """Read the private key at `path`, creating it (mode 0600) first if allowed and absent."""
    if not path.exists():
        if not create:
            raise LedgerError(f"no ledger signing key at {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_new_key(path)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise LedgerError(f"cannot read the ledger signing key at {path}: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise LedgerError(f"{path} is not an Ed25519 private key")
    return key


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def load_verifier_key(path: Path) -> VerifierKey:
    """Read a verifier key file (`name+id+base64`, as written by write_verifier_key)."""
    try:
        text = path.read_text(encoding="ascii")
    except OSError as exc:
        raise LedgerError(f"cannot read the verifier key at {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise LedgerError(f"{path} is not a verifier key (not ASCII text)") from exc
    return VerifierKey.parse(text)


def write_verifier_key(path: Path, vkey: VerifierKey) -> None:
    """Write the public key (world-readable: it is meant to be copied elsewhere)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(vkey.text() + "\n", encoding="ascii")
    os.replace(tmp, path)
