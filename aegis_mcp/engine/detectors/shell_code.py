"""Code sent to a code runner (`run_python`, `execute_code`, `eval_js`), judged as code that will run, not as data.

What makes a snippet dangerous is what it makes the machine do, and a snippet does that
through a few doors: a process API given a command line (`os.system`, `subprocess.run([...])`,
`child_process.exec`, `Runtime.exec`, backticks), a decoder feeding `eval`/`exec`
(`eval(atob(...))`, `exec(base64.b64decode(...))`), a socket wired to a shell (a reverse
shell), or a path literal naming a key or a password store. Commands found behind the first
door are judged by the shell rules; pandas, maths and string handling open none of them.
A file *being written* (a `content` argument of a file tool) never reaches this module.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import path_targets as T
from aegis_mcp.engine.detectors.paths import normalise as norm_path

Finding = tuple[str, str, int, str]  # (pattern, rule, severity, detail)

_MAX_CODE = 32_768
_MAX_LITERALS = 256
# Process APIs whose arguments are a command line (a string or an argv list).
_PROCESS_CALL = regex.compile(
    r"\b(?:os\.(?:system|popen|exec[lv]p?e?|spawn[lv]p?e?)|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)"
    r"|commands\.getoutput|pty\.spawn|(?:child_process|cp)\.(?:exec|execSync|spawn|spawnSync|execFile|execFileSync)"
    r"|execSync|spawnSync|shell_exec|passthru|proc_open|Runtime\.getRuntime\(\)\.exec|exec\.Command|Process\.Start"
    r"|__import__\(\s*['\"](?:os|subprocess|pty|commands)['\"]\s*\)\.\w+|require\(\s*['\"]child_process['\"]\s*\)\.\w+"
    r"|(?:^|[^\w.])(?:system|popen|exec|spawn|Open3\.\w+|IO\.popen))\s*\("
)
_BACKTICK_CMD = regex.compile(r"(?:%x[({\[]|`)\s*(?:curl|wget|nc|ncat|bash|sh|rm|cat|chmod|python3?|perl|id|whoami)\b")
# A decoder's output executed: nobody needs to hide the code they run from the reader.
_DECODED_EXEC = regex.compile(
    r"(?is)\b(?:eval|exec|Function|execScript|setTimeout|setInterval)\s*\(\s*(?:new\s+Function\s*\()?[^;\n]{0,40}?"
    r"(?:\batob\s*\(|b64decode|b32decode|base64\.|Buffer\.from\s*\([^)]*base64|fromCharCode|unhexlify|bytes\.fromhex"
    r"|codecs\.decode|zlib\.decompress|marshal\.loads|decodeURIComponent\s*\(\s*escape|unescape\s*\(|\.decode\s*\(\s*['\"](?:base64|hex|rot13|rot_13))"
    r"|\bnew\s+Function\s*\(\s*atob\s*\(|\bexec\s*\(\s*compile\s*\([^)]*(?:b64|decode)"
)
# Code fetched from the network and executed on the spot: exec(urlopen(...).read()), eval(await (await fetch(u)).text()).
_REMOTE_EXEC = regex.compile(
    r"(?is)\b(?:eval|exec|Function|execfile)\s*\([^;\n]{0,80}?(?:urlopen|urllib\.request|requests\.get|httpx\.get|\bfetch\s*\(|http\.get|"
    r"\bget\s*\(\s*['\"]https?://|open-uri|Net::HTTP|file_get_contents\s*\(\s*['\"]https?:|\.DownloadString\s*\()"
)
# A socket wired to a shell or to the process's standard streams.
_SOCKET = regex.compile(r"(?i)\bsocket\s*\.\s*socket\s*\(|\bsocket\s*\(|\bnet\.(?:Socket|connect|createConnection)\s*\(|TCPSocket|fsockopen|\bTcpClient\b|\bnet\.Dial\s*\(")
_SHELL_WIRING = regex.compile(
    r"(?i)\bdup2\s*\(|pty\.spawn|['\"](?:/bin/)?(?:ba|z|da)?sh['\"]|['\"]/bin/(?:ba|z|da)?sh\s+-i|cmd\.exe|\bspawn\s*\(\s*['\"](?:/bin/)?(?:ba)?sh"
    r"|\.pipe\s*\(\s*\w+\.stdin|stdin\s*=\s*\w*sock|\bexec\s*\(\s*['\"]/bin/"
)
_STRING_LIT = regex.compile(r"'((?:[^'\\\n]|\\.){1,300})'|\"((?:[^\"\\\n]|\\.){1,300})\"")
# the rest of the line after a path-joining call: its literals are the components (nested calls allowed)
_PATH_JOIN = regex.compile(r"(?:os\.path\.join|path\.join|Path|pathlib\.Path|path\.resolve)\s*\(([^\n]{0,300})")
_HOME_EXPR = regex.compile(r"expanduser|os\.homedir|Path\.home|environ\[['\"]HOME|getenv\(['\"]HOME|process\.env\.HOME|\bhomedir\b")


def _call_arguments(code: str, start: int) -> str:
    """Text of a call's arguments from the opening parenthesis at `start` to its match (quotes respected, bounded)."""
    depth, i, quote = 0, start, ""
    end = min(len(code), start + 2000)
    while i < end:
        c = code[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if c == quote:
                quote = ""
        elif c in "'\"`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return code[start + 1 : i]
        i += 1
    return code[start + 1 : end]


def _literals(text: str, limit: int = _MAX_LITERALS) -> list[str]:
    """String literals of a snippet, the first `limit` only (each match is a Python-level object)."""
    out: list[str] = []
    for m in _STRING_LIT.finditer(text):
        out.append(m.group(1) or m.group(2))
        if len(out) >= limit:
            break
    return out


def commands_in(code: str) -> list[str]:
    """Command lines handed to process APIs (argv lists joined with spaces), at most 16."""
    out: list[str] = []
    for n, m in enumerate(_PROCESS_CALL.finditer(code)):
        if n >= 32:  # bounded: each call site scans up to 2,000 characters of arguments
            break
        args = _call_arguments(code, m.end() - 1)
        lits = _literals(args)
        if not lits:
            continue
        # `subprocess.run(["sh", "-c", "curl ... | sh"])`: the argv joined is the command line
        out.append(" ".join(lits) if args.lstrip().startswith("[") or len(lits) > 1 else lits[0])
        if len(out) >= 16:
            break
    return out


def _path_findings(code: str) -> list[Finding]:
    out: list[Finding] = []
    candidates = [s for s in _literals(code) if "/" in s or s.startswith("~") or "\\" in s]
    home = _HOME_EXPR.search(code) is not None
    for m in _PATH_JOIN.finditer(code):
        parts = _literals(m.group(1))
        if parts:
            candidates.append(("~/" if home else "") + "/".join(parts))
    seen: set[str] = set()
    for lit in candidates[:_MAX_LITERALS]:
        norm = norm_path(lit)[0]
        if norm in seen or len(norm) > 512:
            continue
        seen.add(norm)
        hit = T.classify(norm)
        if hit is None or hit[1] in ("system_dir", "web_root", "server_install", "windows_system"):
            continue  # a broad location (/etc/..., /var/www) is not a secret by itself
        sev = 3 if hit[0] == "critical" else 2
        out.append(("sensitive_file", "code_reads_" + hit[1], sev, f"code names {lit[:80]} ({hit[1]})"))
    return out


def judge_code(code: str, judge_command: object) -> list[Finding]:
    """Findings for a snippet that a code runner will execute; `judge_command` is shell.judge_command."""
    code = code[:_MAX_CODE]
    out: list[Finding] = []
    for cmd in commands_in(code):
        found = judge_command(cmd)  # type: ignore[operator]
        if found:
            rule, sev, detail = max(found, key=lambda f: f[1])
            out.append(("shell_injection", "code_" + rule, sev, f"code runs {cmd[:60]!r}: {detail}"))
    m = _BACKTICK_CMD.search(code)
    if m is not None:
        out.append(("shell_injection", "code_backtick_command", 2, "code runs a shell command in backticks / %x()"))
    if _DECODED_EXEC.search(code):
        out.append(("shell_injection", "code_decoded_execution", 3, "code executes decoded text (eval(atob(...)), exec(b64decode(...)))"))
    if _REMOTE_EXEC.search(code):
        out.append(("shell_injection", "code_remote_execution", 3, "code downloads code and executes it (exec(urlopen(...).read()))"))
    if _SOCKET.search(code) and _SHELL_WIRING.search(code):
        out.append(("shell_injection", "code_reverse_shell", 3, "code wires a network socket to a shell (reverse shell)"))
    out.extend(_path_findings(code))
    return out
