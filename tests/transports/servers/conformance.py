"""Run the MCP conformance suite (npm @modelcontextprotocol/conformance) against the Python SDK's
reference server, natively and through `aegis-mcp proxy --listen http://... --upstream http://...`.

Shared by tests/transports/test_proxy_http_conformance.py and bench/conformance.py. Everything it
needs is installed by scripts/setup.sh: Node 22 (node_modules/node/bin/node), the suite
(node_modules/@modelcontextprotocol/conformance) and the fixture (.venv-everything).
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NODE = ROOT / "node_modules" / "node" / "bin" / "node"
SUITE = ROOT / "node_modules" / "@modelcontextprotocol" / "conformance" / "dist" / "index.js"
# 0.2.0-alpha (what the Python SDK's own CI pins), under an npm alias: it adds the 2026-07-28 scenarios.
SUITE_NEXT = ROOT / "node_modules" / "conformance-next" / "dist" / "index.js"
FIXTURE = ROOT / ".venv-everything" / "bin" / "mcp-everything-server"
_LINE = re.compile(r"^[✓✗]\s+(\S+):\s+(\d+) passed, (\d+) failed", re.M)


def missing() -> str | None:
    """What is not installed (run `bash scripts/setup.sh`), or None."""
    for path, what in ((NODE, "Node 22 (npm package node)"), (SUITE, "@modelcontextprotocol/conformance"),
                       (SUITE_NEXT, "conformance-next (@modelcontextprotocol/conformance 0.2.0-alpha)"),
                       (FIXTURE, "the conformance fixture (.venv-everything)")):
        if not path.exists():
            return f"{what} is not installed at {path}: run bash scripts/setup.sh"
    return None


@dataclass
class Score:
    """Per scenario: (checks passed, checks failed); plus the suite's raw output."""

    scenarios: dict[str, tuple[int, int]] = field(default_factory=dict)
    output: str = ""
    seconds: float = 0.0

    @property
    def passed(self) -> int:
        return sum(p for p, _ in self.scenarios.values())

    @property
    def total(self) -> int:
        return sum(p + f for p, f in self.scenarios.values())


def run_suite(url: str, *extra: str, suite: Path = SUITE, timeout: float = 600) -> Score:
    """`conformance server --url URL EXTRA...`; the scores from its summary."""
    env = {**os.environ, "PATH": f"{NODE.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    started = time.monotonic()
    out = subprocess.run([str(NODE), str(suite), "server", "--url", url, *extra], capture_output=True, text=True,
                         timeout=timeout, env=env, stdin=subprocess.DEVNULL)
    text = out.stdout + out.stderr
    score = Score(output=text, seconds=time.monotonic() - started)
    summary = text.split("=== SUMMARY ===", 1)[-1]
    for name, passed, failed in _LINE.findall(summary):
        score.scenarios[name] = (int(passed), int(failed))
    return score


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_listening(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode} before listening")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"not listening on port {port} after {timeout} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def fixture() -> Iterator[str]:
    """The reference server (`mcp-everything-server --port N`); yields its /mcp URL."""
    port = _free_port()
    process = subprocess.Popen([str(FIXTURE), "--port", str(port), "--log-level", "WARNING"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_listening(port, process)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        _stop(process)


@contextlib.contextmanager
def proxy_in_front(upstream: str, db: Path, *extra: str) -> Iterator[str]:
    """`aegis-mcp proxy --listen http://127.0.0.1:N/mcp --upstream UPSTREAM`; yields the proxy's URL."""
    port = _free_port()
    argv = [sys.executable, "-m", "aegis_mcp", "proxy", "--db", str(db), "--name", "everything", *extra,
            "--listen", f"http://127.0.0.1:{port}/mcp", "--upstream", upstream]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        _wait_listening(port, process)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        _stop(process)


def compare(native: Score, proxied: Score) -> list[str]:
    """Scenarios whose score differs (a failure only through the proxy is a proxy bug)."""
    names = sorted(set(native.scenarios) | set(proxied.scenarios))
    return [n for n in names if native.scenarios.get(n) != proxied.scenarios.get(n)]
