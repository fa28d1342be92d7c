"""A ledger in a directory nobody can write (read-only media, an archive) can still be verified and audited."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from aegis_mcp.ledger.store import LedgerStore

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "aegis_mcp", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env=dict(os.environ))


def _fill(db: Path, close: bool) -> None:
    """Three records; `close` checkpoints the WAL into the file, otherwise the process dies with them in the WAL."""
    code = ("import os\nfrom aegis_mcp.ledger.store import LedgerStore\n"
            f"s = LedgerStore.open({str(db)!r}, checkpoint_every=1_000_000, background_checkpoints=False)\n"
            "for _ in range(3):\n    s.append({'kind': 'decision', 'agent_id': 'a', 'decision': 'allow'})\n"
            + ("s.close()\n" if close else "os._exit(0)\n"))
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=120).returncode == 0


@pytest.fixture
def frozen_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory made immutable (as root, chmod alone still lets us write, so chattr +i is the honest test)."""
    directory = tmp_path / "archive"
    directory.mkdir()
    chattr = shutil.which("chattr")
    yield directory
    if chattr:
        subprocess.run([chattr, "-i", str(directory)], capture_output=True)


def _freeze(directory: Path) -> None:
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(directory)], capture_output=True).returncode != 0:
        pytest.skip("needs chattr +i (root with CAP_LINUX_IMMUTABLE) to make a directory nobody can write")


def test_verify_and_approvals_read_a_ledger_in_an_unwritable_directory(frozen_dir: Path) -> None:
    db = frozen_dir / "ledger.db"
    _fill(db, close=True)
    _freeze(frozen_dir)
    out = _cli("verify", "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "intact" in out.stdout and "3 records" in out.stdout
    listed = _cli("approvals", "list", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    store = LedgerStore.open(db, readonly=True)
    try:
        assert store.count() == 3
    finally:
        store.close()
    assert sorted(p.name for p in frozen_dir.iterdir()) == ["ledger.db", "ledger.db.key", "ledger.db.pub"]


def test_records_left_in_the_write_ahead_log_are_not_silently_skipped(frozen_dir: Path) -> None:
    db = frozen_dir / "ledger.db"
    _fill(db, close=False)  # the records live in ledger.db-wal
    Path(f"{db}-shm").unlink()  # as after a copy that kept only the database and its log
    _freeze(frozen_dir)
    out = _cli("verify", "--db", str(db))
    assert out.returncode == 2
    assert "write-ahead log (ledger.db-wal)" in out.stderr and "copy the ledger with its -wal file" in out.stderr
