"""The network guard: loopback by default, DNS-rebinding Host/Origin checks, mandatory token off-loopback."""

import pytest

from aegis_mcp.errors import ConfigError
from aegis_mcp.transports.security import NetworkGuard, is_loopback

TOKEN = "t0ken-that-is-long-enough"


def test_loopback_names() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("[::1]")
    assert is_loopback("127.3.4.5")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.com")


def test_non_loopback_bind_refuses_without_token() -> None:
    for host in ("0.0.0.0", "::", "192.168.1.4"):
        with pytest.raises(ConfigError, match="bearer token"):
            NetworkGuard.for_bind(host)
    assert NetworkGuard.for_bind("0.0.0.0", TOKEN).token == TOKEN
    with pytest.raises(ConfigError, match="16 characters"):
        NetworkGuard.for_bind("0.0.0.0", "short")


def test_host_header_must_be_ours_dns_rebinding() -> None:
    guard = NetworkGuard.for_bind("127.0.0.1")
    assert guard.check({"Host": "127.0.0.1:8765"}) is None
    assert guard.check({"host": "localhost:8765"}) is None
    assert guard.check({"Host": "[::1]:8765"}) is None
    rejected = guard.check({"Host": "attacker.example:8765"})
    assert rejected is not None and rejected.status == 421
    missing = guard.check({})
    assert missing is not None and missing.status == 400
    # A rebinding name that merely starts like ours is still someone else's.
    assert guard.check({"Host": "localhost.attacker.example"}) is not None


def test_origin_of_a_foreign_page_is_refused() -> None:
    guard = NetworkGuard.for_bind("127.0.0.1")
    assert guard.check({"Host": "127.0.0.1:1", "Origin": "http://localhost:6274"}) is None
    for origin in ("https://attacker.example", "null", "file://", "http://127.0.0.1.attacker.example"):
        rejected = guard.check({"Host": "127.0.0.1:1", "Origin": origin})
        assert rejected is not None and rejected.status == 403, origin
    extra = NetworkGuard.for_bind("127.0.0.1", extra_origins=("https://console.example",))
    assert extra.check({"Host": "127.0.0.1:1", "Origin": "https://console.example"}) is None


def test_bearer_token_checked_when_configured() -> None:
    guard = NetworkGuard.for_bind("0.0.0.0", TOKEN)
    assert guard.check({"Host": "10.0.0.5:9000", "Authorization": f"Bearer {TOKEN}"}) is None
    for auth in (None, "Bearer wrong-token-of-some-length", f"Basic {TOKEN}", TOKEN):
        headers = {"Host": "10.0.0.5:9000"}
        if auth:
            headers["Authorization"] = auth
        rejected = guard.check(headers)
        assert rejected is not None and rejected.status == 401, auth
    # On a wildcard bind a page may only come from the host it names.
    assert guard.check({"Host": "10.0.0.5:9000", "Origin": "http://10.0.0.5:9000", "Authorization": f"Bearer {TOKEN}"}) is None
    bad = guard.check({"Host": "10.0.0.5:9000", "Origin": "http://evil.example", "Authorization": f"Bearer {TOKEN}"})
    assert bad is not None and bad.status == 403
