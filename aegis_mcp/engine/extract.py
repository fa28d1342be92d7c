"""Stage 1 of the engine: every string value and object key of a call, with its role and decoded forms.

The walk is iterative (a 5,000-deep document must not blow Python's stack) and capped: depth,
number of strings and total characters. A cap is never a silent allow: hitting one emits a
`limits` signal at the policy's severity (pending or block), and the walk goes on flattening
what lies below the depth cap (same pointer) until the string or size cap, so an attack just
past the depth cap can still be blocked outright rather than merely held.
JSON text inside a string is parsed and walked too, under the same caps.
A long list of plain strings, or an object of many keys with scalar values, is taken as one run
(C-speed whole-list tests, no per-string tuple or pointer) up to the caps, then walked string by
string as before: a 100,000-string call costs about what its kept 10,000 do, and the fragments are
the same (tests/engine/test_speed_caps.py compares the two walks).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, islice, repeat
from typing import Any

import orjson

from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext, new_fragment
from aegis_mcp.engine.memo import SCALAR_TYPES, bounded_put
from aegis_mcp.engine.model import RiskLevel, Signal, ToolCall
from aegis_mcp.engine.canonical import with_twins
from aegis_mcp.engine.normalize import evasion_signal, normalize
from aegis_mcp.engine.policy import Limits
from aegis_mcp.engine.roles import infer_role, schema_child, schema_items, split_words, tool_roles

_DEFAULT_LIMITS = Limits()
_JSON_MAX = 200_000  # JSON-in-a-string larger than this is scanned as text only
BULK_STRINGS = 1_000  # past this many strings a call is scanned in joined groups (see _coalesce)
MAX_GROUPS = 64
_BULK_RUN = 64  # a list at least this long tries the whole-list path first (_Walker._plain_prefix)
# a string the per-item loop would not take inline: it opens with "{", "[" or white space (str.isspace:
# Python's \s on str is the same Unicode test), at the start or after a "\0" join separator
_JSON_LEAD = re.compile(r"\0[{\[\s]")
_RUN = 2  # an items record standing for a run of list strings (is_key field): pointers ptr/0, ptr/1...
_RUN_DEEP = 3  # the same below the depth cap: every pointer is the list's own
_RUN_KEYS = 4  # a run of object keys (the values all skipped scalars): pointers ptr/<key>
_RUN_KEYS_DEEP = 5  # ... below the depth cap: every pointer is the object's own
_RUNS = (_RUN, _RUN_DEEP, _RUN_KEYS, _RUN_KEYS_DEEP)
_SCALAR_VALUE_TYPES = frozenset((type(None), bool, int, float))
# Booleans and integers, as their JSON text, in ctx.extra["scalars"] (Fragments of role IDENT, not in
# ctx.fragments: the gates and the text detectors never see them). `{"private": false}` is the same
# request as `{"private": "false"}`, `{"ssn": 536228817}` the same data as "536228817": the detectors
# that judge flags and identifiers read them. An object's own booleans and integers (they sit beside
# their names), a list's integers only when sized like an identifier (a list of small ints is data);
# at most MAX_SCALARS a call, MAX_LIST_SCALARS a list. No cap signal: past a cap they are skipped, as
# every one was before.
MAX_SCALARS = 128
MAX_LIST_SCALARS = 32
_ID_MIN = 100_000_000  # nine digits: an SSN, the shortest identifier a validator knows
_INT_MAX = 10**19  # (Python refuses str() of ints past 4,300 digits; no identifier is that long)
_NO_FLAGS: frozenset[str] = frozenset()


def scalar_fragment(value: Any, path: str, name: str, in_list: bool) -> Fragment | None:
    """A boolean's or integer's JSON text as a Fragment (see MAX_SCALARS), or None (floats, nulls,
    booleans in lists, small integers in lists). Memoised like keys: a tool's flags recur."""
    if value is True or value is False:
        if in_list:
            return None
        k = (value is True, path, name)
        hit = _SCALAR_MEMO.get(k)
        return hit if hit is not None else _ident(path, "true" if value else "false", name, _SCALAR_MEMO, k)
    if type(value) is int and -_INT_MAX < value < _INT_MAX and (not in_list or value >= _ID_MIN):
        if value >= _ID_MIN or value < 0:
            return _ident(path, str(value), name)
        k2 = (value, path, name)  # (a count or a page number recurs: memoised)
        hit = _INT_MEMO.get(k2)
        return hit if hit is not None else _ident(path, str(value), name, _INT_MEMO, k2)
    return None


