"""Which process holds a held call, and whether it still does: so an operator never approves a call that will not run.

A proxy that holds a call for a human records itself next to the approval (approval_holders): a
random instance id (new for every proxy connection, so a restarted proxy is a different holder),
its host and pid, and its process identity — boot id, pid namespace and start time read from
/proc — so that a pid reused by another program is not mistaken for it. While it waits it beats
a heartbeat. `approvals list / approve / deny` then judge the holder:

- same host, same boot and pid namespace, /proc readable: the process itself is checked (exact,
  immediate: a killed proxy is seen as gone at once);
- otherwise (another host or container, no /proc): the heartbeat, stale after HEARTBEAT_STALE_S.
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from typing import Literal

HEARTBEAT_EVERY_S = 5.0
HEARTBEAT_STALE_S = 30.0  # six missed beats: a proxy that slow is not going to run the call either

HolderState = Literal["alive", "gone", "unknown"]


@dataclass(frozen=True)
class Holder:
    instance: str
    host: str
    pid: int
    process: str | None  # "boot_id/pidns/starttime", None where there is no /proc
    heartbeat_ns: int
    taken_ns: int | None


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            return f.read().strip()
    except OSError:
        return None


def _start_ticks(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or None if it
    does not exist; "exited" for a zombie (dead, not yet reaped by its parent: it runs nothing)."""
    stat = _read(f"/proc/{pid}/stat")
    if stat is None:
        return None
    try:  # the command name (field 2) may hold spaces and parentheses: split after the last ')'
        fields = stat.rsplit(")", 1)[1].split()
        return "exited" if fields[0] in ("Z", "X") else fields[19]
    except IndexError:
        return None


def _hidden(pid: int) -> bool:
    """True when pid exists but /proc does not show it to us (hidepid); False when it does not exist."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process
        return True
    return True


def _namespace() -> str | None:
    """This machine's boot and this process's pid namespace: pids are comparable only within both."""
    boot = _read("/proc/sys/kernel/random/boot_id")
    try:
        pidns = os.readlink("/proc/self/ns/pid")
    except OSError:
        return None
    return None if boot is None else f"{boot}/{pidns}"


def this_process() -> tuple[str, int, str | None]:
    """(host, pid, process identity) of the calling process, for a holder row."""
    pid = os.getpid()
    ns, ticks = _namespace(), _start_ticks(pid)
    return socket.gethostname(), pid, (f"{ns}/{ticks}" if ns and ticks else None)


def new_instance() -> str:
    return secrets.token_hex(8)


def holder_state(holder: Holder | None, now_ns: int) -> tuple[HolderState, str]:
    """Whether the proxy holding a call is still there to run it, and in words why we think so."""
    if holder is None:
        return "unknown", "held by a proxy that does not report itself (an older aegis-mcp)"
    who = f"proxy pid {holder.pid} on {holder.host}"
    if holder.host == socket.gethostname() and holder.process:
        ns, _, ticks = holder.process.rpartition("/")
        if ns == _namespace():
            now_ticks = _start_ticks(holder.pid)
            if now_ticks == "exited":
                return "gone", f"its {who} has exited"
            if now_ticks is not None:
                if now_ticks != ticks:
                    return "gone", f"its {who} has exited (that pid is now another process)"
                return "alive", f"held by {who}"
            if not _hidden(holder.pid):
                return "gone", f"its {who} has exited"
            # another user's process behind a /proc mounted with hidepid: judged by its heartbeat
    silent_s = (now_ns - holder.heartbeat_ns) / 1e9
    if silent_s > HEARTBEAT_STALE_S:
        return "gone", f"its {who} has not been heard from for {int(silent_s)} s"
    return "alive", f"held by {who} (heard from {max(0, int(silent_s))} s ago)"
