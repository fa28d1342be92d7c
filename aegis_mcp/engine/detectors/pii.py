"""STUB detector (pii): replaced by its real implementation; returns no signals."""

from __future__ import annotations

from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.model import Signal


def detect(ctx: ScanContext) -> list[Signal]:
    return []
