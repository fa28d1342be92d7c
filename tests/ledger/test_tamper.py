"""One test per kind of tampering: the verifier names the first bad seq and the kind of damage.

The attacker has the database file (and, in the last tests, the signing key): they drop the
triggers and edit rows with sqlite3 directly. 230 records, signed checkpoints every 50 (and at
230, except where the tail is left unsigned on purpose).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aegis_mcp.ledger.record import GENESIS_PREV, seal
from aegis_mcp.ledger.store import LedgerStore

from aegis_mcp.ledger import scan as scan_mod
from aegis_mcp.ledger import verify as verify_mod

from tests.ledger import helpers
from tests.ledger.helpers import Attacker, decision, make_ledger, verify

N = 230


@pytest.fixture(autouse=True, params=["streamed", "batches of 8", "aligned ranges in 3 processes, batches of 4"])
def scan_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every tampering test runs three ways: streamed row by row in one process; in aligned batches
    whose checks run as whole-list comparisons (the fast path big ledgers take); and split into
    aligned ranges of 32 records (8 for 230 records) scanned by 3 worker processes and joined."""
    if "batches" in request.param:
        monkeypatch.setattr(scan_mod, "BATCH_BITS", 3 if request.param == "batches of 8" else 2)
    if "processes" in request.param:
        monkeypatch.setattr(verify_mod, "PARALLEL_MIN", 0)
        monkeypatch.setattr(verify_mod, "MIN_RANGE_BITS", 4)
        monkeypatch.setattr(verify_mod, "_fork_safe", lambda: True)  # idle pool threads of earlier tests are harmless
        monkeypatch.setattr(helpers, "WORKERS", [3])


@pytest.fixture
def ledger(db: Path) -> Path:
    make_ledger(db, N)
    return db


@pytest.fixture
def unsigned_tail(db: Path) -> Path:
    make_ledger(db, N, final_checkpoint=False)  # records 200..229 are covered by no checkpoint
    return db


def damage(db: Path, *anchors: str) -> tuple[str, int, int | None]:
    report = verify(db, *anchors)
    assert not report.ok and report.damage is not None
    return report.damage.kind, report.damage.seq, report.damage.last_seq


def test_an_untouched_ledger_is_intact(ledger: Path) -> None:
    report = verify(ledger)
    assert report.ok and report.size == N and report.checkpoints_checked == 5


# ----------------------------------------------------------------- modified
@pytest.mark.parametrize("seq", [0, 120, 215, 229])
def test_edit_one_byte_of_a_payload(ledger: Path, seq: int) -> None:
    atk = Attacker(ledger)
    _, body = atk.row(seq)
    atk.set_body(seq, body.replace(f"/tmp/f{seq}".encode(), f"/tmp/g{seq}".encode()), fix_leaf=False)
    atk.close()
    assert damage(ledger)[:2] == ("modified", seq)


@pytest.mark.parametrize("seq", [0, 31, 33, 120, 215])  # 31: the row a range starting at 32 reads as its predecessor
def test_edit_with_sqlite3s_replace_which_stores_text(ledger: Path, seq: int) -> None:
    """What a person trying the verifier does first: `UPDATE records SET body=replace(body, ...)`.
    SQLite's replace() returns TEXT, so the row now holds a str: named as modified, never a crash."""
    atk = Attacker(ledger)
    atk.conn.execute("UPDATE records SET body = replace(body, 'f', 'g') WHERE seq = ?", (seq,))
    atk.close()
    report = verify(ledger)
    assert report.damage is not None and (report.damage.kind, report.damage.seq) == ("modified", seq)
    assert "edited with SQL" in report.damage.detail and "text" in report.damage.detail


@pytest.mark.parametrize("seq", [120, 215])
def test_edit_one_byte_and_recompute_its_leaf_hash(unsigned_tail: Path, seq: int) -> None:
    atk = Attacker(unsigned_tail)
    _, body = atk.row(seq)
    atk.set_body(seq, body.replace(b'"decision":"block"', b'"decision":"alloc"').replace(b"/tmp/f", b"/tmp/F"), fix_leaf=True)
    atk.close()
    assert damage(unsigned_tail)[:2] == ("modified", seq)


