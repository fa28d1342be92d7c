"""Linear-time pattern matching for the engine: every detector pattern goes through RE2.

Python's `re` backtracks (an 81-character crafted input took 20 s); RE2 guarantees time
linear in the input, so a hostile argument cannot stall the firewall. Use `compile` for a
single pattern and `PatternSet` to test many patterns in one pass over a string.
"""

from __future__ import annotations

from typing import Sequence

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # a bad pattern raises; RE2 must not print to stdout/stderr itself
_OPTIONS.max_mem = 64 << 20


_UNANCHORED = re2._Anchor.UNANCHORED  # noqa: SLF001
_ANCHOR_START = re2._Anchor.ANCHOR_START  # noqa: SLF001
_ANCHOR_BOTH = re2._Anchor.ANCHOR_BOTH  # noqa: SLF001
_NO_MATCH = (-1, -1)
_BYTES_TO_CHARS = re2._re2.BytesToCharLen  # noqa: SLF001
_CHARS_TO_BYTES = re2._re2.CharLenToBytes  # noqa: SLF001


_MISS = object()
_MEMO_LEN = 40  # strings up to this length have their search() answer remembered
_MEMO_SIZE = 128  # per pattern (~650 patterns: a few MB at most); cleared when full


class FastRegexp:
    """An RE2 pattern with a fast path for ASCII text (added by engine-core for the latency budget).

    google-re2's Python wrapper maps byte offsets back to characters through a generator on every
    call (~2-6 µs even for short strings). For ASCII text bytes and characters coincide, so the
    C++ matcher is called directly and a regular re2 match object is built from its spans.
    Behaviour is identical to the wrapper's; non-ASCII text and pos/endpos use the wrapper.
    """

    __slots__ = ("_rx", "_re", "_memo")

    def __init__(self, rx: "re2._Regexp") -> None:
        self._rx = rx
        self._re = rx._regexp  # noqa: SLF001
        # search() answers for short ASCII strings: a call into RE2 costs ~0.5-0.9 µs however
        # short the text, a dict hit ~50 ns, and short strings recur (object keys like "path",
        # "command", "query"; enum values) on every call of a tool, each seen by ~15 patterns.
        self._memo: dict[str, "re2._Match | None"] = {}

    def _fast(self, anchor: object, text: str) -> "re2._Match | None":
        b = text.encode("ascii")
        spans = self._re.Match(anchor, b, 0, len(b))
        if spans[0][0] == -1:
            return None
        return re2._Match(self._rx, text, 0, len(text), spans)  # noqa: SLF001 - pybind returns a fresh list

    def _misses(self, anchor: object, text: str) -> bool:
        """Non-ASCII text: one direct C++ call proves "no match" (the common case) without the
        wrapper's per-call offset bookkeeping; a hit is rebuilt by the wrapper, so the match
        object is exactly the wrapper's. Strict UTF-8, like the wrapper (same errors)."""
        b = text.encode("utf-8")
        return self._re.Match(anchor, b, 0, len(b))[0] == _NO_MATCH

    def search(self, text: str, pos: int | None = None, endpos: int | None = None) -> "re2._Match | None":
        if pos is None and endpos is None and isinstance(text, str):
            if text.isascii():
                short = len(text) <= _MEMO_LEN
                if short:
                    hit = self._memo.get(text, _MISS)
                    if hit is not _MISS:
                        return hit  # type: ignore[return-value]  # match objects are never mutated
                # _fast inlined: detectors call search ~15 times a call, mostly as a boolean
                b = text.encode("ascii")
                spans = self._re.Match(_UNANCHORED, b, 0, len(b))
                m = None if spans[0][0] == -1 else re2._Match(self._rx, text, 0, len(text), spans)  # noqa: SLF001
                if short:
                    memo = self._memo
                    if len(memo) >= _MEMO_SIZE:
                        memo.clear()
                    memo[text] = m
                return m
            if self._misses(_UNANCHORED, text):
                return None
        return self._rx.search(text, pos, endpos)

    def match(self, text: str, pos: int | None = None, endpos: int | None = None) -> "re2._Match | None":
        if pos is None and endpos is None and isinstance(text, str):
            if text.isascii():
                return self._fast(_ANCHOR_START, text)
            if self._misses(_ANCHOR_START, text):
                return None
        return self._rx.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int | None = None, endpos: int | None = None) -> "re2._Match | None":
        if pos is None and endpos is None and isinstance(text, str):
            if text.isascii():
                return self._fast(_ANCHOR_BOTH, text)
            if self._misses(_ANCHOR_BOTH, text):
                return None
        return self._rx.fullmatch(text, pos, endpos)

    def find_strings(self, text: str, limit: int) -> list[str]:
        """`[m.group(0) for m in finditer(text)][:limit]` for any text, in one UTF-8 encoding:
        RE2 matches on character boundaries, so each match is its decoded byte slice (the
        wrapper's finditer costs ~10 µs a match on non-ASCII text)."""
        b = text.encode("utf-8")
        n = len(b)
        at = 0
        out: list[str] = []
        match = self._re.Match
        while at <= n and len(out) < limit:
            start, end = match(_UNANCHORED, b, at, n)[0]
            if start == -1:
                break
            out.append(b[start:end].decode("utf-8"))
            if end == start:  # an empty match: step over one whole character
                end += 1
                while end < n and (b[end] & 0xC0) == 0x80:
                    end += 1
            at = end
        return out

    def test(self, text: str) -> bool:
        """Does the pattern occur anywhere in `text` (no match object built)."""
        if isinstance(text, str) and len(text) <= _MEMO_LEN and text.isascii():
            return self.search(text) is not None  # the memoised path
        b = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        return bool(self._re.Match(_UNANCHORED, b, 0, len(b))[0] != _NO_MATCH)

    def finditer(self, text: str, pos: int | None = None, endpos: int | None = None):  # type: ignore[no-untyped-def]
        if pos is not None or endpos is not None or not isinstance(text, str):
            return self._rx.finditer(text, pos, endpos)
        return self._iter_ascii(text) if text.isascii() else self._iter_utf8(text)

    def _iter_utf8(self, text: str):  # type: ignore[no-untyped-def]
        """The wrapper's finditer for non-ASCII text, without its per-match generator, set,
        dict and sort: the same C++ calls (Match, BytesToCharLen), the same stepping rule,
        identical match objects (~3x cheaper a match; sentence splitting of a result pays it
        hundreds of times)."""
        b = text.encode("utf-8")
        n = len(b)
        at = 0
        match = self._re.Match
        to_chars = _BYTES_TO_CHARS
        rx = self._rx
        tn = len(text)
        last_b = last_c = 0  # offsets only grow: each match starts at or after the previous end
        while True:
            spans = match(_UNANCHORED, b, at, n)
            if spans[0] == _NO_MATCH:
                return
            conv: dict[int, int] = {}
            for o in sorted({o for span in spans for o in span if o != -1}):
                last_c += to_chars(b, last_b, o)
                last_b = o
                conv[o] = last_c
            yield re2._Match(rx, text, 0, tn, [span if span == _NO_MATCH else (conv[span[0]], conv[span[1]]) for span in spans])  # noqa: SLF001
            end = spans[0][1]
            if at == n:
                return
            if at == end:  # an empty match where the search began: step over one character
                at += _CHARS_TO_BYTES(b, at, 1)
            else:
                at = end

    def _iter_ascii(self, text: str):  # type: ignore[no-untyped-def]
        b = text.encode("ascii")
        n = len(b)
        at = 0
        match = self._re.Match
        rx = self._rx
        while at <= n:
            spans = match(_UNANCHORED, b, at, n)
            if spans[0] == _NO_MATCH:
                return
            yield re2._Match(rx, text, 0, n, list(spans))  # noqa: SLF001
            start, end = spans[0]
            at = end + 1 if end == start else end

    def findall(self, text: str, pos: int | None = None, endpos: int | None = None) -> list:  # type: ignore[type-arg]
        if pos is not None or endpos is not None or not isinstance(text, str) or not text.isascii():
            return self._rx.findall(text, pos, endpos)
        groups = self._rx.groups
        out = []
        for m in self._iter_ascii(text):
            if not groups:
                out.append(m.group())
            elif groups == 1:
                out.append(m.groups(default="")[0])
            else:
                out.append(m.groups(default=""))
        return out

    def subn(self, repl, text, count=0):  # type: ignore[no-untyped-def]
        """The wrapper's subn for str text, without its per-match template parsing (`expand`
        re-splits and unescapes the template on every match: ~100 µs for a short string).
        The template is parsed once (cached); matches come from the same finditer stepping."""
        if not isinstance(text, str) or count < 0 or not (callable(repl) or isinstance(repl, str)):
            return self._rx.subn(repl, text, count)
        pieces: list[str] = []
        end = 0
        n = 0
        plan = None if callable(repl) else _template(repl)
        for m in self.finditer(text):
            pieces.append(text[end : m.start()])
            if plan is None:
                pieces.append(repl(m))
            else:
                for literal, group in plan:
                    pieces.append(literal if group is None else (m[group] or ""))
            end = m.end()
            n += 1
            if count and n >= count:
                break
        if not n:
            return text, 0
        pieces.append(text[end:])
        return "".join(pieces), n

    def sub(self, repl, text, count=0):  # type: ignore[no-untyped-def]
        return self.subn(repl, text, count)[0]

    def __getattr__(self, name: str) -> object:  # pattern, groups, groupindex, split, ...
        return getattr(self._rx, name)


