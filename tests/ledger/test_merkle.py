"""The Merkle tree against a literal transcription of RFC 6962 section 2.1, proofs both ways."""

from __future__ import annotations

import hashlib

import pytest

from aegis_mcp.ledger.merkle import (
    EMPTY_ROOT, Frontier, consistency_proof, inclusion_proof, tree_hash, verify_consistency, verify_inclusion,
)


def rfc_mth(leaves: list[bytes]) -> bytes:
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + rfc_mth(leaves[:k]) + rfc_mth(leaves[k:])).digest()


LEAVES = [hashlib.sha256(b"\x00" + str(i).encode()).digest() for i in range(70)]


def test_known_rfc6962_vectors() -> None:
    # From the certificate-transparency-go test vectors (leaf inputs "", 0x00, 0x10, ...).
    inputs = [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43",
              b"\x50\x51\x52\x53\x54\x55\x56\x57", b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f"]
    leaves = [hashlib.sha256(b"\x00" + d).digest() for d in inputs]
    assert tree_hash(leaves).hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    assert tree_hash([]) == EMPTY_ROOT


def test_frontier_root_matches_rfc_at_every_size_and_round_trips() -> None:
    f = Frontier()
    for n in range(1, len(LEAVES) + 1):
        f.append(LEAVES[n - 1])
        assert f.root() == rfc_mth(LEAVES[:n]), n
        g = Frontier.from_bytes(f.size, f.to_bytes())
        assert g.root() == f.root()


def test_inclusion_proofs_verify_and_fail_when_tampered() -> None:
    for n in range(1, 40):
        root = rfc_mth(LEAVES[:n])
        for i in range(n):
            proof = inclusion_proof(LEAVES[:n], i)
            assert verify_inclusion(LEAVES[i], i, n, proof, root), (i, n)
            assert not verify_inclusion(LEAVES[(i + 1) % 70], i, n, proof, root)
            if proof:
                bad = list(proof)
                bad[0] = hashlib.sha256(bad[0]).digest()
                assert not verify_inclusion(LEAVES[i], i, n, bad, root)
            assert not verify_inclusion(LEAVES[i], i + 1, n, proof, root) or i + 1 >= n  # wrong index


def test_consistency_proofs_verify_and_reject_a_changed_history() -> None:
    for n in range(1, 34):
        for m in range(1, n + 1):
            proof = consistency_proof(LEAVES[:n], m)
            assert verify_consistency(m, n, rfc_mth(LEAVES[:m]), rfc_mth(LEAVES[:n]), proof), (m, n)
            if m < n:
                forged = list(LEAVES[:n])
                forged[m - 1] = LEAVES[60]  # the old tree's last leaf was rewritten
                assert not verify_consistency(m, n, rfc_mth(LEAVES[:m]), rfc_mth(forged), consistency_proof(forged, m))


def test_bad_indices_are_refused() -> None:
    with pytest.raises(ValueError):
        inclusion_proof(LEAVES[:3], 3)
    with pytest.raises(ValueError):
        consistency_proof(LEAVES[:3], 0)
    assert not verify_inclusion(LEAVES[0], 5, 3, [], LEAVES[0])
