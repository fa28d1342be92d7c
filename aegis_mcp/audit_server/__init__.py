"""A read-only MCP server over the ledger, so a person can ask about their agents' history."""