def test_edit_and_rechain_everything_after_is_caught_by_the_signed_checkpoint(ledger: Path) -> None:
    atk = Attacker(ledger)
    atk.reseal(120, atk.row(119)[0].hex(), decision="allow", risk="low")
    atk.rechain(121)
    atk.close()
    # The chain is consistent again; only the signed root at 150 disagrees. Checkpoint 100 still
    # holds, so the damage is bounded to 100..149.
    assert damage(ledger) == ("modified", 100, 149)


def test_edit_a_link_field(ledger: Path) -> None:
    atk = Attacker(ledger)
    atk.reseal(80, "ab" * 32)
    atk.close()
    assert damage(ledger)[:2] == ("modified", 80)


# ------------------------------------------------------------------ missing
@pytest.mark.parametrize("seq", [0, 77, 228])
def test_delete_a_record(unsigned_tail: Path, seq: int) -> None:
    atk = Attacker(unsigned_tail)
    atk.conn.execute("DELETE FROM records WHERE seq = ?", (seq,))
    atk.close()
    assert damage(unsigned_tail)[:2] == ("missing", seq)


def test_delete_the_last_signed_record(ledger: Path) -> None:
    atk = Attacker(ledger)
    atk.conn.execute("DELETE FROM records WHERE seq = ?", (N - 1,))
    atk.close()
    assert damage(ledger) == ("truncated", N - 1, N - 1)


def test_delete_a_record_and_renumber_the_rest(ledger: Path) -> None:
    atk = Attacker(ledger)
    atk.conn.execute("DELETE FROM records WHERE seq = 77")
    atk.shift(78, -1)
    atk.close()
    assert damage(ledger)[:2] == ("missing", 77)


# ----------------------------------------------------------------- inserted
@pytest.mark.parametrize("seq", [1, 133, 210])
def test_insert_a_record(unsigned_tail: Path, seq: int) -> None:
    atk = Attacker(unsigned_tail)
    prev_leaf = atk.row(seq - 1)[0]
    atk.shift(seq, +1)
    body, leaf = seal(decision(9999, decision="allow", reason="all good"), seq, prev_leaf.hex())
    atk.conn.execute("INSERT INTO records (seq, leaf, body) VALUES (?, ?, ?)", (seq, leaf, body))
    atk.close()
    assert damage(unsigned_tail)[:2] == ("inserted", seq)


def test_insert_a_copy_of_an_old_record(ledger: Path) -> None:
    atk = Attacker(ledger)
    leaf, body = atk.row(10)
    atk.shift(150, +1)
    atk.conn.execute("INSERT INTO records (seq, leaf, body) VALUES (150, ?, ?)", (leaf, body))
    atk.close()
    assert damage(ledger)[:2] == ("inserted", 150)


# ---------------------------------------------------------------- reordered
@pytest.mark.parametrize(("a", "b"), [(40, 90), (60, 61), (205, 220)])
def test_swap_two_records(unsigned_tail: Path, a: int, b: int) -> None:
    atk = Attacker(unsigned_tail)
    atk.conn.execute("UPDATE records SET seq = -1 WHERE seq = ?", (a,))
    atk.conn.execute("UPDATE records SET seq = ? WHERE seq = ?", (a, b))
    atk.conn.execute("UPDATE records SET seq = ? WHERE seq = -1", (b,))
    atk.close()
    assert damage(unsigned_tail)[:2] == ("reordered", a)


# ------------------------------------------------------------------- forked
def test_two_records_extending_the_same_predecessor(ledger: Path) -> None:
    atk = Attacker(ledger)
    prev_of_99 = atk.row(98)[0].hex()
    atk.reseal(100, prev_of_99)  # record 100 now also extends record 98, like record 99 does
    atk.close()
    assert damage(ledger)[:2] == ("forked", 100)


# ---------------------------------------------------------------- truncated
def test_truncate_the_tail_below_an_exported_checkpoint(ledger: Path) -> None:
    with LedgerStore.open(ledger) as store:
        anchor = store.write_checkpoint().note  # the user keeps this elsewhere
    atk = Attacker(ledger)
    atk.conn.execute("DELETE FROM records WHERE seq >= 180")
    atk.conn.execute("DELETE FROM checkpoints WHERE size > 180")  # a careful attacker hides the evidence
    atk.close()
    assert verify(ledger).ok  # without the anchor, a shorter consistent log is all there is
    assert damage(ledger, anchor) == ("truncated", 180, N - 1)


