"""RFC 6962 inclusion proofs in O(log² n) from cached perfect-subtree hashes (the audit server's get_trace).

`aegis_mcp.ledger.merkle.inclusion_proof` recomputes subtree hashes from all leaves on every
call (~0.1 s at 100,000 records). Here every aligned perfect subtree (2^k leaves starting at a
multiple of 2^k) is hashed once and kept, so a proof is a handful of lookups. The proofs are the
same bytes, checked with the ledger's own `verify_inclusion`.
"""

from __future__ import annotations

from aegis_mcp.ledger.merkle import node_hash


class SubtreeCache:
    """levels[k][j] = hash of leaves [j*2^k, (j+1)*2^k); extended as leaves arrive."""

    def __init__(self) -> None:
        self.levels: list[list[bytes]] = [[]]

    @property
    def size(self) -> int:
        return len(self.levels[0])

    def extend(self, leaves: list[bytes]) -> None:
        """Catch up with `leaves` (the full, append-only list of leaf hashes)."""
        base = self.levels[0]
        if len(leaves) <= len(base):
            return
        base.extend(leaves[len(base) :])
        k = 0
        while len(self.levels[k]) >= 2:
            if k + 1 == len(self.levels):
                self.levels.append([])
            lower, upper = self.levels[k], self.levels[k + 1]
            for j in range(len(upper), len(lower) // 2):
                upper.append(node_hash(lower[2 * j], lower[2 * j + 1]))
            k += 1

    def subtree(self, lo: int, hi: int) -> bytes:
        """MTH of leaves [lo, hi): `lo` is always aligned in RFC 6962's recursion, so this decomposes."""
        n = hi - lo
        if n & (n - 1) == 0:
            k = n.bit_length() - 1
            return self.levels[k][lo >> k]
        split = 1 << ((n - 1).bit_length() - 1)
        return node_hash(self.subtree(lo, lo + split), self.subtree(lo + split, hi))

    def root(self, size: int) -> bytes:
        return self.subtree(0, size)

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        """PATH(index, D[size]), the same walk as the ledger's merkle.inclusion_proof."""
        if not 0 <= index < size <= self.size:
            raise ValueError(f"leaf {index} is not in a tree of size {size}")
        proof: list[bytes] = []
        lo, hi, m = 0, size, index
        while hi - lo > 1:
            k = 1 << ((hi - lo - 1).bit_length() - 1)
            if m < k:
                proof.append(self.subtree(lo + k, hi))
                hi = lo + k
            else:
                proof.append(self.subtree(lo, lo + k))
                lo, m = lo + k, m - k
        proof.reverse()
        return proof
