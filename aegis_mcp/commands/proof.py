"""`aegis-mcp proof`: print an inclusion proof for one ledger record, or check one offline."""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson

from aegis_mcp.commands._stderr import say, show, usage_error
from aegis_mcp.config import DB_ENV, resolve_db_path
from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.keys import VerifierKey, load_verifier_key
from aegis_mcp.ledger.proofdoc import build_proof, check_proof
from aegis_mcp.ledger.schema import require_ledger
from aegis_mcp.ledger.store import LedgerStore


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = """\
The proof is one JSON document: the record's exact bytes, its leaf hash, the sibling hashes up
to the root, and the signed checkpoint. Anyone can check it offline, without the database.

examples:
  aegis-mcp proof 42 > proof.json
  aegis-mcp proof --check proof.json --key ledger.db.pub

or by hand (Python, standard library + any Ed25519 library):
  leaf = sha256(b"\\x00" + body.encode()); fold `proof` per RFC 9162 section 2.1.3.2
  (aegis_mcp.ledger.merkle.verify_inclusion does exactly this) and compare with the
  root in the checkpoint, whose signature line is a signed-note Ed25519 signature.
If the record is newer than the latest checkpoint, a fresh checkpoint is signed first.

exit status: 0 printed (or, with --check, valid), 1 with --check: INVALID (why is printed),
2 no such record, no ledger, or an unreadable proof file.
"""
    parser.add_argument("seq", nargs="?", type=int, help="the record's seq (as shown by the audit server or verify)")
    parser.add_argument("--db", metavar="PATH", help=f"the ledger database (default: ${DB_ENV}, else the per-user data directory)")
    parser.add_argument("--check", metavar="FILE", help="check a proof document offline instead of printing one")
    parser.add_argument("--key", metavar="FILE", help="with --check: the public key to trust (default: the key inside the document, which proves nothing on its own)")


# What `aegis-mcp proof SEQ` writes and `--check` reads (ledger/proofdoc.py).
_PROOF_FIELDS = ("seq", "body", "tree_size", "proof", "checkpoint", "key")


def _check(args: argparse.Namespace) -> int:
    try:
        doc = orjson.loads(Path(args.check).expanduser().read_bytes())
        if not isinstance(doc, dict):
            raise ValueError("not a JSON object")
        missing = [k for k in _PROOF_FIELDS if k not in doc]
        if missing:  # before the key: `{}` used to be reported as "not a verifier key (...): ''"
            return usage_error("proof", f"{args.check} is not a proof document (no {', '.join(missing)}): "
                               "make one with `aegis-mcp proof SEQ > FILE`")
        if args.key:
            vkey = load_verifier_key(Path(args.key).expanduser())
        else:
            vkey = VerifierKey.parse(str(doc.get("key", "")))
            say("proof", "warning: trusting the key inside the proof; pass --key with the key you kept")
    except OSError as exc:
        return usage_error("proof", f"cannot read {args.check}: {exc.strerror or exc}")
    except orjson.JSONDecodeError:
        return usage_error("proof", f"{args.check} is not a proof document (not JSON): make one with `aegis-mcp proof SEQ > FILE`")
    except (ValueError, LedgerError) as exc:
        return usage_error("proof", f"cannot read {args.check}: {exc}")
    ok, why = check_proof(doc, vkey)
    show(("valid: " if ok else "INVALID: ") + why)
    return 0 if ok else 1


def run(args: argparse.Namespace) -> int:
    if args.check:
        return _check(args)
    if args.seq is None:
        return usage_error("proof", "give a record's SEQ (or --check FILE)")
    db = resolve_db_path(args.db)
    try:
        require_ledger(db)  # "not an aegis-mcp ledger" rather than SQLite's "no such table"
        with LedgerStore.open(db, readonly=True) as store:
            count = store.count()
            if not 0 <= args.seq < count:
                raise LedgerError(f"no record {args.seq} in {db} (it holds seq 0..{count - 1})" if count else f"the ledger at {db} is empty")
            cp = store.latest_checkpoint()
        if cp is None or cp.size <= args.seq:
            try:
                with LedgerStore.open(db) as writer:  # the record is newer than the last checkpoint
                    cp = writer.write_checkpoint()
            except LedgerError as exc:  # a full disk, a read-only copy: say why a proof had to write
                covered = f"the latest covers seq 0..{cp.size - 1}" if cp is not None else "there is none yet"
                raise LedgerError(f"record {args.seq} is not covered by a signed checkpoint ({covered}), and "
                                  f"signing one needs to write the ledger: {exc}") from exc
        with LedgerStore.open(db, readonly=True) as store:
            doc = build_proof(store, args.seq, cp)
    except LedgerError as exc:
        return usage_error("proof", str(exc))
    show(orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode())
    return 0