def _ident(path: str, text: str, name: str, memo: dict[Any, Fragment] | None = None, k: Any = None) -> Fragment:
    """A scalar's IDENT Fragment, kept in `memo` under `k` when given (and the pointer is short)."""
    frag = new_fragment((path, text, name, Role.IDENT, False, (text,), _NO_FLAGS))
    if memo is not None and len(path) <= 256:
        bounded_put(memo, k, frag, _KEY_MEMO_MAX)
    return frag


_SCALAR_MEMO: dict[tuple[bool, str, str], Fragment] = {}
_INT_MEMO: dict[tuple[int, str, str], Fragment] = {}


@lru_cache(maxsize=4096)
def tool_words(name: str) -> frozenset[str]:
    """`GmailSendEmail` / `execute_sql` / `HTTPRequest` / `db.query` -> lower-case words (cached)."""
    return frozenset(split_words(name))


def _esc(token: str) -> str:
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


class _Walker:
    __slots__ = ("limits", "severity", "words", "troles", "items", "signals", "total", "hit", "extra", "scalars")

    def __init__(self, limits: Limits, severity: RiskLevel, words: frozenset[str]) -> None:
        self.limits = limits
        self.severity = severity
        self.words = words
        self.troles = tool_roles(words)
        # (raw, pointer, name, is_key, schema): collected first, judged in `fragments()`. A run of
        # plain list strings taken at once is one record (list, pointer of the list, name, _RUN or
        # _RUN_DEEP, schema) standing for len(list) strings; `extra` counts the strings beyond one
        # per record, so the walk has seen len(items) + extra strings.
        self.items: list[tuple[Any, str, str, Any, Any]] = []
        self.extra = 0
        self.signals: list[Signal] = []
        self.total = 0
        self.hit: set[str] = set()
        self.scalars: list[Fragment] = []

    def cap(self, kind: str, detail: str, path: str) -> None:
        if kind not in self.hit:
            self.hit.add(kind)
            self.signals.append(Signal("limits", kind, detail, self.severity, path))

    def add(self, raw: str, path: str, name: str, is_key: bool, schema: Any, depth: int, stack: list[Any]) -> bool:
        """Record one string; False once a cap stops the walk."""
        lim = self.limits
        if len(self.items) + self.extra >= lim.max_strings:
            self.cap("strings", f"more than {lim.max_strings} strings: the rest was not scanned", path)
            return False
        room = lim.max_total_chars - self.total
        if len(raw) > room:
            self.cap("size", f"more than {lim.max_total_chars} characters: the rest was not scanned", path)
            if room <= 0:
                return False
            raw = raw[:room]  # scan what fits; the signal already holds the call
        self.total += len(raw)
        self.items.append((raw, path, name, is_key, schema))
        # JSON inside a string: walk it as further fragments (pointers continue into it).
        if not is_key and 2 <= len(raw) <= _JSON_MAX and (raw[0] in "{[" or raw[0].isspace()):
            if raw.lstrip()[:1] in ("{", "[") and raw.rstrip()[-1:] in ("}", "]"):
                try:
                    inner = orjson.loads(raw)
                except (orjson.JSONDecodeError, ValueError):
                    inner = None
                if isinstance(inner, (dict, list)) and inner:
                    stack.append((inner, path, name, depth + 1, None))
        return True

    def walk(self, root: Any, schema: Any = None) -> None:
        max_depth = self.limits.max_depth
        max_strings = self.limits.max_strings
        # (node, pointer, name, depth, schema-of-node)
        stack: list[Any] = [(root, "", "", 0, schema)]
        pop = stack.pop
        items = self.items
        while stack:
            node, ptr, name, depth, schema = pop()
            if isinstance(node, str):
                if not self.add(node, ptr, name, False, schema, depth, stack):
                    return
                continue
            if isinstance(node, dict):
                deep = depth >= max_depth
                if deep:
                    self.cap("depth", f"nesting deeper than {max_depth}", ptr)
                children = []
                lim_total = self.limits.max_total_chars
                room = MAX_SCALARS - len(self.scalars)  # (a local: 20,000 keys pay one test each, not a call)
                pairs: Any = node.items()
                # many keys with scalar values (a bulk or hostile object): the keys in C-speed steps,
                # then the loop goes on from where that prefix ends, so the items are the same
                if len(node) >= _BULK_RUN:
                    start = self._key_prefix(node, ptr, deep)
                    if start:
                        max_strings = self.limits.max_strings - self.extra
                        if room > 0:  # the prefix's values are scalars: their first `room` as the loop would
                            room = self._prefix_scalars(node, start, ptr, deep, room)
                        pairs = islice(pairs, start, None)
                for key, child in pairs:
                    ks = key if isinstance(key, str) else str(key)
                    # (the escape inline: a 10,000-key object would pay 10,000 calls to `_esc`)
                    cptr = ptr if deep else (ptr + "/" + ks if "~" not in ks and "/" not in ks else f"{ptr}/{_esc(ks)}")
                    low = ks.lower()
                    # keys, and string values, inline while far from the caps (the common case)
                    if len(items) + 1 < max_strings and self.total + len(ks) <= lim_total:
                        self.total += len(ks)
                        items.append((ks, cptr, low, True, None))
                    elif not self.add(ks, cptr, low, True, None, depth, stack):
                        return
                    if child is None or isinstance(child, (bool, int, float)):
                        if room > 0 and (type(child) is bool or type(child) is int):
                            sf = scalar_fragment(child, cptr, low, False)
                            if sf is not None:
                                self.scalars.append(sf)
                                room -= 1
                        continue
                    sub = schema_child(schema, ks) if schema is not None else None
                    if (isinstance(child, str) and len(items) < max_strings
                            and self.total + len(child) <= lim_total
                            and not (child[:1] in ("{", "[") or child[:1].isspace())):
                        self.total += len(child)
                        items.append((child, cptr, low, False, sub))
                        continue
                    children.append((child, cptr, low, depth + 1, sub))
                children.reverse()
                stack.extend(children)
            elif isinstance(node, (list, tuple)):
                deep = depth >= max_depth
                if deep:
                    self.cap("depth", f"nesting deeper than {max_depth}", ptr)
                    if schema is None:
                        # A chain of one-element lists below the depth cap (a nesting bomb) holds
                        # nothing but its innermost value, and every pointer here is the capped one:
                        # straight down to it, not one loop step and stack entry per level.
                        while type(node) is list and len(node) == 1 and type(node[0]) is list:
                            node = node[0]
                            depth += 1
                item_schema = schema_items(schema)
                # Never look at more than the string cap could take (+1 so the cap is noticed).
                n = min(len(node), max_strings - len(items) + 1)
                nested = []
                lim_total = self.limits.max_total_chars
                # A long run of plain strings (a bulk or hostile list) is taken in C-speed steps;
                # the loop below goes on from where that prefix ends, so the items are the same
                # (the run holds strings only, so no scalar of the list is skipped by it).
                start = self._plain_prefix(node, n, ptr, name, item_schema, deep) if n >= _BULK_RUN else 0
                if start:  # the run is one record: the cap, counted in records from here, comes sooner
                    max_strings = self.limits.max_strings - self.extra
                in_list = 0
                for i in range(start, n):
                    child = node[i]
                    if isinstance(child, str):
                        # Strings of a list are taken at once (the bulk case): the common one inline,
                        # anything near a cap or possibly JSON through `add`.
                        if (len(items) < max_strings and self.total + len(child) <= lim_total
                                and not (child[:1] in ("{", "[") or child[:1].isspace())):
                            self.total += len(child)
                            items.append((child, ptr if deep else f"{ptr}/{i}", name, False, item_schema))
                        elif not self.add(child, ptr if deep else f"{ptr}/{i}", name, False, item_schema, depth, stack):
                            return
                    elif child is None or isinstance(child, (bool, int, float)):
                        if type(child) is int and in_list < MAX_LIST_SCALARS and len(self.scalars) < MAX_SCALARS:
                            sf = scalar_fragment(child, ptr if deep else f"{ptr}/{i}", name, True)
                            if sf is not None:
                                in_list += 1
                                self.scalars.append(sf)
                        continue
                    else:
                        nested.append((child, ptr if deep else f"{ptr}/{i}", name, depth + 1, item_schema))
                if n < len(node):
                    self.cap("strings", f"more than {self.limits.max_strings} strings: the rest was not scanned", ptr)
                nested.reverse()
                stack.extend(nested)
            elif node is None or isinstance(node, (bool, int, float)):
                continue
            else:
                # Not JSON (a Python caller passed bytes or an object): judge its text, never skip it.
                text = node.decode("utf-8", "replace") if isinstance(node, (bytes, bytearray)) else str(node)
                if not self.add(text, ptr, name, False, schema, depth, stack):
                    return

    def _plain_prefix(self, node: Any, n: int, ptr: str, name: str, schema: Any, deep: bool) -> int:
        """Take node[:k] at once when every one of them is a string the loop would append inline
        (below the string cap, inside the size cap, not JSON-looking): returns k (0: none taken).

        Whole-list tests in C (`join` refuses a non-string, one regex finds a JSON-looking or
        blank-led string, prefix sums find where the size cap falls) instead of a Python step per
        string: a 100,000-string list reaches its cap in a fraction of the time."""
        items = self.items
        m = min(n, self.limits.max_strings - len(items) - self.extra)
        if m <= 1:
            return 0
        seg = node[:m]
        try:
            joined = "\0".join(seg)
        except TypeError:  # a number, null or container among them: the loop takes them one by one
            return 0
        # (a string holding "\0{" itself only sends the list down the slow path: never wrong)
        lead = seg[0][:1]
        if lead in ("{", "[") or lead.isspace() or _JSON_LEAD.search(joined) is not None:
            return 0
        room = self.limits.max_total_chars - self.total
        if len(joined) - (m - 1) > room:
            sums = list(accumulate(map(len, seg)))
            m = bisect_right(sums, room)
            if m <= 1:
                return 0
            seg = seg[:m]
            self.total += sums[m - 1]
        else:
            self.total += len(joined) - (m - 1)
        # No per-string tuple or pointer: a bulk call is coalesced (only a group's first pointer is
        # kept), and a smaller one expands the run in `fragments()`.
        items.append((seg, ptr, name, _RUN_DEEP if deep else _RUN, schema))
        self.extra += m - 1
        return m

    def _prefix_scalars(self, node: dict[Any, Any], start: int, ptr: str, deep: bool, room: int) -> int:
        """The scalars of the first `start` values of `node` (all None/bool/int/float: `_key_prefix`
        took their keys), recorded as the per-key loop would (at most `room`); the room left."""
        scalars = self.scalars
        for key, child in islice(node.items(), start):
            if type(child) is bool or type(child) is int:
                ks = key if isinstance(key, str) else str(key)
                sf = scalar_fragment(child, ptr if deep else f"{ptr}/{_esc(ks)}", ks.lower(), False)
                if sf is not None:
                    scalars.append(sf)
                    room -= 1
                    if room <= 0:
                        break
        return room

    def _key_prefix(self, node: dict[Any, Any], ptr: str, deep: bool) -> int:
        """Take the first k keys of `node` at once when each of them would be appended inline (below
        the string cap, inside the size cap) and their values are all None/bool/int/float (which the
        loop skips): returns k (0: none taken). One run record instead of a tuple, a pointer and a
        lower-cased name per key; `_expand` / `_coalesce` build what they need of those."""
        items = self.items
        # the loop takes a key inline while the count is at most max_strings - 2
        m = min(len(node), self.limits.max_strings - 1 - len(items) - self.extra)
        if m <= 1:
            return 0
        if not set(map(type, islice(node.values(), m))) <= _SCALAR_VALUE_TYPES:
            return 0
        keys = list(islice(node, m))
        try:
            joined = "\0".join(keys)
        except TypeError:  # a non-string key (a Python caller): the loop turns it into text
            return 0
        room = self.limits.max_total_chars - self.total
        size = len(joined) - (m - 1)
        if size > room:
            sums = list(accumulate(map(len, keys)))
            m = bisect_right(sums, room)
            if m <= 1:
                return 0
            keys = keys[:m]
            size = sums[m - 1]
        self.total += size
        items.append((keys, ptr, "", _RUN_KEYS_DEEP if deep else _RUN_KEYS, None))
        self.extra += m - 1
        return m

    def fragments(self) -> list[Fragment]:
        """Judge the collected strings: role, forms, evasion. Huge calls are coalesced first."""
        items = self.items
        if len(items) + self.extra > BULK_STRINGS:
            items = _coalesce(items)
        elif self.extra:  # (every run stands for two strings or more)
            items = _expand(items)
        out: list[Fragment] = []
        signals = self.signals
        words, troles = self.words, self.troles
        for raw, path, name, is_key, schema in items:
            if is_key:
                frag, sig = key_fragment(raw, path, name)
                out.append(frag)
                if sig is not None:
                    signals.append(sig)
                continue
            if not raw.isascii():
                raw = scrub_surrogates(raw)
            out.append(value_fragment(path, raw, name, infer_role(name, raw, words, troles, schema), signals))
        return out


