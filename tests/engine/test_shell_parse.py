"""The shell tokenizer: its RE2 scan cuts a line exactly where shlex does, and parsing is shared."""

from __future__ import annotations

import shlex

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis_mcp.engine.detectors import shell_parse as P


def _shlex_reference(text: str) -> list[str]:
    """What shell_parse tokenised with before: shlex's own state machine (or the plain split)."""
    try:
        lex = shlex.shlex(text, posix=False, punctuation_chars=";&|<>()")
        lex.whitespace_split = True
        lex.commenters = ""
        out: list[str] = []
        for tok in lex:
            out.append(P._unquote(tok))
            if len(out) >= P._MAX_WORDS:
                break
        return out
    except ValueError:
        return P._bounded_split(text)


_ALPHABET = st.sampled_from(list("ab1-./~$=*?{}[]:,@%^+\\'\" \t\n;&|<>()") + ["\x0c", "\x0b", "é"])


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_the_quoted_line_scanner_agrees_with_shlex(line: str) -> None:
    assert P._quoted_tokens(line) == _shlex_reference(line)


def test_quotes_keep_separators_as_data_and_an_unclosed_quote_still_yields_words() -> None:
    assert P.words_of("echo 'a; rm -rf /' | grep x") == ["echo", "a; rm -rf /", "grep", "x"]
    assert [s.name for s in P.parse('sudo -u root "rm" -rf /; id')] == ["rm", "id"]
    # an unbalanced quote (common in injected payloads) falls back to splitting on operators
    assert [s.name for s in P.parse("x' ; cat /etc/passwd")] == ["x'", "cat"]


def test_the_word_limit_holds_for_quoted_lines() -> None:
    line = " ".join(f"'w{i}'" for i in range(2000))
    assert len(P._tokenise(line)) == P._MAX_WORDS
    assert P._quoted_tokens(line) == _shlex_reference(line)


def test_parse_names_each_program_and_split_returns_the_same_commands() -> None:
    line = "env A=1 nohup python3 -c 'print(1)' && sudo -u bob ls -la /root | tee out.txt"
    segs = P.parse(line)
    assert [(s.name, s.elevated) for s in segs] == [("python3", False), ("ls", True), ("tee", False)]
    assert [c.words for c in P.split(line)] == [s.cmd.words for s in segs]
    assert segs[1].args == ["-la", "/root"] and segs[2].cmd.joined_by == "|"


def _program_names() -> list[str]:
    """Every quoted word of the segment and host rule modules: each program some rule may name."""
    import re
    from pathlib import Path

    from aegis_mcp.engine.detectors import shell_host, shell_segment

    words: set[str] = set()
    for mod in (shell_segment, shell_host):
        for lit in re.findall(r"\"([^\"\n]{1,400})\"", Path(mod.__file__).read_text()):
            words.update(w for w in lit.split() if re.fullmatch(r"[\w.+-]{1,30}", w))
    return sorted(words | {"mkfs.ext4", "xxd", "tar", "ls", "grep", "cat", "cd", ""})


_NAMES = _program_names()
_ARGS = st.lists(st.sampled_from(["-rf", "/", "-R", "777", "u+s", "/etc", "~", "-1", "push", "--force", "delete", "stop",
                                  "auditd", "-c", "print(1)", "-e", "x", "/dev/sda", "run", "--privileged", "-v", "/:/host"]), max_size=4)


@settings(max_examples=400, deadline=None)
@given(name=st.sampled_from(_NAMES), args=_ARGS, joined=st.sampled_from(["", ";", "|", "&&", "\n"]),
       prev=st.lists(st.sampled_from(["curl", "base64", "nc", "echo", "ls"]), max_size=2),
       flags=st.sets(st.sampled_from(["loop", "plain_url", "hex_escape"])), in_value=st.booleans(), chained=st.booleans())
def test_segment_rules_skip_only_commands_no_rule_can_name(name: str, args: list[str], joined: str, prev: list[str],
                                                            flags: set[str], in_value: bool, chained: bool) -> None:
    """The fast exit (a program no rule reads, no redirection, no sudo, no VAR=value) loses nothing."""
    from aegis_mcp.engine.detectors import shell_segment as G

    seg = P.parse(" ".join([name, *args]))
    if not seg:
        return
    s = P.Segment(P.Simple(words=seg[0].cmd.words, joined_by=joined), seg[0].name, seg[0].args, seg[0].elevated)
    assert G.segment_findings(s, prev, in_value, frozenset(flags), chained) == G._rules(s, prev, in_value, frozenset(flags), chained)
