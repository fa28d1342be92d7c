"""One hyperscan scan per call says which registered patterns *cannot* occur in its text, so RE2 is not asked.

Issue #2: first sight of a call costs ~10-40 RE2 passes, most of which find nothing, and each
builds lazy-DFA states on the new bytes. Hyperscan compiles every pattern ahead of time and
scans once for all of them. It cannot do every RE2 pattern exactly, but with HS_FLAG_PREFILTER
it reports a *superset* of matches, which is all an oracle of absence needs: "pattern k cannot
occur anywhere in J" -> for any text t that is a substring of J, RE2's search of t finds nothing.

Soundness, by construction (tests/engine/test_speed_oracle.py checks it on arbitrary text):
- only an ASCII J is scanned (a call with any non-ASCII character keeps plain RE2), in byte mode:
  on ASCII text RE2 and hyperscan agree on `.`, \\w, \\d, classes and case folding, and a
  non-ASCII pattern character (its UTF-8 bytes) matches nothing, as in RE2 (see `relax` for the
  two exceptions, refused);
- each pattern is *relaxed* before compiling: the zero-width assertions ^ $ \\A \\z \\b \\B are
  dropped, so a match inside any substring t of J is a match somewhere in J (a relaxed pattern
  only matches more); \\S is spelled as RE2's class (PCRE's \\s also holds \\v, so its \\S is narrower);
- patterns are compiled CASELESS, so the one scan also answers for case-changed copies of J's
  substrings (a detector's lower-cased text); a detector's text is checked to be (a case variant
  of) a substring of J on every use (`Scope.maybe_for`), so no call site has to be trusted.
A pattern hyperscan refuses keeps RE2. Hyperscan missing, failing, or not yet compiled: plain RE2,
never an error. The compiled database is cached beside this module (else ~/.cache/aegis-mcp),
matched to today's patterns by digest, so the compile (~30 s CPU) is paid once per install, by
`python -m aegis_mcp.engine.prefilter_hs` or in a background thread of a warming (long-lived)
engine (it releases the GIL) while the engine answers with RE2 alone.

OFF by default (ON below): see the measurements there. Kept, behind AEGIS_MCP_HS_ORACLE=1, with
its tests (tests/engine/test_speed_oracle.py), for a smaller or cheaper database to build on.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path
from typing import Any, Callable

log = logging.getLogger(__name__)

# OFF by default: measured in session 9 (bench/dev/oracle_ab.py, oracle_census.py), the scan of
# the ~730-pattern database (~10-25 µs a call) costs more than the RE2 passes it spares (RE2 calls
# per row 45.4 -> 41.1; first-sight CPU 1.20x). AEGIS_MCP_HS_ORACLE=1 turns it on, for measuring.
ENV_SWITCH = "AEGIS_MCP_HS_ORACLE"
ON = os.environ.get(ENV_SWITCH, "0").strip().lower() in ("1", "on", "true", "yes")

try:  # an optional accelerator: without it the engine is exactly as before
    import hyperscan as _hs
except Exception:  # noqa: BLE001 - any import problem (missing wheel, CPU) means "no oracle"
    _hs = None


def available() -> bool:
    """Is the oracle switched on and hyperscan importable."""
    return ON and _hs is not None

# Texts longer than this are not scanned (the gates' limit): long inputs keep RE2's own passes.
MAX_CHARS = 65_536
# ... nor shorter than this: on a short call the scan costs more than the RE2 passes it spares
MIN_CHARS = int(os.environ.get("AEGIS_MCP_HS_MINLEN", "0"))

# registration id -> pattern source, in registration order (ids are indices). The database's own
# ids are the sources' places in sorted order (the cache key cannot depend on import order);
# matchers are told theirs through `on_install`.
_SOURCES: list[str] = []
_IDS: dict[str, int] = {}
# told {registration id: database id} for the covered sources once a database is installed
_LISTENERS: list[Callable[[dict[int, int]], None]] = []
_LOCK = threading.Lock()


def register(source: str) -> int:
    """The oracle id of a pattern source (the same source always gets the same id)."""
    with _LOCK:
        i = _IDS.get(source)
        if i is None:
            i = _IDS[source] = len(_SOURCES)
            _SOURCES.append(source)
        return i


def on_install(listener: Callable[[dict[int, int]], None]) -> None:
    """Call `listener({registration id: database id})` for the sources a database covers when one
    is installed (at once if one already is); scans report database ids."""
    with _LOCK:
        _LISTENERS.append(listener)
        db = _DB
    if db is not None:
        listener(db.covered)


# -- relaxing a pattern ----------------------------------------------------------------------------

# Longer sources are left to RE2 (the longest hyperscan took here: ~14,000 characters; a 28,000
# one it refused, and finding which expression a multi-compile refused costs several compiles)
MAX_PATTERN_CHARS = 16_384
_DROP_ESCAPES = frozenset("bBAz")
# RE2's \S: everything but [\t\n\f\r ] (\v is not space in RE2), as byte ranges
_NOT_SPACE = r"\x00-\x08\x0b\x0e-\x1f\x21-\xff"
# Non-ASCII characters RE2's case folding maps onto ASCII letters (ſ -> s, Kelvin sign -> k)
_FOLDS_TO_ASCII = frozenset("\u017f\u212a")


def relax(pattern: str) -> str | None:
    """The pattern without its zero-width assertions, for a byte-mode hyperscan scan of ASCII text,
    or None when it cannot be mirrored safely (then RE2 keeps answering for it).

    Byte mode (not UTF8/UCP, measured: 50x slower to compile for the multilingual rules): a
    non-ASCII character becomes its UTF-8 bytes, which never occur in ASCII text -- as in RE2 --
    except where RE2's case folding maps one onto ASCII (refused), or a class range has a
    non-ASCII end (refused: in bytes it would mean something else)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    if n > MAX_PATTERN_CHARS:
        return None  # hyperscan refuses it ("Pattern length exceeds limit"), after a costly try
    if not _FOLDS_TO_ASCII.isdisjoint(pattern) or "\\x{" in pattern or "\\p" in pattern or "\\P" in pattern:
        return None
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            d = pattern[i + 1]
            if d in "CQE":  # any byte / quoted runs: not worth mirroring
                return None
            if not in_class and d in _DROP_ESCAPES:
                i += 2
                continue
            if d == "S":
                out.append(_NOT_SPACE if in_class else f"[{_NOT_SPACE}]")
                i += 2
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" and pattern.startswith("[:", i):
                j = pattern.find(":]", i + 2)
                if j < 0 or pattern.startswith("[:^", i):
                    return None  # a negated POSIX class: its PCRE meaning may be narrower
                out.append(pattern[i : j + 2])
                i = j + 2
                continue
            if c == "]":
                in_class = False
            elif c == "-" and i + 1 < n and (ord(pattern[i - 1]) > 127 or ord(pattern[i + 1]) > 127):
                return None
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("]")
                i += 1
            continue
        if c == "(" and pattern.startswith("(?", i):
            # inline flags: hyperscan knows i, m, s; RE2's U (ungreedy) it refuses: leave to RE2
            j = i + 2
            while j < n and pattern[j] in "imsU-":
                j += 1
            if "U" in pattern[i + 2 : j]:
                return None
        if c == "^" or c == "$":
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


# -- the compiled database -------------------------------------------------------------------------

class _Db:
    """A compiled hyperscan database over some registered sources, with per-thread scratch."""

    def __init__(self, db: Any, covered: dict[int, int]) -> None:
        self.db = db
        self.covered = covered
        self._tls = threading.local()

    def scan(self, data: bytes) -> set[int] | None:
        """Ids that may occur in `data` (a superset), or None if hyperscan failed."""
        tls = self._tls
        scratch = getattr(tls, "scratch", None)
        try:
            if scratch is None:
                scratch = tls.scratch = _hs.Scratch(self.db)
            hits: set[int] = set()
            add = hits.add
            self.db.scan(data, match_event_handler=lambda i, _a, _b, _f, _c: add(i), scratch=scratch)
            return hits
        except Exception:  # noqa: BLE001 - the oracle is optional: RE2 answers instead
            return None


_DB: _Db | None = None
_BUILDING = [False]


# (database id, digest of the expression, relaxed expression, flags) for each source it can mirror
_Plan = list[tuple[int, str, bytes, int]]
_RELAX_VERSION = "2"  # bump when `relax` changes: cached digests then no longer match


def _plan(sources: list[str], ids: dict[str, int] | None = None) -> tuple[_Plan, dict[str, int]]:
    """The database's expressions (sources in sorted order), and {digest: registration id}
    (`ids`: source -> id, when not the registry's)."""
    ids = _IDS if ids is None else ids
    # CASELESS: one scan of the call's text answers for it and for any case-changed derivation of
    # it (a detector's lower-cased copy): a pattern matching a case variant of a substring of J
    # matches that substring caselessly (ASCII). Measured: two scans (J and J.lower()) cost 2x.
    flags = _hs.HS_FLAG_PREFILTER | _hs.HS_FLAG_SINGLEMATCH | _hs.HS_FLAG_ALLOWEMPTY | _hs.HS_FLAG_CASELESS
    plan: _Plan = []
    by_digest: dict[str, int] = {}
    for i, src in enumerate(sorted(set(sources))):
        r = relax(src)
        if r is not None:
            expr = r.encode("utf-8")
            digest = hashlib.sha256(b"%s %d " % (_RELAX_VERSION.encode(), flags) + expr).hexdigest()[:20]
            plan.append((i, digest, expr, flags))
            by_digest[digest] = ids[src]
    return plan, by_digest


def _compile(plan: _Plan) -> tuple[Any, _Plan]:
    """(database, the entries compiled): a pattern hyperscan refuses is left out (found by
    halving: the compiler names the problem but not which of the expressions had it)."""
    def attempt(part: _Plan) -> Any:
        db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
        db.compile(expressions=[e[2] for e in part], ids=[e[0] for e in part], flags=[e[3] for e in part])
        return db

    def good(part: _Plan) -> _Plan:
        try:
            attempt(part)
            return part
        except Exception:  # noqa: BLE001 - hyperscan's compile error: find the culprit(s)
            if len(part) == 1:
                return []
            mid = len(part) // 2
            return good(part[:mid]) + good(part[mid:])

    try:
        return attempt(plan), plan
    except Exception:  # noqa: BLE001
        kept = good(plan)
        return attempt(kept), kept


def cache_dirs() -> list[Path]:
    """Where the compiled database may be cached, best first: beside this module (one cache for
    every process of an install, ledger directories apart), else the user's cache directory.
    Derived data, never the data directory (tests and users point that at fresh places)."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    user = (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "aegis-mcp"
    return [Path(__file__).resolve().parent / "_hs_cache", user]


# A cached database covering at least this share of today's expressions is used as it is: a few
# patterns are built from sets and differ with the hash seed from process to process (they keep
# RE2); a lower share means the rules changed (a new version): build a new one when allowed.
_REUSE_SHARE = 0.95


def _cache_name() -> str:
    return f"hs-oracle-{getattr(_hs, '__version__', 'x')}.db"  # (*.db: ignored by git beside the sources)


def _load(by_digest: dict[str, int]) -> tuple[_Db | None, float]:
    """(the cached database with the registration ids it covers, the share of today's expressions it covers)."""
    for folder in cache_dirs():
        try:
            blob = (folder / _cache_name()).read_bytes()
        except OSError:
            continue
        try:
            head, _, body = blob.partition(b"\n")
            covered: dict[int, int] = {}
            for item in head.split():
                db_id, _, digest = item.partition(b":")
                reg = by_digest.get(digest.decode())
                if reg is not None:
                    covered[reg] = int(db_id)
            # the share of today's expressions it covers, or of its own that today uses (a database
            # holding many patterns nobody asks about costs scan time for nothing), the smaller
            share = len(covered) / max(1, len(by_digest), len(head.split()))
            return _Db(_hs.loadb(body, _hs.HS_MODE_BLOCK), covered), share
        except Exception:  # noqa: BLE001, S112 - corrupt: try the next, or build
            continue
    return None, 0.0


def _load_or_build(sources: list[str], build: bool) -> _Db | None:
    plan, by_digest = _plan(sources)
    db, share = _load(by_digest)
    if not build or (db is not None and share >= _REUSE_SHARE):
        return db
    hs_db, kept = _compile(plan)
    blob = " ".join(f"{e[0]}:{e[1]}" for e in kept).encode() + b"\n" + _hs.dumpb(hs_db)
    for folder in cache_dirs():
        try:  # best effort: nowhere writable just means compiling again next time
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f"{_cache_name()}.{os.getpid()}.tmp"
            tmp.write_bytes(blob)
            os.replace(tmp, folder / _cache_name())
            break
        except Exception as exc:  # noqa: BLE001
            log.debug("hyperscan oracle cache not written in %s: %s", folder, exc)
    return _Db(hs_db, {by_digest[e[1]]: e[0] for e in kept})


def _install(db: _Db) -> None:
    global _DB
    with _LOCK:
        _DB = db
        listeners = list(_LISTENERS)
    for listener in listeners:
        listener(db.covered)


def ensure(build: bool = True, background: bool = True) -> bool:
    """Make the oracle available for the patterns registered so far: load the cached database, or
    (with `build`) compile it, in a daemon thread when `background`. True once one is installed.
    A one-shot process passes build=False: a compile it would not live to finish only costs CPU."""
    if not available():
        return False
    if _DB is not None:
        return True
    with _LOCK:
        sources = list(_SOURCES)
        if _BUILDING[0] or not sources:
            return False
        _BUILDING[0] = True
    try:
        db = _load_or_build(sources, build=build and not background)
        if db is not None:
            _install(db)
            return True
        if build and background:
            def work() -> None:
                try:
                    built = _load_or_build(sources, build=True)
                    if built is not None:
                        _install(built)
                except Exception as exc:  # noqa: BLE001 - the oracle is optional
                    log.debug("hyperscan oracle not built: %s", exc)
                finally:
                    _BUILDING[0] = False
            threading.Thread(target=work, name="aegis-hs-oracle", daemon=True).start()
            return False
    except Exception as exc:  # noqa: BLE001 - the oracle is optional
        log.debug("hyperscan oracle unavailable: %s", exc)
    _BUILDING[0] = False
    return False


# -- the per-call scope ----------------------------------------------------------------------------

class Scope:
    """One call's scanned text, its lower case, and the ids that may occur in any case variant of
    any substring of it."""

    __slots__ = ("text", "maybe", "lower")

    def __init__(self, text: str, maybe: set[int], lower: str) -> None:
        self.text = text
        self.maybe = maybe
        self.lower = lower

    def maybe_for(self, text: str) -> set[int] | None:
        """The ids that may occur in `text`, or None when `text` is not known to be covered."""
        if text in self.text or text in self.lower or (text.isascii() and text.lower() in self.lower):
            return self.maybe
        return None


_TLS = threading.local()


def current() -> Scope | None:
    return getattr(_TLS, "scope", None)


def open_scope(joined: str) -> Scope | None:
    """Scan `joined` and make it this thread's scope; None when the oracle has nothing to say
    (not installed, non-ASCII or long text, hyperscan error)."""
    db = _DB
    if db is None or not MIN_CHARS <= len(joined) <= MAX_CHARS or not joined.isascii():
        return None
    maybe = db.scan(joined.encode("ascii"))
    if maybe is None:
        return None
    scope = Scope(joined, maybe, joined.lower())
    _TLS.scope = scope
    return scope


def set_scope(scope: Scope | None) -> None:
    _TLS.scope = scope


def installed() -> bool:
    return _DB is not None


def reset_for_tests() -> None:
    """Forget the installed database (tests compare with and without the oracle)."""
    global _DB
    with _LOCK:
        _DB = None
        _BUILDING[0] = False
    _TLS.scope = None


def main() -> int:
    """`python -m aegis_mcp.engine.prefilter_hs`: compile (or load) the engine's oracle database
    now and cache it (scripts/setup.sh runs it, so the first proxy of an install need not)."""
    import time  # noqa: PLC0415

    from aegis_mcp.engine.engine import Engine  # noqa: PLC0415 - registers every detector's patterns

    from aegis_mcp.engine import prefilter_hs as me  # noqa: PLC0415 - not __main__'s copy of this module

    t = time.perf_counter()
    Engine(oracle=False)
    if not me.available():
        print(f"hyperscan oracle off (set {ENV_SWITCH}=1) or hyperscan not installed: the engine uses RE2 alone")
        return 0
    ok = me.ensure(build=True, background=False)
    db = me._DB  # noqa: SLF001
    print(f"hyperscan oracle: {'ready' if ok else 'unavailable'}; {len(me._SOURCES)} patterns registered, "  # noqa: SLF001
          f"{len(db.covered) if db else 0} covered; {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