def value_fragment(path: str, raw: str, name: str, role: Role, signals: list[Signal]) -> Fragment:
    """The fragment of one string value (`raw` already scrubbed of lone surrogates) in `role`;
    its evasion signal, if any, is appended to `signals`. (Keys go through `key_fragment`.)"""
    forms, flags = normalize(raw, role)
    frag = new_fragment((path, raw, name, role, False, forms, flags))
    if flags:
        sig = evasion_signal(frag)
        if sig is not None:
            signals.append(sig)
    return frag


# Object keys recur on every call of a tool (`path`, `query`, `city`): a key's fragment is a pure
# function of (text, pointer, name), and fragments are immutable, so each is built once.
_KEY_MEMO: dict[tuple[str, str, str], tuple[Fragment, Signal | None]] = {}
_KEY_MEMO_MAX = 8192
_KEY_MEMO_LEN = 128


def key_fragment(raw: str, path: str, name: str) -> tuple[Fragment, Signal | None]:
    """The fragment of one object key (role KEY) and its evasion signal, if any (memoised)."""
    k = (raw, path, name)
    hit = _KEY_MEMO.get(k)
    if hit is not None:
        return hit
    text = raw if raw.isascii() else scrub_surrogates(raw)
    forms, flags = normalize(text, Role.KEY)
    frag = new_fragment((path, text, name, Role.KEY, True, forms, flags))
    out = (frag, evasion_signal(frag) if flags else None)
    if len(raw) <= _KEY_MEMO_LEN and len(path) <= 2 * _KEY_MEMO_LEN:
        bounded_put(_KEY_MEMO, k, out, _KEY_MEMO_MAX)
    return out


