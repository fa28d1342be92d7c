"""Stage 2 of the engine: one small module per kind of attack, each a `Detector` over a ScanContext."""
