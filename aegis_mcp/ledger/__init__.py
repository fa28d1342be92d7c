"""The tamper-evident audit ledger: canonical records, hash chain, Merkle checkpoints, SQLite store."""
