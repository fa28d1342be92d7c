"""`aegis-mcp verify`: recompute every hash, link, checkpoint root and signature of the ledger."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import orjson

from aegis_mcp.commands._stderr import say, show
from aegis_mcp.config import DB_ENV, resolve_db_path
from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.keys import VerifierKey, load_verifier_key
from aegis_mcp.ledger.schema import require_ledger
from aegis_mcp.ledger.store import LedgerStore
from aegis_mcp.ledger.verify import Anchor, load_anchor, verify_connection

EXIT_INTACT, EXIT_DAMAGED, EXIT_ERROR = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = f"""\
exit status: 0 intact, 1 damaged (the first bad seq and the kind are printed), 2 cannot verify.
kinds of damage: modified, missing, inserted, reordered, truncated, forked, bad signature.

Without --anchor, verify proves the log is internally consistent and matches its own signed
checkpoints. Truncation of the unsigned tail, or a rewrite by someone holding the signing key,
can only be caught against a checkpoint you exported earlier (`aegis-mcp checkpoint --out`)
and kept where this host cannot rewrite it: pass it with --anchor.

examples:
  aegis-mcp verify
  aegis-mcp verify --anchor ~/Backups/aegis-2026-11-21.checkpoint --json
  aegis-mcp verify --db /srv/aegis/ledger.db --key ledger.db.pub --anchor /mnt/worm/anchors/
"""
    parser.add_argument("--db", metavar="PATH", help=f"the ledger database (default: ${DB_ENV}, else the per-user data directory)")
    parser.add_argument("--anchor", metavar="FILE", action="append", default=[],
                        help="an exported checkpoint the log must extend; a directory means every file in it (repeatable)")
    parser.add_argument("--key", metavar="FILE", help="the public key to check signatures with (default: the .pub file beside the database)")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 4), metavar="N",
                        help="processes to scan a large ledger with (default: %(default)s; 1 = stream in this process)")


def _anchors(paths: list[str]) -> list[Anchor]:
    anchors: list[Anchor] = []
    for raw in paths:
        p = Path(raw).expanduser()
        files = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith(".")) if p.is_dir() else [p]
        if not files:
            # Asked to check against anchors, none checked: not "intact" (an unmounted WORM share
            # or a wrong path would otherwise pass as a verified anchor directory).
            raise LedgerError(f"the anchor directory {p} holds no checkpoint files (`aegis-mcp checkpoint --to {raw}` "
                              "writes them)")
        for f in files:
            try:
                anchors.append(load_anchor(f.read_text(encoding="utf-8"), str(f)))
            except OSError as exc:
                raise LedgerError(f"cannot read the anchor {f}: {exc.strerror or exc}") from exc
            except (LedgerError, UnicodeDecodeError) as exc:
                why = str(exc).removeprefix("not a checkpoint note: ")  # the parser already says so
                raise LedgerError(f"{f} is not a checkpoint note: {why}") from exc
    return anchors


def _vkey(args: argparse.Namespace, store: LedgerStore) -> VerifierKey:
    if args.key:
        return load_verifier_key(Path(args.key).expanduser())
    try:
        return store.verifier_key()
    except LedgerError as exc:
        from aegis_mcp.ledger.keys import pub_path_for

        key = store.key_path
        raise LedgerError(f"no public key to check signatures with: neither {pub_path_for(key)} nor {key} can be "
                          f"read ({exc}); pass --key FILE (the .pub you kept)") from exc


def run(args: argparse.Namespace) -> int:
    db = resolve_db_path(args.db)
    try:
        anchors = _anchors(args.anchor)
        require_ledger(db)  # "not an aegis-mcp ledger" rather than SQLite's "no such table"
        with LedgerStore.open(db, readonly=True) as store:
            vkey = _vkey(args, store)
            report = verify_connection(store.connection, vkey=vkey, anchors=anchors, workers=max(1, args.workers))
    except LedgerError as exc:
        if args.json:
            show(orjson.dumps({"ok": False, "error": str(exc), "db": str(db)}).decode())
        else:
            say("verify", str(exc))
        return EXIT_ERROR
    if args.json:
        out = report.to_dict()
        out["db"] = str(db)
        out["key"] = vkey.text()
        if report.damage is not None:  # what the damaged row's index columns say it was (a hint, not proof)
            out["damaged_row"] = _describe_row(db, report.damage.seq)
        show(orjson.dumps(out).decode())
        return EXIT_INTACT if report.ok else EXIT_DAMAGED
    cp = report.latest_checkpoint
    cp_text = f"latest checkpoint at size {cp['size']} root {cp['root'][:16]}..." if cp else "no checkpoint yet"
    if report.ok:
        show(f"intact: {db}\n  {report.size} records, {report.checkpoints_checked} signed checkpoints verified "
              f"({cp_text}), {report.anchors_checked} anchor(s), key {vkey.name} [{report.seconds:.2f} s]")
        for note in report.notes:
            show(f"  note: {note}")
        return EXIT_INTACT
    d = report.damage
    assert d is not None
    span = f" (up to seq {d.last_seq})" if d.last_seq is not None and d.last_seq != d.seq else ""
    intact = f"records 0..{d.seq - 1} verified intact" if d.seq > 0 else "no record before it to vouch for"
    show(f"DAMAGED: {db}\n  first bad seq {d.seq}{span}: {d.kind}\n  {d.detail}")
    what = _describe_row(db, d.seq)
    if what:
        show(f"  the row's index columns say: {what} (not covered by the hashes: a hint, not proof)")
    show(f"  {intact}; {cp_text}")
    return EXIT_DAMAGED


def _describe_row(db: Path, seq: int) -> str | None:
    """What the row at `seq` says it is, from its filter columns (which the verifier never trusts),
    so the person can tell which event was touched: "approval of fs/write_file (approved), 2026-11-21 23:12:03 UTC"."""
    import datetime as dt
    import sqlite3

    from aegis_mcp.errors import LedgerError
    from aegis_mcp.ledger.readonly import connect_readonly

    try:
        conn = connect_readonly(db)
        try:
            row = conn.execute("SELECT kind, server, tool, decision, ts_us FROM records WHERE seq=?", (seq,)).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, LedgerError):
        return None
    if row is None:
        return None
    kind, server, tool, decision, ts_us = (str(v)[:80] if isinstance(v, str) else v for v in row)
    text = str(kind or "a record")
    if server or tool:
        text += f" of {server or '?'}/{tool or '?'}"
    if decision:
        text += f" ({decision})"
    if isinstance(ts_us, int):
        try:
            text += ", " + dt.datetime.fromtimestamp(ts_us / 1e6, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        except (OverflowError, OSError, ValueError):
            pass
    return text