_TEMPLATES: dict[str, list[tuple[str, int | str | None]]] = {}


def _template(repl: str) -> list[tuple[str, int | str | None]]:
    """A substitution template as (literal, None) / ("", group) pieces, parsed the wrapper's way."""
    plan = _TEMPLATES.get(repl)
    if plan is None:
        import codecs  # noqa: PLC0415

        plan = []
        for i, piece in enumerate(re2._Match._split(repl)):  # noqa: SLF001 - the wrapper's own parser
            if not i % 2:
                plan.append((codecs.unicode_escape_decode(piece)[0], None))
            else:
                group: int | str = int(piece[1:]) if len(piece) <= 3 else piece[3:-1]
                if isinstance(group, str):
                    try:
                        group = int(group)
                    except ValueError:
                        pass
                plan.append(("", group))
        if len(_TEMPLATES) < 1024:
            _TEMPLATES[repl] = plan
    return plan


def compile(pattern: str) -> FastRegexp:  # noqa: A001 - mirrors re.compile on purpose
    """Compile one pattern with RE2 (raises re2.error on syntax RE2 does not support)."""
    return FastRegexp(re2.compile(pattern, _OPTIONS))


_TEST_OPTIONS = re2.Options()
_TEST_OPTIONS.log_errors = False
_TEST_OPTIONS.max_mem = 64 << 20
_TEST_OPTIONS.never_capture = True


