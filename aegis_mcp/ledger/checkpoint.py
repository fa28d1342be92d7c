"""Signed checkpoints in the C2SP tlog-checkpoint / signed-note format: origin, size, root, signature.

    <origin>\\n<size>\\n<base64 root hash>\\n
    \\n
    \\u2014 <key name> <base64(4-byte key id || Ed25519 signature)>\\n

The signature covers the three body lines (with their newlines), exactly as golang.org/x/mod's
`note` package and the transparency-dev tooling expect, so a checkpoint can be checked by them.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.keys import VerifierKey, public_bytes

SIG_PREFIX = "\u2014 "  # an em dash and a space start every signature line


@dataclass(frozen=True)
class Checkpoint:
    """One signed statement: the log `origin` had `size` records with Merkle root `root`."""

    origin: str
    size: int
    root: bytes
    note: str  # the full signed note text

    @property
    def body(self) -> str:
        return checkpoint_body(self.origin, self.size, self.root)

    @property
    def root_hex(self) -> str:
        return self.root.hex()


def checkpoint_body(origin: str, size: int, root: bytes) -> str:
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"


def sign_checkpoint(key: Ed25519PrivateKey, origin: str, size: int, root: bytes) -> Checkpoint:
    """Sign (origin, size, root) as a note; the key signs under the origin's name."""
    if "\n" in origin or not origin or "+" in origin or " " in origin:
        raise LedgerError(f"bad checkpoint origin {origin!r}: one line, no spaces or '+'")
    body = checkpoint_body(origin, size, root)
    vkey = VerifierKey(origin, public_bytes(key))
    sig = key.sign(body.encode())
    line = f"{SIG_PREFIX}{origin} {base64.b64encode(vkey.id + sig).decode()}\n"
    return Checkpoint(origin, size, root, body + "\n" + line)


class CheckpointFormatError(LedgerError):
    """Text that is not a checkpoint note."""


def parse_checkpoint(text: str) -> tuple[Checkpoint, list[tuple[str, bytes, bytes]]]:
    """Parse a note into its checkpoint and its signatures [(name, key id, signature)]."""
    body, sep, sigs = text.partition("\n\n")
    if not sep:
        raise CheckpointFormatError("not a checkpoint note: no blank line before the signatures")
    lines = body.split("\n")
    if len(lines) < 3:
        raise CheckpointFormatError("not a checkpoint note: expected origin, size and root hash lines")
    origin, size_text, root_text = lines[0], lines[1], lines[2]
    if not size_text.isdigit() or (size_text != "0" and size_text.startswith("0")):
        raise CheckpointFormatError(f"checkpoint size is not a decimal number: {size_text!r}")
    try:
        root = base64.b64decode(root_text, validate=True)
    except binascii.Error as exc:
        raise CheckpointFormatError("checkpoint root hash is not base64") from exc
    if len(root) != 32:
        raise CheckpointFormatError("checkpoint root hash is not 32 bytes")
    signatures: list[tuple[str, bytes, bytes]] = []
    for line in sigs.split("\n"):
        if not line:
            continue
        if not line.startswith(SIG_PREFIX):
            raise CheckpointFormatError(f"bad signature line: {line[:60]!r}")
        name, _, b64 = line[len(SIG_PREFIX) :].rpartition(" ")
        try:
            raw = base64.b64decode(b64, validate=True)
        except binascii.Error as exc:
            raise CheckpointFormatError("signature is not base64") from exc
        if len(raw) < 5:
            raise CheckpointFormatError("signature too short")
        signatures.append((name, raw[:4], raw[4:]))
    cp = Checkpoint(origin, int(size_text), root, text)
    if cp.body != body + "\n":
        # Extension lines after the root are allowed by C2SP but we never write them; refuse
        # rather than sign-check a body we did not reconstruct byte for byte.
        raise CheckpointFormatError("checkpoint has extension lines this verifier does not know")
    return cp, signatures


def verify_checkpoint_signature(cp: Checkpoint, signatures: list[tuple[str, bytes, bytes]], vkey: VerifierKey) -> bool:
    """True if one signature is by `vkey` (same name and key id) over the checkpoint body."""
    message = cp.body.encode()
    for name, kid, sig in signatures:
        if name == vkey.name and kid == vkey.id and vkey.verify(sig, message):
            return True
    return False
