"""`aegis-mcp proxy -- COMMAND...`: wrap an MCP server; relay everything, stop dangerous tool calls."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from aegis_mcp.commands._stderr import say, usage_error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="ledger database (default: $AEGIS_MCP_DB or the per-user data dir)")
    parser.add_argument("--policy", help="policy file (YAML or JSON); default: the built-in policies")
    parser.add_argument("--name", dest="server_name", help="the server's name in the ledger and policies "
                        "(default: derived from the command)")
    parser.add_argument("--agent-id", help="the agent's identity in the ledger (default: the client's clientInfo name)")
    parser.add_argument("--approval-timeout", type=float, default=300.0, metavar="SECONDS",
                        help="how long a held call waits for a human before it is denied (default 300)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging on stderr")
    # websocket / streamable HTTP front and upstream (aegis_mcp.transports.proxy_front); tokens come
    # from the environment, never the command line (visible to every user in `ps`)
    parser.add_argument("--listen", metavar="URL",
                        help="serve clients over streamable HTTP (http://127.0.0.1:PORT/mcp) or websocket "
                             "(ws://127.0.0.1:PORT) instead of stdio (off loopback: $AEGIS_MCP_TOKEN required)")
    parser.add_argument("--upstream", metavar="URL",
                        help="relay to a remote MCP server instead of spawning a command: streamable HTTP "
                             "(http(s)://HOST[:PORT]/PATH) or websocket (ws://HOST:PORT/); bearer token from "
                             "$AEGIS_MCP_UPSTREAM_TOKEN")
    parser.add_argument("--upstream-header", action="append", default=[], metavar="NAME=ENV_VAR",
                        help="send HTTP header NAME to an http(s) upstream, its value read from $ENV_VAR (repeatable)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- the upstream MCP server's command and arguments")
    from aegis_mcp.cli import FALLBACK_EPILOGS

    # The same help as the dispatcher's default, with the exit status the ledger checks add.
    parser.epilog = FALLBACK_EPILOGS["proxy"].replace(
        "2 bad usage or an unusable policy file.",
        "2 bad usage, an unusable policy file, or a --db that cannot hold a ledger.")
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


def _setup_logging(verbosity: int) -> None:
    # stderr only: in stdio mode stdout is the MCP wire.
    level = logging.WARNING - 10 * min(verbosity, 2)
    env = os.environ.get("AEGIS_MCP_LOG")
    if env:
        level = logging.getLevelName(env.upper()) if isinstance(logging.getLevelName(env.upper()), int) else level
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("aegis-mcp %(levelname)s %(message)s"))
    root = logging.getLogger("aegis_mcp")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def _networked(options: Any, listen: str | None, upstream: str | None, *, has_command: bool,
               header_specs: Sequence[str] = ()) -> Any:
    """The coroutine serving --listen / --upstream (aegis_mcp.transports.proxy_front), or exit code 2."""
    from aegis_mcp.errors import AegisError
    from aegis_mcp.transports.proxy_front import UPSTREAM_TOKEN_ENV, serve
    from aegis_mcp.transports.security import NetworkGuard, token_from_env
    from aegis_mcp.transports.http_upstream import check_http_url, is_http_url, upstream_headers
    from aegis_mcp.transports.websocket import check_ws_url

    if upstream and has_command:
        return usage_error("proxy", "give either --upstream URL or a command after `--`, not both")
    if not upstream and not has_command:
        return usage_error("proxy", "--listen needs the upstream: a command after `--`, or --upstream URL")
    try:
        guard = None
        if upstream:
            if is_http_url(upstream):
                check_http_url(upstream)
            elif upstream.startswith(("ws:", "wss:")):
                check_ws_url(upstream)
            else:
                raise AegisError(f"not a websocket or HTTP URL: {upstream!r} "
                                 "(expected http(s)://HOST[:PORT]/PATH or ws://HOST:PORT/)")
        headers = upstream_headers(header_specs, os.environ)
        if headers and not (upstream and is_http_url(upstream)):
            raise AegisError("--upstream-header needs an http(s):// --upstream")
        if listen:
            if is_http_url(listen):
                from aegis_mcp.transports.http_front import check_http_listen

                bind_host = check_http_listen(listen)[0]
            else:
                bind_host = check_ws_url(listen)[0]
            guard = NetworkGuard.for_bind(bind_host, token_from_env())
    except AegisError as exc:
        return usage_error("proxy", str(exc))

    def announce(url: str) -> None:
        say("proxy", f"listening on {url}")

    return serve(options, listen=listen, upstream=upstream, guard=guard,
                 upstream_token=os.environ.get(UPSTREAM_TOKEN_ENV) or None, on_listening=announce,
                 upstream_headers=headers)


def _url_server_name(upstream: str | None) -> str | None:
    """A remote upstream's default name in the ledger and policies: its host (`mcp.example.com`),
    not the last path segment every streamable HTTP endpoint shares (`/mcp`)."""
    if not upstream or not upstream.lower().startswith(("http://", "https://")):
        return None
    from urllib.parse import urlsplit

    return urlsplit(upstream).hostname or None


def event_loop_factory() -> Callable[[], Any] | None:
    """uvloop's loop when it is installed (not on Windows), else None: asyncio's default loop.

    Why: the proxy is a relay, and uvloop's transports and scheduler cost less CPU per message
    (bench/results/proxy.md). `AEGIS_MCP_LOOP=asyncio` forces the standard loop (to compare, or
    to rule uvloop out when diagnosing).
    """
    if sys.platform == "win32" or os.environ.get("AEGIS_MCP_LOOP", "").lower() == "asyncio":
        return None
    try:
        import uvloop
    except ImportError:
        return None
    factory: Callable[[], Any] = uvloop.new_event_loop
    return factory


def run(args: argparse.Namespace) -> int:
    command = list(args.command)
    if command and command[0] == "--":
        command = command[1:]
    networked = bool(getattr(args, "listen", None) or getattr(args, "upstream", None))
    if not command and not networked:
        return usage_error("proxy", "give the upstream server's command after `--`, e.g.\n"
                            "  aegis-mcp proxy --name fs -- npx -y @modelcontextprotocol/server-filesystem /tmp")
    if args.approval_timeout <= 0:
        return usage_error("proxy", "--approval-timeout must be positive")
    if args.policy and not Path(args.policy).is_file():
        return usage_error("proxy", f"policy file not found: {args.policy}")

    import asyncio

    from aegis_mcp.config import resolve_db_path
    from aegis_mcp.errors import ProxyError
    from aegis_mcp.proxy.app import ProxyOptions, run_proxy

    options = ProxyOptions(
        command=command or [args.upstream or ""],  # a websocket upstream: the session record names its URL
        db_path=resolve_db_path(args.db),
        policy=Path(args.policy) if args.policy else None,
        server_name=args.server_name or _url_server_name(args.upstream),
        agent_id=args.agent_id,
        approval_timeout_s=args.approval_timeout,
    )
    # Before the upstream is spawned: a --db that can never hold a ledger is one line and exit 2,
    # not a proxy that runs and refuses every call.
    from aegis_mcp.proxy.dbprobe import unusable_reason

    why = unusable_reason(options.db_path)
    if why is not None:
        return usage_error("proxy", why)
    if networked:
        serve = _networked(options, args.listen, args.upstream, has_command=bool(command),
                           header_specs=getattr(args, "upstream_header", None) or [])
        if isinstance(serve, int):
            return serve
    else:
        serve = run_proxy(options)
    _setup_logging(args.verbose)
    factory = event_loop_factory()
    logging.getLogger("aegis_mcp.proxy").info("event loop: %s", "uvloop" if factory is not None else "asyncio")
    try:
        with asyncio.Runner(loop_factory=factory) as runner:
            return runner.run(serve)
    except ProxyError as exc:
        say("proxy", str(exc))
        return 1