def compile_test(pattern: str) -> FastRegexp:
    """Compile a pattern that is only ever asked "does it occur?" (`.test`, or `._re.Match` for
    the overall span): its parentheses do not capture, so a hit costs no submatch pass."""
    return FastRegexp(re2.compile(pattern, _TEST_OPTIONS))


# A set's patterns are unioned into one lazily built DFA whose state cache is bounded by
# max_mem. A big union of patterns with unbounded gaps (`aws.*?secret`, `[A-Za-z0-9+]{18}`)
# has very many reachable states (roughly the product of its patterns'): at 64 MB, varied
# traffic filled the cache, which RE2 then throws away and rebuilds over and over (measured
# over the corpora: the 156 secret/PII patterns cost ~55 µs a string, the 133 injection
# patterns 13 µs). Split into chunks of SET_CHUNK patterns, each its own DFA, the states stay
# few: ~3 µs a string, and a cold pass over new traffic costs 4x less than one big DFA. Each
# chunk is one more pass over the text (a 1 MB string: ~2 ms a pass), so chunks stay large.
SET_CHUNK = 64
_SET_OPTIONS = re2.Options()
_SET_OPTIONS.log_errors = False
_SET_OPTIONS.max_mem = 128 << 20  # room to grow per chunk; only used as states are built


# A big set on a short text is cheaper through RE2's FilteredRE2: one pass of a small DFA over
# the literal "atoms" every pattern requires, then only the patterns whose atoms all occur (plus
# those without atoms) run on their own. Measured over the texts the engine sets see on the
# corpora (novel texts, warm caches): the 165 secret/PII patterns cost 5.0 vs 6.6 µs under 32
# bytes, 11.6 vs 25.8 µs at 64-128 bytes, 41 vs 61 µs at 512-1024; past ~4 KB the many
# candidate patterns make the filter slower than one set pass, so long texts keep the sets.
# Same answers by construction (a pattern matches iff it is found unanchored) and tested.
FILTER_MIN_PATTERNS = 100
FILTER_MAX_BYTES = 1024


# A chunk also stays under SET_CHUNK_INSTS RE2 program instructions (a bigger pattern gets a DFA
# of its own). First sight -- every corpus row is new text -- costs DFA states built, and a union
# of a few huge alternations (injection's address shapes: 17,500 + 7,600 + 3,900 instructions)
# builds states for every combination of their live threads. Measured in session 5 on the texts of
# the corpora's rows (bench/dev/warm_patterns.py finds such sets): the 7 result-shape patterns
# cost 0.94 s first sight as one DFA vs 0.33 s as 3 (warm 0.056 vs 0.074 s); the 195 injection
# rules 1.17 vs 0.89 s (4 vs 9 DFAs, warm unchanged); smaller budgets made warm passes dearer.
# Whole engine, first sight (callgrind, 1,416 corpus rows): -16% instructions. Texts past
# SPLIT_MAX_BYTES keep the chunks by count (see PatternSet): there extra passes cost more.
SET_CHUNK_INSTS: int | None = 16_000