# The keys of a flat call, as a tuple, -> per key (pointer, name, fragment, evasion signal) and the
# keys' total length: a tool is called with the same argument names over and over.
_Shape = tuple[tuple[tuple[str, str, Fragment, "Signal | None"], ...], int]
_SHAPES: dict[tuple[Any, ...], _Shape] = {}
_SHAPES_MAX = 4096


def _shape(keys: tuple[Any, ...]) -> _Shape | None:
    hit = _SHAPES.get(keys)
    if hit is not None:
        return hit
    per: list[tuple[str, str, Fragment, Signal | None]] = []
    total = 0
    for key in keys:
        if type(key) is not str:
            return None  # (an int key from a Python caller: the walker turns it into text)
        ptr = "/" + _esc(key)
        low = key.lower()
        frag, sig = key_fragment(key, ptr, low)
        per.append((ptr, low, frag, sig))
        total += len(key)
    out = (tuple(per), total)
    if total <= 1024:
        bounded_put(_SHAPES, keys, out, _SHAPES_MAX)
    return out


def _flat_fragments(
    args: dict[Any, Any], words: frozenset[str], troles: str, lim: Limits, scalars: list[Fragment]
) -> tuple[list[Fragment], list[Signal], int] | None:
    """The common call, `{"city": "Paris", "days": 3}`: one flat object of short scalars, far from
    every cap. Exactly what `_Walker` would produce (same fragments, order, pointers, signals,
    total), without its stack and item tuples; None for anything else (then the walker runs)."""
    n = len(args)
    if n > 64 or 2 * n + 1 >= lim.max_strings or lim.max_depth < 1:
        return None
    shape = _shape(tuple(args))
    if shape is None:
        return None
    per_key, total = shape
    out: list[Fragment] = []
    signals: list[Signal] = []
    # One pass; anything the walker must see (nesting, possible JSON text, a long value) gives up
    # at once, wasting at most the few fragments built before it.
    for (ptr, low, kfrag, ksig), child in zip(per_key, args.values()):
        out.append(kfrag)
        if ksig is not None:
            signals.append(ksig)
        if type(child) is not str:
            if type(child) in SCALAR_TYPES:
                if type(child) is not float and child is not None:  # (a flat call has fewer than MAX_SCALARS)
                    sf = scalar_fragment(child, ptr, low, False)
                    if sf is not None:
                        scalars.append(sf)
                continue
            return None
        if child and (len(child) > 4096 or child[0] in _JSONISH or child[0].isspace()):
            return None
        total += len(child)
        raw = child if child.isascii() else scrub_surrogates(child)
        # value_fragment inlined (two calls fewer per value on the common call)
        role = infer_role(low, raw, words, troles, None)
        forms, flags = normalize(raw, role)
        frag = _tuple_new(Fragment, (ptr, raw, low, role, False, forms, flags))
        out.append(frag)
        if flags:
            sig = evasion_signal(frag)
            if sig is not None:
                signals.append(sig)
    if total > lim.max_total_chars:
        return None
    return out, signals, total


