"""The proxy's start path stays lean: nothing it loads imports the mcp SDK (~1 s to import)."""

from __future__ import annotations

import subprocess

from tests.proxy.conftest import PY

MODULES = [
    "aegis_mcp.commands.proxy", "aegis_mcp.proxy.app", "aegis_mcp.proxy.relay", "aegis_mcp.proxy.intercept",
    "aegis_mcp.proxy.approvals", "aegis_mcp.proxy.pins", "aegis_mcp.proxy.recorder", "aegis_mcp.proxy.channel",
    "aegis_mcp.engine.engine", "aegis_mcp.ledger.store",
]


def test_proxy_never_imports_the_mcp_sdk() -> None:
    code = (f"import sys; [__import__(m) for m in {MODULES!r}]; "
            "bad = sorted(m for m in sys.modules if m == 'mcp' or m.startswith(('mcp.', 'mcp_types'))); "
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
