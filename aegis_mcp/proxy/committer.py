"""Group commit on the event loop's own thread: the records of one loop turn in one transaction,
or one record at once when nothing could share it (a lone call's decision or result)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from aegis_mcp.errors import LedgerError

if TYPE_CHECKING:
    from aegis_mcp.ledger.store import LedgerStore


class InlineCommitter:
    """Group commit on the event loop's own thread: every record appended during one turn of
    the loop is committed in one transaction by a callback that runs right after that turn.

    Measured against the thread-based GroupCommitter on this 2-core machine: a thread hop costs
    ~110 µs per commit and the worker's Python (canonical bytes, hashes) contends for the GIL with
    the relay; committing inline (~50 µs per record batched) is faster for both latency and
    throughput. The price: while SQLite waits for another process's write lock, this loop waits too
    (transactions are short, and tools/calls could not proceed without their record anyway).
    """

    def __init__(self, store: LedgerStore) -> None:
        self._store = store
        self._queue: list[tuple[dict[str, Any], asyncio.Future[Any]]] = []
        self._scheduled = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self.commits = 0

    def append(self, record: dict[str, Any], *, now: bool = False) -> asyncio.Future[Any]:
        """Queue a record; `now` commits it (with whatever is queued) before returning.

        `now` is for a call judged while no other call is: nothing could share its transaction,
        so waiting for the end of the loop's turn would only add a turn to its latency.
        """
        future = self.enqueue(record)
        if now:
            self._flush()
        elif not self._scheduled:
            self._scheduled = True
            future.get_loop().call_soon(self._flush)
        return future

    @property
    def queued(self) -> bool:
        """Whether records wait for this turn's commit."""
        return bool(self._queue)

    def commit_now(self, record: dict[str, Any]) -> int:
        """Commit one record at once, synchronously; its seq (raises LedgerError if not recorded)."""
        return int(self._store_one(record).seq)

    def enqueue(self, record: dict[str, Any]) -> asyncio.Future[Any]:
        """Queue a record for the next commit without scheduling one (the caller commits next)."""
        loop = self._loop
        if loop is None:  # looked up once: get_running_loop() costs a getpid(2) system call
            loop = self._loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        self._queue.append((record, future))
        return future

    def _flush(self) -> None:
        self._scheduled = False
        batch, self._queue = self._queue, []
        live = [(r, f) for r, f in batch if not f.cancelled()]
        if not live:
            return
        try:
            results = self._store.append_many([r for r, _ in live])
        except Exception as exc:
            if len(live) > 1:
                # The store validates records; one malformed record must fail alone, not its batch
                # (validating twice on the hot path cost ~25 µs a call).
                for record, future in live:
                    self._commit_one(record, future)
                return
            self._fail(live, exc)
            return
        self.commits += 1
        for (_, f), result in zip(live, results):
            if not f.done():
                f.set_result(result)

    def _commit_one(self, record: dict[str, Any], future: asyncio.Future[Any]) -> None:
        try:
            result = self._store_one(record)
        except Exception as exc:
            self._fail([(record, future)], exc)
            return
        if not future.done():
            future.set_result(result)

    def _store_one(self, record: dict[str, Any]) -> Any:
        """One record in a transaction of its own; its AppendResult (raises LedgerError if not recorded)."""
        try:
            result = self._store.append_many([record])[0]
        except LedgerError:
            raise
        except Exception as exc:  # anything else from the store is also "not recorded"
            raise LedgerError(f"the ledger cannot record: {exc!r}") from exc
        self.commits += 1
        return result

    @staticmethod
    def _fail(batch: list[tuple[dict[str, Any], asyncio.Future[Any]]], exc: Exception) -> None:
        err = exc if isinstance(exc, LedgerError) else LedgerError(f"the ledger cannot record: {exc!r}")
        for _, f in batch:
            if not f.done():
                f.set_exception(err)
