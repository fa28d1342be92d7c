"""Group commit: concurrent awaits share transactions; a commit failure reaches every waiter (fail closed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import anyio
import pytest

from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.group import GroupCommitter
from aegis_mcp.ledger.store import LedgerStore
from aegis_mcp.ledger.verify import verify_connection

from tests.ledger.helpers import decision


def test_concurrent_appends_share_commits_and_all_land(db: Path) -> None:
    store = LedgerStore.open(db, checkpoint_every=100)
    committer = GroupCommitter(store)
    seqs: list[int] = []

    async def worker(w: int) -> None:
        for i in range(25):
            seqs.append((await committer.append(decision(i, agent_id=f"w{w}"))).seq)

    async def main() -> None:
        async with anyio.create_task_group() as tg:
            for w in range(40):
                tg.start_soon(worker, w)

    anyio.run(main)
    assert sorted(seqs) == list(range(1000))
    assert committer.commits < 1000 / 4  # batching happened
    store.close()
    ro = LedgerStore.open(db, readonly=True)
    assert verify_connection(ro.connection, vkey=ro.verifier_key()).ok


def test_a_bad_record_fails_alone(db: Path) -> None:
    store = LedgerStore.open(db)
    committer = GroupCommitter(store)
    results: list[object] = []

    async def one(rec: dict[str, object]) -> None:
        try:
            results.append((await committer.append(rec)).seq)
        except LedgerError as exc:
            results.append(exc)

    async def main() -> None:
        async with anyio.create_task_group() as tg:
            tg.start_soon(one, decision(0))
            tg.start_soon(one, {"kind": "decision", "risk": 0.5})
            tg.start_soon(one, decision(2))

    anyio.run(main)
    assert sorted(r for r in results if isinstance(r, int)) == [0, 1]
    assert sum(isinstance(r, LedgerError) for r in results) == 1
    store.close()


def test_a_commit_failure_raises_ledger_error_in_every_waiter(db: Path) -> None:
    store = LedgerStore.open(db)
    store.append(decision(0))
    store.connection.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock: commits cannot happen
    committer = GroupCommitter(store)
    errors: list[BaseException] = []

    async def one(i: int) -> None:
        try:
            await committer.append(decision(i))
        except LedgerError as exc:
            errors.append(exc)

    async def main() -> None:
        async with anyio.create_task_group() as tg:
            for i in range(10):
                tg.start_soon(one, i)

    anyio.run(main)
    assert len(errors) == 10 and all("cannot record" in str(e) for e in errors)
    blocker.execute("ROLLBACK")
    blocker.close()

    async def after() -> int:
        return (await committer.append(decision(99))).seq

    assert anyio.run(after) == 1  # the committer recovers once the lock is released
    store.close()


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_works_on_both_anyio_backends(db: Path, backend: str) -> None:
    pytest.importorskip(backend)
    store = LedgerStore.open(db)
    committer = GroupCommitter(store)

    async def main() -> list[int]:
        out: list[int] = []

        async def one(i: int) -> None:
            out.append((await committer.append(decision(i))).seq)

        async with anyio.create_task_group() as tg:
            for i in range(20):
                tg.start_soon(one, i)
        return out

    assert sorted(anyio.run(main, backend=backend)) == list(range(20))
    store.close()


def test_an_idle_writer_signs_its_tail_on_a_timer(db: Path) -> None:
    store = LedgerStore.open(db, checkpoint_every=1000, checkpoint_interval_s=0.1)
    committer = GroupCommitter(store)

    async def main() -> None:
        async with anyio.create_task_group() as tg:
            tg.start_soon(committer.run_checkpoints)
            await committer.append(decision(0))
            await committer.append(decision(1))
            with anyio.fail_after(5):
                while (cp := store.latest_checkpoint()) is None or cp.size < 2:
                    await anyio.sleep(0.02)
            tg.cancel_scope.cancel()

    anyio.run(main)
    store.close()


def test_cancelled_callers_never_stall_the_others(db: Path) -> None:
    store = LedgerStore.open(db)
    committer = GroupCommitter(store)
    done: list[int] = []

    async def caller(i: int, cancel_after: float | None) -> None:
        with anyio.CancelScope() as scope:
            if cancel_after is not None:
                scope.deadline = anyio.current_time() + cancel_after
            for j in range(30):
                await committer.append(decision(j, agent_id=f"c{i}"))
            done.append(i)

    async def main() -> None:
        with anyio.fail_after(30):
            async with anyio.create_task_group() as tg:
                for i in range(24):
                    tg.start_soon(caller, i, 0.0005 * i if i % 2 else None)

    anyio.run(main)
    assert {i for i in range(24) if i % 2 == 0} <= set(done)
    count = store.count()
    store.close()
    ro = LedgerStore.open(db, readonly=True)
    assert verify_connection(ro.connection, vkey=ro.verifier_key()).ok and ro.count() == count


def test_inline_mode_commits_on_the_loop_thread_and_still_batches(db: Path) -> None:
    store = LedgerStore.open(db)
    committer = GroupCommitter(store, inline=True)

    async def main() -> list[int]:
        out: list[int] = []

        async def one(i: int) -> None:
            out.append((await committer.append(decision(i))).seq)

        async with anyio.create_task_group() as tg:
            for i in range(50):
                tg.start_soon(one, i)
        return out

    assert sorted(anyio.run(main)) == list(range(50))
    assert committer.commits <= 3
    store.close()
