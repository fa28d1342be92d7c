"""Canonical record bytes equal RFC 8785 (the `rfc8785` package); odd values are refused, not guessed."""

from __future__ import annotations

import hashlib

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis_mcp.ledger.record import MAX_SAFE_INT, RecordError, canonical_bytes, check_caller_record, leaf_hash, seal

from tests.ledger.helpers import decision

safe_ints = st.integers(min_value=-MAX_SAFE_INT, max_value=MAX_SAFE_INT)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
json_values = st.recursive(
    st.none() | st.booleans() | safe_ints | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(texts, json_values, max_size=8))
def test_canonical_bytes_equal_rfc8785(record: dict[str, object]) -> None:
    # Includes non-ASCII keys (sorted by UTF-16 code units) and astral-plane characters.
    assert canonical_bytes(record) == rfc8785.dumps(record)


def test_a_real_decision_record_is_rfc8785() -> None:
    body, _ = seal(decision(7, preview={"path": "/tmp/caf\u00e9 \U0001f600", "q": "a\"b\\c\n\u2028"}), 7, "ab" * 32)
    assert body == rfc8785.dumps(__import__("orjson").loads(body))


def test_utf16_key_order_differs_from_code_point_order_and_we_follow_rfc8785() -> None:
    rec = {"\U0001f600": 1, "\uff61": 2, "a": 3}  # U+1F600 is D83D.. in UTF-16, before U+FF61
    assert canonical_bytes(rec) == rfc8785.dumps(rec)
    assert canonical_bytes(rec).index("\U0001f600".encode()) < canonical_bytes(rec).index("\uff61".encode())


@pytest.mark.parametrize("bad", [
    {"kind": "x", "risk": 0.5},
    {"kind": "x", "ts": 1_795_000_000_000_000_000},  # nanoseconds do not fit I-JSON
    {"kind": "x", 1: "int key"},
    {"kind": "x", "v": b"bytes"},
    {"kind": "x", "v": {1, 2}},
    {"kind": "x", "nested": [{"deep": float("nan")}]},
    {"kind": "x", "s": "lone \ud800 surrogate"},
])
def test_uncanonicalisable_records_are_refused(bad: dict[object, object]) -> None:
    with pytest.raises(RecordError):
        canonical_bytes(bad)  # type: ignore[arg-type]


def test_callers_cannot_set_the_chain_fields_and_need_a_kind() -> None:
    with pytest.raises(RecordError, match="seq"):
        check_caller_record({"kind": "decision", "seq": 3})
    with pytest.raises(RecordError, match="prev"):
        check_caller_record({"kind": "decision", "prev": "00" * 32})
    with pytest.raises(RecordError, match="kind"):
        check_caller_record({"tool": "x"})


def test_leaf_hash_is_rfc6962_domain_separated() -> None:
    assert leaf_hash(b"abc") == hashlib.sha256(b"\x00abc").digest()
    assert leaf_hash(b"") == bytes.fromhex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
