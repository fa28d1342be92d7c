"""Guards shared by the network transports: loopback by default, Host/Origin checks, bearer tokens.

Why each check exists:
- A server bound to 127.0.0.1 is still reachable from a browser tab through DNS rebinding
  (evil.example resolves to 127.0.0.1), so the Host header must name a host we expect, and a
  browser's Origin must be one of ours.
- Bound anywhere else, anyone on the network can connect: then a bearer token is mandatory and
  the server refuses to start without one.
This module imports only the standard library, so the proxy's websocket front stays lean.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urlsplit

from aegis_mcp.errors import ConfigError, ProxyError

TOKEN_ENV = "AEGIS_MCP_TOKEN"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD_BINDS = frozenset({"0.0.0.0", "::", ""})


def split_url(url: str, schemes: tuple[str, str], what: str, shape: str) -> tuple[str, int, str]:
    """(host, port, path) of a URL whose scheme is one of `schemes` (plain, secure), the port
    defaulting to 80/443; else a ProxyError "<what>: <url> (expected <shape>)"."""
    parts = urlsplit(url)
    if parts.scheme not in schemes or not parts.hostname:
        raise ProxyError(f"{what}: {url!r} (expected {shape})")
    try:
        port = parts.port
    except ValueError as exc:
        raise ProxyError(f"bad port in {url!r}: {exc}") from None
    default = 443 if parts.scheme == schemes[1] else 80
    return parts.hostname, port if port is not None else default, parts.path


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _hostname(value: str) -> str:
    """The host part of a Host header value (`name`, `name:port`, `[v6]:port`), lower-cased."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else value
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value  # a bare IPv6 address or a plain name


@dataclass(frozen=True)
class Rejection:
    """Why a request was refused, as an HTTP status and a short message."""

    status: int
    message: str


@dataclass(frozen=True)
class NetworkGuard:
    """The checks one listening transport applies to every incoming HTTP/websocket request."""

    bind_host: str
    token: str | None = None
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
    allowed_origins: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def for_bind(
        cls,
        bind_host: str,
        token: str | None = None,
        *,
        extra_hosts: tuple[str, ...] = (),
        extra_origins: tuple[str, ...] = (),
    ) -> NetworkGuard:
        """Build the guard for a bind address; refuse a non-loopback bind without a token."""
        token = token or None
        if not is_loopback(bind_host) and token is None:
            raise ConfigError(
                f"refusing to listen on {bind_host!r} without a bearer token: anyone on the network "
                f"could read the ledger or drive the proxy. Set ${TOKEN_ENV} (or --token), or bind 127.0.0.1."
            )
        if token is not None and len(token) < 16:
            raise ConfigError("the bearer token must be at least 16 characters long")
        hosts = set(LOOPBACK_NAMES) | {h.strip("[]").lower() for h in extra_hosts}
        if bind_host.strip("[]").lower() not in WILDCARD_BINDS:
            hosts.add(bind_host.strip("[]").lower())
        return cls(
            bind_host=bind_host,
            token=token,
            allowed_hosts=frozenset(hosts),
            allowed_origins=frozenset(o.rstrip("/").lower() for o in extra_origins),
        )

    @property
    def wildcard(self) -> bool:
        return self.bind_host.strip("[]").lower() in WILDCARD_BINDS

    def check(self, headers: Mapping[str, str]) -> Rejection | None:
        """None if the request may proceed; header names are looked up case-insensitively."""
        lowered = {k.lower(): v for k, v in headers.items()}
        host = lowered.get("host")
        if not host:
            return Rejection(400, "missing Host header")
        hostname = _hostname(host)
        # A wildcard bind cannot know its public names; the token (mandatory there) protects it.
        if not self.wildcard and hostname not in self.allowed_hosts:
            return Rejection(421, f"Host {host!r} is not served here (DNS rebinding protection)")
        origin = lowered.get("origin")
        if origin and not self._origin_ok(origin, hostname):
            return Rejection(403, f"Origin {origin!r} is not allowed")
        if self.token is not None:
            supplied = lowered.get("authorization", "")
            scheme, _, value = supplied.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(
                value.strip().encode(), self.token.encode()
            ):
                return Rejection(401, "a valid bearer token is required (Authorization: Bearer ...)")
        return None

    def _origin_ok(self, origin: str, request_hostname: str) -> bool:
        origin = origin.rstrip("/").lower()
        if origin in self.allowed_origins:
            return True
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False  # includes the literal "null" origin of sandboxed pages and file://
        if parts.hostname in self.allowed_hosts:
            return True
        # On a wildcard bind, accept a page served from the very host the request names.
        return self.wildcard and parts.hostname == request_hostname


def token_from_env(cli_value: str | None = None) -> str | None:
    """The bearer token: an explicit value wins over $AEGIS_MCP_TOKEN."""
    return cli_value or os.environ.get(TOKEN_ENV) or None
