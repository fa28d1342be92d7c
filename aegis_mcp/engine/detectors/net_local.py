"""Two questions about a host that several detectors ask: is it on the operator's own network, and what is its registrable domain.

`is_local_host` answers with exfil_ssrf's address parser (loopback, private and CGNAT ranges,
internal DNS suffixes such as `.internal`/`.local`/`.lan`/`.corp`), so a webhook check, an export
check and the SSRF check cannot disagree about `10.0.0.5` or `ci.acme.internal`. An evasive
spelling (`0x7f000001`, `127.1`) is not an alibi: it is judged not local. The metadata service and
0.0.0.0 are not "the operator's own" either.
`base_domain` uses the Public Suffix List (the `publicsuffixlist` package bundles it, no network at
run time): `mail.acme.co.uk` -> `acme.co.uk`, not `co.uk`.
"""

from __future__ import annotations

from functools import lru_cache

from aegis_mcp.engine.detectors.exfil_ssrf import host_verdict

_LOCAL_KINDS = frozenset({"loopback", "private", "internal_name"})


@lru_cache(maxsize=4096)
def is_local_host(host: str) -> bool:
    """Loopback, a private / CGNAT address or an internal DNS name, spelled plainly."""
    h = host.strip().lower()
    if h.startswith("[") and h.endswith("]"):
        h = h[1:-1]
    kind, odd = host_verdict(h)
    return kind in _LOCAL_KINDS and not odd


# Fallback when the package is missing: second-level labels that registries sell under a country code.
_SLD = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ltd", "plc", "or", "ne", "go", "gob", "nic"})


@lru_cache(maxsize=1)
def _psl():  # type: ignore[no-untyped-def]
    try:
        from publicsuffixlist import PublicSuffixList
    except ImportError:  # pragma: no cover - the dependency is declared; this keeps a bare checkout working
        return None
    return PublicSuffixList()


@lru_cache(maxsize=4096)
def base_domain(host: str) -> str:
    """The registrable domain of `host` (`a.b.example.co.uk` -> `example.co.uk`); the host itself when
    it has none (`localhost`, a bare public suffix)."""
    h = host.strip().lower().rstrip(".")
    psl = _psl()
    if psl is not None:
        return psl.privatesuffix(h) or h
    labels = h.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SLD:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
