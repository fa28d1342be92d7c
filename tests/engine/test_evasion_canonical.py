"""Canonical twins: a value hidden behind invisible, look-alike or encoded characters is judged as the plain text it spells.

Each attack is paired with a benign twin under the same transform: the transform alone must not
stop a call (only what it hides may).
"""

from __future__ import annotations

import pytest

from aegis_mcp.engine.canonical import canonical_text, twins_of
from aegis_mcp.engine.detectors.base import Role
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import ToolCall
from tests.engine.verdicts import assert_decision, assert_stopped

ZWJ, ZWSP, RLO, PDF = "\u200d", "\u200b", "\u202e", "\u202c"


def _zw(text: str, mark: str = ZWJ) -> str:
    """A zero-width character after the first letter of every word of 3+ letters."""
    return " ".join(w[0] + mark + w[1:] if len(w) >= 3 and w[:3].isalpha() else w for w in text.split(" "))


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in text)


def _pct(text: str) -> str:
    return "".join(f"%{ord(c):02x}" if c in " ./=;'()-" else c for c in text)


def _html(text: str) -> str:
    return "".join(f"&#{ord(c)};" if c in "./=;'()-" else c for c in text)


# (tool, key, attack, benign twin): the attack is stopped once plain; the twin passes plain
CASES = [
    ("run_command", "command", "cat /etc/shadow", "cat notes.txt"),
    ("run_command", "command", "rm -rf /", "rm build/old.log"),
    ("run_command", "command", "dd if=/dev/zero of=/dev/sda bs=1M", "dd if=/dev/zero of=disk.img bs=1M count=10"),
    ("read_file", "path", "/home/alice/.ssh/id_rsa", "/home/alice/projects/app/main.py"),
    ("read_file", "path", "/proc/self/environ", "/proc/cpuinfo"),
    ("execute_sql", "query", "SELECT * FROM items WHERE id = 1 AND SLEEP(5)", "SELECT * FROM items WHERE id = 1 AND price > 5"),
    ("execute_sql", "query", "SELECT id, name FROM items WHERE id = 1 UNION SELECT name, sql FROM sqlite_master",
     "SELECT id, name FROM items WHERE id = 1 ORDER BY name"),
]
TRANSFORMS = {
    "zero_width_joiner": _zw,
    "zero_width_space": lambda t: _zw(t, ZWSP),
    "rtl_override": lambda t: RLO + t + PDF,
    "fullwidth": _fullwidth,
}


@pytest.mark.parametrize("transform", sorted(TRANSFORMS))
@pytest.mark.parametrize("tool,key,attack,benign", CASES)
def test_unicode_hiding_is_seen_through(transform: str, tool: str, key: str, attack: str, benign: str) -> None:
    t = TRANSFORMS[transform]
    assert_stopped(tool, {key: t(attack)})
    assert_decision(tool, {key: t(benign)}, "allow")


@pytest.mark.parametrize("tool,key,attack,benign", [c for c in CASES if c[0] == "execute_sql"] + [
    ("run_command", "command", "cat /etc/shadow", "cat notes.txt"),
    ("run_command", "command", "chmod -R 777 /", "chmod 644 notes.txt"),
])
@pytest.mark.parametrize("encode", [_pct, _html], ids=["percent", "html_entities"])
def test_encoded_query_or_command_is_decoded(tool: str, key: str, attack: str, benign: str, encode) -> None:  # type: ignore[no-untyped-def]
    assert_stopped(tool, {key: encode(attack)})
    if encode is _pct:
        # (raw `&#61;` is `&` then a `#` comment to a MySQL server or a shell: the raw text is judged as such too)
        assert_decision(tool, {key: encode(benign)}, "allow")


def test_cyrillic_lookalikes_in_a_path_fold_to_latin() -> None:
    spoof = "/h\u043eme/\u0430lice/.\u0455sh/id_r\u0455a"  # о, а, ѕ are Cyrillic
    assert_stopped("read_file", {"path": spoof})
    assert_decision("read_file", {"path": "/h\u043eme/\u0430lice/projects/app/main.py"}, "allow")


def test_twin_is_only_made_for_hidden_spellings() -> None:
    plain = extract(ToolCall("run_command", {"command": "cat notes.txt", "note": "caf\u00e9 ☕"}))
    assert twins_of(plain.fragments) == []
    hidden = extract(ToolCall("run_command", {"command": _zw("cat /etc/shadow")}))
    twins = twins_of(hidden.fragments)
    assert [t.raw for t in twins] == ["cat /etc/shadow"]
    assert twins[0].path == "/command" and twins[0].role is Role.SHELL


def test_json_text_gets_no_twin_its_parsed_strings_are_judged() -> None:
    # the walker parses JSON text inside a string (its \\u escapes decoded): a twin of the text would judge it twice
    ctx = extract(ToolCall("execute_sql", {"query": '{"q": "SELECT\\u0020name FROM users WHERE id \\u003d 3"}'}))
    assert twins_of(ctx.fragments) == []
    assert_decision("execute_sql", {"query": '{"q": "SELECT\\u0020name FROM users WHERE id \\u003d 3"}'}, "allow")


def test_canonical_text_is_bounded_and_decodes_twice() -> None:
    assert canonical_text("%252e%252e%252fetc%252fpasswd", Role.PATH, frozenset({"percent", "double_percent"})) == "../etc/passwd"
    big = ("a" + ZWJ) * 50_000
    out = canonical_text(big, Role.IDENT, frozenset({"zero_width"}))
    assert out is not None and len(out) <= 4096
    # prose keeps its entities: a document's `&amp;` is text, not an evasion
    assert canonical_text("fish &amp; chips", Role.TEXT, frozenset({"html_entity"})) is None