_JSONISH = "{["
_tuple_new = tuple.__new__


def scrub_surrogates(s: str) -> str:
    """Lone surrogates (possible from Python callers, not from valid UTF-8) become U+FFFD.

    Detectors hand strings to RE2 as UTF-8, which cannot encode a lone surrogate; the
    scanned text must be encodable, and a replacement character keeps every offset.
    """
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in s)


def _expand(items: list[tuple[Any, str, str, Any, Any]]) -> list[tuple[str, str, str, bool, Any]]:
    """The walker's items with every run record replaced by its strings, one item each."""
    out: list[tuple[str, str, str, bool, Any]] = []
    for item in items:
        kind = item[3]
        if kind is _RUN or kind is _RUN_DEEP:
            seg, ptr, name, _, schema = item
            ptrs = repeat(ptr) if kind is _RUN_DEEP else map((ptr + "/").__add__, map(str, range(len(seg))))
            out.extend(zip(seg, ptrs, repeat(name), repeat(False), repeat(schema)))
        elif kind is _RUN_KEYS or kind is _RUN_KEYS_DEEP:
            keys, ptr = item[0], item[1]
            deep = kind is _RUN_KEYS_DEEP
            out.extend((k, ptr if deep else f"{ptr}/{_esc(k)}", k.lower(), True, None) for k in keys)
        else:
            out.append(item)
    return out


