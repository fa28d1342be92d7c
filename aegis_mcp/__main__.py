"""`python -m aegis_mcp` runs the command line."""

from aegis_mcp.cli import main

raise SystemExit(main())