def _chunk_bounds(named: Sequence[tuple[str, str]], chunk: int, max_insts: int | None) -> list[tuple[int, int]]:
    """[start, end) of each chunk: at most `chunk` patterns, and (with max_insts) at most that many
    RE2 program instructions, a pattern bigger than the budget alone."""
    # Measuring a program means compiling each pattern alone (~1 ms for a big one): only done for
    # sets whose source is long enough to come near the budget (sources run ~1-2 instructions a
    # character; counted repetition more, but a short set stays small whatever its shape).
    if not max_insts or sum(len(p) for _, p in named) * 4 < max_insts:
        return [(b, min(b + chunk, len(named))) for b in range(0, len(named), chunk)]
    out: list[tuple[int, int]] = []
    start = size = 0
    for i, (_, pattern) in enumerate(named):
        n = _program_size(pattern)
        if i > start and (i - start >= chunk or size + n > max_insts):
            out.append((start, i))
            start, size = i, 0
        size += n
    if start < len(named):
        out.append((start, len(named)))
    return out


_SIZES: dict[str, int] = {}  # pattern -> RE2 program size (the same rules are in several sets)


def _program_size(pattern: str) -> int:
    n = _SIZES.get(pattern)
    if n is None:
        n = _SIZES[pattern] = re2.compile(pattern, _OPTIONS)._regexp.ProgramSize()  # noqa: SLF001
    return n


SPLIT_MAX_BYTES = 16_384  # texts up to this size use the size-split chunks (first sight pays states)
# ... and `test` takes the chunks by count on texts this short too: there a pass is mostly the
# ~0.5 µs of calling into RE2 (the result fast path's 226 shapes on "Result: hello world": 11
# size-split sets 6.1 µs, 4 by count 2.4 µs, warm; the proxy's common tiny result). (`matches`
# keeps the size-split sets: it serves every call's short strings, whose first sight they suit.)
SHORT_BYTES = 64


def _build_sets(named: Sequence[tuple[str, str]], bounds: list[tuple[int, int]]) -> list[tuple[int, object]]:
    """One compiled RE2 Set per [start, end) chunk, as (start, set)."""
    out: list[tuple[int, object]] = []
    for base, end in bounds:
        one = re2._re2.Set(_UNANCHORED, _SET_OPTIONS)  # noqa: SLF001
        for _, pattern in named[base:end]:
            if one.Add(pattern.encode("utf-8")) == -1:
                raise re2.error(f"failed to add {pattern!r} to Set")
        if not one.Compile():
            raise re2.error("failed to compile Set")
        out.append((base, one))
    return out


class PatternSet:
    """Many named patterns matched in one linear pass; `matches(text)` returns the names that hit."""

    def __init__(self, named_patterns: Sequence[tuple[str, str]], chunk: int = SET_CHUNK, filtered: bool = True,
                 max_insts: int | None = SET_CHUNK_INSTS) -> None:
        # filtered=False: plain chunked sets only (for `test()` on text that usually hits early)
        self._names = [name for name, _ in named_patterns]
        self._filter: object | None = None
        if filtered and len(named_patterns) >= FILTER_MIN_PATTERNS:
            filt = re2._re2.Filter()  # noqa: SLF001
            if all(filt.Add(p.encode("utf-8"), _OPTIONS) != -1 for _, p in named_patterns) and filt.Compile():
                self._filter = filt
        n = max(1, chunk)
        split = _chunk_bounds(named_patterns, n, max_insts)
        plain = _chunk_bounds(named_patterns, n, None)
        self._sets = _build_sets(named_patterns, split)
        # Long texts take the chunks by count: there a pass over the text costs more than the DFA
        # states it builds (the size-split sets cost +2-4 ms on the hostile 1 MB inputs).
        self._long_sets = self._sets if split == plain else _build_sets(named_patterns, plain)

    def matches(self, text: str) -> list[str]:
        b = text.encode("utf-8")  # the wrapper's encoding (strict), so behaviour is unchanged
        if self._filter is not None and len(b) <= FILTER_MAX_BYTES:
            found = self._filter.Match(b, False)  # type: ignore[attr-defined]  # sorted indices
            if not found:
                return []
            names = self._names
            return [names[i] for i in found]
        hits: list[int] = []
        for base, one in (self._sets if len(b) <= SPLIT_MAX_BYTES else self._long_sets):
            found = one.Match(b)  # type: ignore[attr-defined]
            if found:
                hits.extend(base + i for i in found)
        return [self._names[i] for i in sorted(hits)] if hits else []

    def test(self, text: str) -> bool:
        """Does any pattern occur in `text` (stops at the first chunk that hits)."""
        b = text.encode("utf-8")
        sets = self._sets if SHORT_BYTES < len(b) <= SPLIT_MAX_BYTES else self._long_sets
        return any(one.Match(b) for _, one in sets)  # type: ignore[attr-defined]