def test_truncation_is_caught_by_the_stored_checkpoints_when_not_hidden(ledger: Path) -> None:
    atk = Attacker(ledger)
    atk.conn.execute("DELETE FROM records WHERE seq >= 180")
    atk.close()
    # named against the LARGEST signed size (the final checkpoint covers all N): every removed record,
    # not only those up to the next checkpoint
    assert damage(ledger) == ("truncated", 180, N - 1)


# ------------------------------------------------------- rewrite with the key
def _rewrite_with_the_key(db: Path, tmp: Path, changed: int) -> None:
    """Whoever holds the key rebuilds the log with record `changed` altered and re-signs everything."""
    with LedgerStore.open(db, readonly=True) as old:
        origin = old.origin
        records = [{k: v for k, v in r.record.items() if k not in ("seq", "prev")} for r in old.records()]
    records[changed]["decision"] = "allow"  # hide a block; every other byte (times included) is kept
    forged = tmp / "forged.db"
    store = LedgerStore.open(forged, key_path=db.with_name("ledger.db.key"), origin=origin, checkpoint_every=50,
                             checkpoint_interval_s=3600)
    for start in range(0, N, 10):
        store.append_many(records[start : start + 10])
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy(forged, db)


def test_rewrite_the_whole_log_with_the_key_after_an_anchored_checkpoint(ledger: Path, tmp_path: Path) -> None:
    anchor = LedgerStore.open(ledger, readonly=True).latest_checkpoint().note  # type: ignore[union-attr]
    _rewrite_with_the_key(ledger, tmp_path, changed=120)
    assert verify(ledger).ok  # consistent and properly signed: only the anchor knows better
    assert damage(ledger, anchor) == ("forked", 0, N - 1)


def test_a_standing_anchor_directory_bounds_a_rewrite(ledger: Path, tmp_path: Path) -> None:
    # Anchors exported along the way (as `checkpoint --to DIR` does) narrow down where history changed.
    with LedgerStore.open(ledger, readonly=True) as store:
        notes = [r[0] for r in store.connection.execute("SELECT note FROM checkpoints ORDER BY size")]
    _rewrite_with_the_key(ledger, tmp_path, changed=120)
    assert damage(ledger, *notes) == ("forked", 100, 149)


def test_rewrite_with_a_new_key_fails_the_signature_check(ledger: Path, tmp_path: Path) -> None:
    anchor = LedgerStore.open(ledger, readonly=True).latest_checkpoint().note  # type: ignore[union-attr]
    for suffix in ("", "-wal", "-shm", ".key", ".pub"):
        Path(str(ledger) + suffix).unlink(missing_ok=True)
    make_ledger(ledger, N)  # a brand-new key and log: everything is self-consistent
    kind, seq, _ = damage(ledger, anchor)
    assert (kind, seq) == ("bad signature", N - 1)


# ------------------------------------------------------------ bad signature
def test_a_forged_checkpoint_signature(ledger: Path) -> None:
    atk = Attacker(ledger)
    (note,) = atk.conn.execute("SELECT note FROM checkpoints WHERE size = 100").fetchone()
    body, sig = note.rsplit(" ", 1)
    flipped = ("B" if sig[5] == "A" else "A")
    atk.conn.execute("UPDATE checkpoints SET note = ? WHERE size = 100", (body + " " + sig[:5] + flipped + sig[6:],))
    atk.close()
    assert damage(ledger)[:2] == ("bad signature", 99)


def test_a_checkpoint_whose_root_was_replaced(ledger: Path) -> None:
    atk = Attacker(ledger)
    atk.conn.execute("UPDATE checkpoints SET root = zeroblob(32) WHERE size = 150")
    atk.close()
    assert damage(ledger)[:2] == ("bad signature", 149)


def test_genesis_link(db: Path) -> None:
    make_ledger(db, 3)
    atk = Attacker(db)
    atk.reseal(0, "11" * 32)
    atk.close()
    assert damage(db)[:2] == ("modified", 0)
    assert GENESIS_PREV == "0" * 64


def test_an_empty_ledger_and_an_unsigned_tail_are_reported_honestly(db: Path, tmp_path: Path) -> None:
    LedgerStore.open(db).close()
    report = verify(db)
    assert report.ok and report.size == 0
    other = tmp_path / "tail.db"
    make_ledger(other, 73, final_checkpoint=False)
    report = verify(other)
    assert report.ok and report.size == 73
    assert any("records 50..72 are not yet covered" in n for n in report.notes)