def _coalesce(items: list[tuple[Any, str, str, Any, Any]]) -> list[tuple[str, str, str, bool, Any]]:
    """More than BULK_STRINGS strings (only hostile or bulk calls): one joined fragment per
    (argument name, key-or-value), distinct strings only, at the first pointer of the group.

    Detectors then make one linear pass per group instead of thousands of tiny ones, which
    keeps a 10,000-string call within milliseconds; nothing is dropped, only joined.
    """
    groups: dict[tuple[str, bool], tuple[str, Any, dict[str, None]]] = {}
    for raw, path, name, kind, schema in items:
        # All keys form one group; values group by argument name, at most MAX_GROUPS names
        # (a 100,000-key object must not become 100,000 groups).
        run = kind in _RUNS
        gk = ("", True) if kind is True or kind is _RUN_KEYS or kind is _RUN_KEYS_DEEP else (name, False)
        g = groups.get(gk)
        if g is None:
            if len(groups) >= MAX_GROUPS:
                gk = ("", False)
                g = groups.get(gk)
            if g is None:
                if run:  # (the run's first string is the group's first: its pointer)
                    first = (path + "/0" if kind is _RUN else f"{path}/{_esc(raw[0])}" if kind is _RUN_KEYS
                             else path)
                    groups[gk] = (first, schema, dict.fromkeys(raw))
                else:
                    groups[gk] = (path, schema, {raw: None})
                continue
        if run:
            g[2].update(zip(raw, repeat(None)))
        else:
            g[2][raw] = None
    return [("\n".join(vals), path, name, is_key, schema) for (name, is_key), (path, schema, vals) in groups.items()]


