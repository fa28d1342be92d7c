"""Self-contained inclusion-proof documents: build one from a store, check one offline.

A document is JSON: {"seq", "body" (the record's exact bytes, as text), "leaf_hash", "tree_size",
"root", "proof" (hex sibling hashes, leaf to root), "checkpoint" (the signed note), "key"}.
Checking needs only this file and the public key you trust: leaf = SHA-256(0x00 || body),
fold the proof per RFC 9162 section 2.1.3.2, compare with the checkpoint's root, check the
checkpoint's Ed25519 signature.
"""

from __future__ import annotations

from typing import Any

from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.checkpoint import Checkpoint, parse_checkpoint, verify_checkpoint_signature
from aegis_mcp.ledger.keys import VerifierKey
from aegis_mcp.ledger.merkle import inclusion_proof, root_from_inclusion
from aegis_mcp.ledger.record import leaf_hash
from aegis_mcp.ledger.store import LedgerStore


def build_proof(store: LedgerStore, seq: int, cp: Checkpoint) -> dict[str, Any]:
    """The inclusion proof of record `seq` in the tree signed by `cp` (reads every leaf up to it)."""
    if not 0 <= seq < cp.size:
        raise LedgerError(f"record {seq} is not covered by the checkpoint at size {cp.size}")
    leaves = store.leaf_hashes(cp.size)
    rec = store.get(seq)
    if rec is None:
        raise LedgerError(f"no record {seq}")
    proof = inclusion_proof(leaves, seq)
    if root_from_inclusion(leaves[seq], seq, cp.size, proof) != cp.root:
        raise LedgerError("the stored records do not hash to the checkpoint's root; run `aegis-mcp verify`")
    return {
        "seq": seq,
        "body": rec.body.decode("utf-8"),
        "leaf_hash": leaves[seq].hex(),
        "tree_size": cp.size,
        "root": cp.root.hex(),
        "proof": [h.hex() for h in proof],
        "checkpoint": cp.note,
        "key": store.verifier_key().text(),
    }


def check_proof(doc: dict[str, Any], vkey: VerifierKey) -> tuple[bool, str]:
    """(ok, explanation) for a proof document, trusting only `vkey`."""
    try:
        body = str(doc["body"]).encode("utf-8")
        seq, size = int(doc["seq"]), int(doc["tree_size"])
        proof = [bytes.fromhex(h) for h in doc["proof"]]
        cp, sigs = parse_checkpoint(str(doc["checkpoint"]))
    except (KeyError, TypeError, ValueError) as exc:
        return False, f"not a proof document: {exc}"
    if not verify_checkpoint_signature(cp, sigs, vkey):
        return False, f"the checkpoint is not signed by {vkey.name}"
    if cp.size != size:
        return False, f"the proof is for size {size} but the checkpoint is at size {cp.size}"
    leaf = leaf_hash(body)
    if root_from_inclusion(leaf, seq, size, proof) != cp.root:
        return False, f"record {seq} is NOT in the signed tree of {size} records"
    return True, f"record {seq} is in the tree of {size} records signed by {vkey.name} (root {cp.root.hex()[:16]}...)"
