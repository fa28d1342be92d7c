"""aegis-mcp: a firewall and tamper-evident audit ledger for AI agents' MCP tool calls."""

__version__ = "0.1.0"
