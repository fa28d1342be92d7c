"""The enforcement engine: pure, synchronous, no I/O; turns a tool call or result into a decision."""
