"""The guard between the model and the firewall's own controls: a tools/call that would answer
approvals, accept pins or touch the ledger database is refused, so no agent approves its own call.

The upstream may be a shell, a code runner, a file or SQL server: any of them could run
`aegis-mcp approvals approve ID` or rewrite the approvals table. This looks at the exact bytes
that would be forwarded (our own canonical JSON, so no escapes hide a name). It is one layer: the
review commands also refuse to run as descendants of a proxy (aegis_mcp/commands/_review.py).
"""

from __future__ import annotations

from pathlib import Path

from aegis_mcp.engine.model import Decision, RiskLevel
from aegis_mcp.proxy import jsonrpc

_NEVER = b"\x00never\x00"


def _marks(db_path: Path) -> tuple[bytes, ...]:
    """The ledger's path as it would appear inside a JSON-encoded call: as given, resolved, `~/...`."""
    forms = {str(db_path), str(db_path.resolve())}
    home = str(Path.home())
    if home not in ("", "/"):
        forms |= {"~" + f[len(home):] for f in list(forms) if f.startswith(home + "/")}
    # JSON-escaped (a Windows path's backslashes are doubled on the wire), without the quotes.
    return tuple(sorted({jsonrpc.dumps(f)[1:-1] for f in forms if f}))


class ControlPlaneGuard:
    """Refuses calls that reach for the approval/pin controls or the ledger database."""

    def __init__(self, db_path: str | Path | None) -> None:
        self._marks = _marks(Path(db_path)) if db_path is not None else ()
        # Every form of the path ends in the file's name: one cheap test before the full ones.
        self._name = jsonrpc.dumps(Path(db_path).name)[1:-1] if db_path is not None else _NEVER

    def suspect(self, data: bytes) -> bool:
        """Cheap prefilter for the hot path (two substring scans)."""
        return b"aegis" in data or self._name in data

    def check(self, data: bytes) -> Decision | None:
        reason = None
        if any(mark in data for mark in self._marks):
            reason = "it names the firewall's own ledger database (where approvals and pins are decided)"
        elif (b"aegis-mcp" in data or b"aegis_mcp" in data) and (b"approv" in data or b"pins" in data or b"_pin" in data):
            reason = "it would run the firewall's own approval or pin commands"
        if reason is None:
            return None
        return Decision("block", RiskLevel.CRITICAL, "self_approval", (),
                        f"{reason}; an agent cannot approve its own calls — a human does that from their own terminal")
