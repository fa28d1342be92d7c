"""The detectors' cheap string pre-checks are necessary conditions of the patterns they guard (so skipping a pattern never changes a verdict)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis_mcp.engine.detectors import exfil_ssrf, paths

_ATOMS = [
    "'", '"', ";", " ", "\t", "\n", "||", "&&", "this.", "THIS.", "thiſ.", "password", ".match(", "return true", "sleep(",
    "1==1", "'1'=='1", "var a='", "$where", "http://", "HTTP://", "https://", " https://", "file:", "FILE:///", "php://",
    "data:", "text/plain;base64,", "/", "\\", "..", "%2e", "=", "==", "===", "QUJDREVGR0hJSktMTU5PUA", "abc", "x.y", "~",
    ":", "&#", "0x2e", "\x0b", "\u3000", "é", "@", "?", "#", "a b",
]
_TEXT = st.lists(st.sampled_from(_ATOMS), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_paths_prechecks_are_necessary(text: str) -> None:
    if paths._web_scheme(text):  # noqa: SLF001
        assert not paths._FILE_URL.search(text) and not paths._WRAPPER.search(text)  # noqa: SLF001
    assert paths._maybe_b64_tail(text) == (paths._B64_TAIL.search(text) is not None)  # noqa: SLF001
    if paths._PATHISH.search(text):  # noqa: SLF001
        assert paths._maybe_pathish(text)  # noqa: SLF001
    if paths._B64_WORD.search(text):  # noqa: SLF001
        assert len(text) >= 12


def _split_authority_walk(rest: str) -> tuple[str, str]:
    """The character walk the C-speed version replaced (the reference)."""
    s = rest.lstrip("/\\") if rest.startswith(("//", "\\\\", "/\\", "\\/")) else rest
    end = len(s)
    for i, ch in enumerate(s):
        if ch in "/?#" or ch.isspace():
            end = i
            break
    return s[:end], s[end:]


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_split_authority_matches_the_walk(text: str) -> None:
    assert exfil_ssrf._split_authority(text) == _split_authority_walk(text)  # noqa: SLF001
    assert exfil_ssrf._split_authority("//" + text) == _split_authority_walk("//" + text)  # noqa: SLF001


def test_prechecks_still_let_the_attacks_through() -> None:
    assert paths._web_scheme("  https://example.com/x")  # noqa: SLF001
    assert not paths._web_scheme("file:///etc/passwd")  # noqa: SLF001