def extract(
    call: ToolCall,
    mode: str = "call",
    limits: Limits | None = None,
    limits_severity: RiskLevel = RiskLevel.HIGH,
) -> ScanContext:
    """Every string and key of `call.arguments` as Fragments; cap/evasion signals in ctx.extra["signals"]."""
    lim = limits or _DEFAULT_LIMITS
    words = tool_words(call.tool_name)
    schema = call.tool_schema if isinstance(call.tool_schema, dict) else None
    args = call.arguments
    scalars: list[Fragment] = []
    flat = _flat_fragments(args, words, tool_roles(words), lim, scalars) if type(args) is dict and schema is None else None
    if flat is not None:
        fragments, signals, total = flat
    else:
        w = _Walker(lim, limits_severity, words)
        w.walk(args, schema)
        fragments = w.fragments()
        signals, total, scalars = w.signals, w.total, w.scalars
    if mode == "call":
        # a value spelt with invisible, look-alike or encoded characters, or a wrapped command, is
        # judged again as the plain text it stands for (canonical.py); `words` to re-infer a role
        fragments = with_twins(fragments, words)
    extra: dict[str, Any] = {"signals": signals}
    if scalars:
        extra["scalars"] = tuple(scalars)
    ann = call.annotations
    # positional: a dataclass built with keywords costs ~1 µs more (measured)
    return ScanContext(
        call.tool_name,
        tuple(fragments),
        "call" if mode == "call" else ("result" if mode == "result" else "description"),
        words,
        schema,
        ann if isinstance(ann, dict) else None,
        total,
        extra,
    )


def extract_text(
    text: str, tool_name: str = "", mode: str = "result", limits: Limits | None = None
) -> ScanContext:
    """One text (a tool's result) as a single TEXT fragment at path "", capped at max_total_chars."""
    lim = limits or _DEFAULT_LIMITS
    signals: list[Signal] = []
    if len(text) > lim.max_total_chars:
        signals.append(
            Signal("limits", "size", f"result longer than {lim.max_total_chars} characters: the rest was not scanned",
                   RiskLevel.MEDIUM)
        )
        text = text[: lim.max_total_chars]
    if not text.isascii():
        text = scrub_surrogates(text)
    frag = value_fragment("", text, "", Role.TEXT, signals)
    return ScanContext(
        tool_name, (frag,), "result" if mode == "result" else "description", tool_words(tool_name), None, None,
        len(text), {"signals": signals},
    )
