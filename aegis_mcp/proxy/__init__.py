"""The firewall proxy: relays MCP messages and checks every tools/call before it runs."""
