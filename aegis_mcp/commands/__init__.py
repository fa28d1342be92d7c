"""The subcommands of `aegis-mcp`, one module each, exposing add_arguments(parser) and run(args)."""
