"""Network transports of aegis-mcp: our websocket transport, streamable HTTP hosting, and their guards."""
