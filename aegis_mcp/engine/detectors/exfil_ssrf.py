"""SSRF judgement of a URL or host: cloud metadata, internal addresses in every spelling, bad schemes.

An address is judged by `ipaddress` after decoding the spellings that URL parsers and
`inet_aton` accept: decimal (`2130706433`), hex (`0x7f000001`, `0x7f.1`), octal (`0177.0.0.1`),
short forms (`127.1`), IPv6 with a mapped IPv4 (`[::ffff:127.0.0.1]`), and DNS names that only
wrap an address (`127.0.0.1.nip.io`, `localtest.me`). An authority with `@` or `\\` in it may
be read differently by the checker and the fetcher, so every candidate host is judged.
"""

from __future__ import annotations

import ipaddress
from typing import NamedTuple

from aegis_mcp.engine import regex

METADATA_HOSTS = frozenset({
    "metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal",
    "metadata.packet.net", "metadata.platformequinix.com", "metadata.azure.internal", "metadata.oraclecloud.com",
})
METADATA_IPS = frozenset({
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "169.254.169.253", "100.100.100.200", "192.0.0.192",
              "fd00:ec2::254", "fd00:ec2::23")
})
# The in-cluster Kubernetes API server: a pod's service-account token opens it (secrets, exec).
K8S_API_HOSTS = frozenset({"kubernetes", "kubernetes.default", "kubernetes.default.svc",
                           "kubernetes.default.svc.cluster.local"})
LOOPBACK_NAMES = frozenset({"localhost", "ip6-localhost", "ip6-loopback", "localhost.localdomain", "loopback",
                            "spoofed.burpcollaborator.net"})
_ODD_DOTS = ("\u3002", "\uff0e", "\uff61")
_SPECIAL_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss"})
# Public DNS names that resolve to loopback, and services that resolve a name to the address in it.
LOOPBACK_DOMAINS = ("localtest.me", "lvh.me", "vcap.me", "localho.st", "lacolhost.com", "fuf.me", "yoogle.com")
WRAPPER_DOMAINS = ("nip.io", "sslip.io", "xip.io", "traefik.me", "backname.io", "nip.direct", "localdomain.pw")
_SPECIAL_DOMAINS: tuple[str, ...] = ()  # filled below
INTERNAL_SUFFIXES = (".internal", ".local", ".localhost", ".localdomain", ".lan", ".corp", ".home.arpa", ".consul",
                     ".intranet", ".intra", ".private", ".svc", ".cluster.local")
_SPECIAL_DOMAINS = tuple(LOOPBACK_DOMAINS) + tuple(WRAPPER_DOMAINS)
# Schemes a fetch tool has no business following: they reach files, or speak raw TCP to
# internal services (gopher/dict smuggle Redis, SMTP, FastCGI commands).
DANGEROUS_SCHEMES = frozenset({
    "gopher", "dict", "file", "netdoc", "jar", "phar", "php", "expect", "ldap", "ldaps", "tftp", "zip",
    "glob", "ogg", "ssh2", "rar", "compress.zlib", "compress.bzip2", "jdbc", "smb", "nfs",
})
UNUSUAL_SCHEMES = frozenset({"data", "sftp", "ftp", "ftps", "telnet", "ssh", "rtsp", "rsync", "redis", "mysql", "memcached"})
SENSITIVE_PORTS = frozenset({
    22, 23, 25, 111, 135, 139, 445, 2375, 2376, 2379, 2380, 3306, 5432, 5984, 6379, 6443, 8500, 9000, 9200,
    10250, 10255, 11211, 27017, 50070,
})
# Loopback ports that expose an admin or credential API rather than an app being developed:
# kubectl proxy, Vault, the Lambda runtime API / supervisord, Caddy admin, Envoy admin, Nomad.
ADMIN_PORTS = frozenset({8001, 8200, 9001, 2019, 15000, 15001, 4646})
# Path words that mark a probe of internal machinery, not a developer's own app.
_PROBE_PATH_WORDS = ("admin", "actuator", "server-status", "server-info", "metadata", "meta-data", "computemetadata",
                     "runtime", "secret", "ssrf", "pprof", "console", "jolokia", "credential", "/latest/", "/.git")

_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
_NUMERIC_CHARS = frozenset("0123456789abcdefABCDEFxXoO.")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:[]%")


def split_scheme(value: str) -> tuple[str, str]:
    """(lower-cased scheme, rest after ':') or ("", value) when `value` does not start with one.
    Plain string operations: this runs on every URL argument, and short RE2 calls cost more."""
    v = value.lstrip()
    i = v.find(":", 0, 23)
    if i < 1 or not v[0].isascii() or not v[0].isalpha():
        return "", value
    head = v[:i]
    if not _SCHEME_CHARS.issuperset(head):
        return "", value
    return head.lower(), v[i + 1:]
_DASHED_IP = regex.compile(r"(?:^|[.\-])(\d{1,3})[.\-](\d{1,3})[.\-](\d{1,3})[.\-](\d{1,3})(?:$|[.\-])")
_HEX_LABEL = regex.compile(r"^(?:.*[.\-])?([0-9a-fA-F]{8})$")


class Verdict(NamedTuple):
    severity: int  # RiskLevel value
    rule: str
    detail: str


def _parse_part(p: str) -> tuple[int, bool]:
    """(value, non-canonical?) of one inet_aton part."""
    low = p.lower()
    if low.startswith("0x"):
        return (int(low[2:], 16) if len(low) > 2 else 0), True
    if low.startswith("0o"):
        return (int(low[2:], 8) if len(low) > 2 else 0), True
    if len(p) > 1 and p.startswith("0"):
        return (int(p, 8) if all(c in "01234567" for c in p) else int(p)), True
    return int(p), False


def parse_ipv4_loose(host: str) -> tuple[ipaddress.IPv4Address, bool] | None:
    """inet_aton semantics: 1-4 parts, each decimal/octal/hex; the last fills the rest. Overflowing
    parts are truncated the way lax parsers do (so `0x41414141A9FEA9FE` is 169.254.169.254)."""
    h = host.rstrip(".")
    if not h or not h[0].isdigit() or any(c not in _NUMERIC_CHARS for c in h):
        return None
    parts = h.split(".")
    if len(parts) > 4 or any(not p for p in parts):
        return None
    if len(parts) == 1 and len(h) > 34:
        # a 160-bit Ethereum address or a 256-bit hash in an `address` field is no host: the evasive
        # spellings that rely on truncation are a few bytes over 32 bits (`0x41414141A9FEA9FE`)
        return None
    try:
        vals = [_parse_part(p) for p in parts]
    except ValueError:
        return None
    odd = any(nc for _, nc in vals) or len(parts) != 4 or host.endswith(".")
    nums = [v for v, _ in vals]
    last_bits = 8 * (5 - len(nums))
    value = 0
    for n in nums[:-1]:
        if n > 255:
            odd = True
        value = (value << 8) | (n & 0xFF)
    if nums[-1] >= (1 << last_bits):
        odd = True
    value = (value << last_bits) | (nums[-1] & ((1 << last_bits) - 1))
    return ipaddress.IPv4Address(value & 0xFFFFFFFF), odd


def _ip_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if ip in METADATA_IPS:
        return "metadata"
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if mapped is not None:
            return _ip_kind(mapped)
        if ip.packed[:12] == b"\x00" * 12 and ip.packed[12:] not in (b"\x00\x00\x00\x00", b"\x00\x00\x00\x01"):
            return _ip_kind(ipaddress.IPv4Address(ip.packed[12:]))  # deprecated IPv4-compatible ::a.b.c.d
    if any(ip in net for net in _DOC_NETS if net.version == ip.version):
        return None
    if ip.is_loopback:
        return "loopback"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_link_local:
        return "link_local"
    if ip.is_private or (isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT):
        return "private"
    if ip.is_reserved or ip.is_multicast:
        return "reserved"
    return None


_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
# Documentation ranges (RFC 5737, RFC 3849) are "private" to `ipaddress` but are not anyone's
# internal network; treating them as internal would hide exfiltration to them.
_DOC_NETS = tuple(ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"))


def host_verdict(host: str) -> tuple[str | None, bool]:
    """(internal kind or None, spelled evasively?) for one host string (no port, no brackets)."""
    raw = host.strip()
    odd = False
    if not raw.isascii() and any(dot in raw for dot in _ODD_DOTS):
        # ideographic / full-width full stops: URL parsers (IDNA) read them as '.'
        for dot in _ODD_DOTS:
            raw = raw.replace(dot, ".")
        odd = True
    h = raw.lower().rstrip(".")
    if not h:
        return None, False
    odd = odd or (raw.endswith(".") and len(h) > 0)
    if "%" in h:  # IPv6 zone id
        h = h.split("%", 1)[0]
    if h in METADATA_HOSTS:
        return "metadata", odd
    if h in K8S_API_HOSTS:
        return "cluster_api", odd
    if h in LOOPBACK_NAMES or h.endswith(".localhost"):
        return "loopback", odd
    tld = h.rsplit(".", 1)[-1]
    if "." in h and tld.isalpha() and not h.endswith(INTERNAL_SUFFIXES) and not h.endswith(_SPECIAL_DOMAINS):
        return None, False  # an ordinary public DNS name: the common case, decided without parsing
    if ":" in h:
        try:
            ip6 = ipaddress.IPv6Address(h)
        except ValueError:
            return None, False
        kind = _ip_kind(ip6)
        canonical = ip6.compressed == h and ip6.ipv4_mapped is None
        return kind, odd or not canonical
    loose = parse_ipv4_loose(h)
    if loose is not None:
        ip4, nc = loose
        return _ip_kind(ip4), odd or nc
    for dom in LOOPBACK_DOMAINS:
        if h == dom or h.endswith("." + dom):
            return "loopback", True
    for dom in WRAPPER_DOMAINS:
        if h.endswith("." + dom):
            inner = h[: -len(dom) - 1]
            m = _DASHED_IP.search(inner)
            ip4 = None
            if m:
                try:
                    ip4 = ipaddress.IPv4Address(".".join(m.groups()))
                except ValueError:
                    ip4 = None
            else:
                hm = _HEX_LABEL.match(inner)
                if hm:
                    ip4 = ipaddress.IPv4Address(int(hm.group(1), 16))
            if ip4 is not None:
                return _ip_kind(ip4), True
            return None, False
    if "." not in h:
        return "internal_name", odd  # a single-label name only resolves inside a network
    if h.endswith(INTERNAL_SUFFIXES):
        return "internal_name", odd
    return None, False


def _split_authority(rest: str) -> tuple[str, str]:
    """(authority, remainder) of what follows `scheme:` (with or without `//`)."""
    s = rest.lstrip("/\\") if rest.startswith(("//", "\\\\", "/\\", "\\/")) else rest
    # the first `/`, `?`, `#` or whitespace ends it: three finds in C, then a character walk
    # only over that prefix and only when it may hold whitespace (printable ASCII has only ' ')
    end = len(s)
    for ch in "/?#":
        i = s.find(ch, 0, end)
        if i >= 0:
            end = i
    head = s[:end]
    if " " in head or not (head.isascii() and head.isprintable()):
        for i, ch in enumerate(head):
            if ch.isspace():
                end = i
                break
    return s[:end], s[end:]


def _candidate_hosts(authority: str) -> list[tuple[str, int | None]]:
    out: list[tuple[str, int | None]] = []
    pieces = [p for p in authority.replace("\\", "@").split("@") if p] if ("@" in authority or "\\" in authority) else [authority]
    for piece in pieces:
        port: int | None = None
        if piece.startswith("["):
            close = piece.find("]")
            host = piece[1:close] if close > 0 else piece[1:]
            tail = piece[close + 1:] if close > 0 else ""
        elif piece.count(":") >= 2:
            host, tail = piece, ""  # a bare IPv6 address (`::ffff:169.254.169.254` in a host field)
        else:
            host, _, tail = piece.partition(":")
            tail = ":" + tail if tail else ""
        if tail.startswith(":"):
            digits = "".join(ch for ch in tail[1:6] if ch.isdigit())
            port = int(digits) if digits else None
        out.append((host, port))
    return out


def host_of(value: str) -> str:
    """The host a URL (or bare host[:port]) names, lower-cased; "" if none."""
    v = value.strip()
    scheme, rest = split_scheme(v)
    if scheme == "mailto":
        return v.rsplit("@", 1)[-1].lower()
    if scheme and not rest.startswith(("//", "\\\\", "/\\", "\\/")) and rest[:1].isdigit():
        scheme, rest = "", v  # "localhost:8080" is a host and a port, not a scheme
    authority, _ = _split_authority(rest if scheme else v)
    cands = _candidate_hosts(authority)
    return cands[-1][0].lower().rstrip(".!") if cands else ""


def internal_kind(host: str) -> str | None:
    return host_verdict(host)[0]




def _strip_junk(host: str) -> str:
    end = len(host)
    while end and host[end - 1] not in _HOST_CHARS:
        end -= 1
    return host[:end]


def _dev_server(kind: str, port: int | None, scheme: str, remainder: str) -> bool:
    """A plainly written loopback URL on an explicit unprivileged app port, not probing admin paths."""
    if kind not in ("loopback", "unspecified") or port is None or port < 1024 or port in ADMIN_PORTS:
        return False
    if scheme not in ("http", "https", "ws", "wss"):
        return False
    low = remainder[:300].lower()
    return not any(w in low for w in _PROBE_PATH_WORDS) and "@" not in low and "%" not in low


def _host_after_at(remainder: str) -> Verdict | None:
    """`http://ourco.com#@127.0.0.1:8001/…`, `…/?@169.254.169.254/`: an internal host after an `@`
    in the path, query or fragment -- where a lax parser (or a redirect helper) finds its host
    while a strict checker sees the public one. A parser differential, so an evasion."""
    for part in remainder.split("@")[1:4]:
        end = len(part)
        for i, ch in enumerate(part):
            if ch in "/?#\\" or ch.isspace():
                end = i
                break
        authority = part[:end]
        for host, _port in _candidate_hosts(authority)[-1:]:
            kind, _odd = host_verdict(_strip_junk(host))
            if kind == "metadata":
                return Verdict(3, "cloud_metadata", f"cloud metadata endpoint {host} hidden after '@' in the URL")
            if kind is not None and kind != "internal_name":
                return Verdict(3, "internal_target_obfuscated", f"{kind} address {host} hidden after '@' in the URL")
    return None


# Paths of secret stores and control APIs on internal services (Vault, Consul, Kubernetes, etcd,
# Spring Boot actuator, Go pprof)
_SECRET_API = regex.compile(
    r"(?i)^/(?:v1/(?:secret|kv|sys|auth|agent|acl|identity)\b|api/v1/(?:namespaces/[^/]+/)?secrets\b|v2/keys\b|v3/kv\b"
    r"|(?:[\w-]+/)?actuator/(?:env|heapdump|configprops|threaddump)\b|debug/pprof\b)")


def judge_url(value: str, *, bare_host_ok: bool = False) -> Verdict | None:
    """The SSRF verdict for a fetch target (None when it is an ordinary public URL)."""
    v = value.strip()
    scheme, rest = split_scheme(v)
    if scheme and not rest.startswith(("/", "\\")) and rest[:1].isdigit():
        scheme, rest = "", v  # "127.0.0.1:6379": host and port
    if not scheme and not bare_host_ok:
        return None
    if scheme and len(scheme) == 1:  # "C:\\..." is a Windows path, not a URL
        return None
    if scheme in DANGEROUS_SCHEMES:
        return Verdict(3, "dangerous_scheme", f"{scheme}:// target (file or raw-protocol access)")
    if scheme in _SPECIAL_SCHEMES:
        rest = "//" + rest.lstrip("/\\")  # "http:/127.0.0.1", "http:\\\\host": URL parsers still find the host
    authority, remainder = _split_authority(rest)
    cands = _candidate_hosts(authority)
    # `user@host` is ordinary; more than one '@', a backslash, or an address in the userinfo
    # is a parser-differential trick (the checker and the fetcher see different hosts)
    tricky = "\\" in authority or authority.count("@") > 1 or any(
        "." in h or host_verdict(_strip_junk(h))[0] not in (None, "internal_name") for h, _ in cands[:-1]
    )  # a dotted name before '@' ("trusted.com@127.0.0.1") is there to fool a reader or a filter
    worst: Verdict | None = None
    for i, (host, port) in enumerate(cands):
        clean = _strip_junk(host)
        junk = clean != host
        kind, odd = host_verdict(clean)
        if kind is None or (kind == "internal_name" and (i < len(cands) - 1 or not scheme)):
            continue  # a user name in `user:pass@host` is not a host; nor is "JFK" in a bare field
        evasive = odd or junk or (tricky and kind != "internal_name")
        loose = parse_ipv4_loose(clean) if odd else None
        if loose is not None:
            clean = f"{clean} (= {loose[0]})"  # say which address the spelling means
        if kind == "metadata":
            verdict = Verdict(3, "cloud_metadata", f"cloud metadata endpoint {clean}")
        elif kind == "cluster_api":
            verdict = Verdict(3 if evasive else 2, "kubernetes_api", f"in-cluster Kubernetes API server {clean}")
        elif kind == "internal_name":
            # intranet names are ordinary targets for enterprise agents: recorded, not held --
            # unless the path is a secret store's or a service's control API (Vault, Consul,
            # Kubernetes secrets, Spring actuator dumps): that is what SSRF goes there for
            if _SECRET_API.search(remainder[:512]):
                verdict = Verdict(2, "internal_secret_api", f"internal host {clean}: a secrets or control API path")
            else:
                verdict = Verdict(1, "internal_host", f"internal host name {clean}")
        elif evasive:
            verdict = Verdict(3, "internal_target_obfuscated", f"{kind} address spelled evasively: {clean}")
        elif port in SENSITIVE_PORTS or scheme in UNUSUAL_SCHEMES:
            verdict = Verdict(3, "internal_service", f"{kind} address {clean} port {port} ({scheme or 'no scheme'})")
        elif _dev_server(kind, port, scheme, remainder):
            # `http://localhost:3000/api/users`: a developer's own app on a dev port, plainly
            # written; recorded, not held (a bare `http://127.0.0.1` or `:80/admin` still is)
            verdict = Verdict(1, "local_dev_server", f"{kind} address {clean} port {port} (a local development server)")
        else:
            verdict = Verdict(2, "internal_target", f"{kind} address {clean}")
        if worst is None or verdict.severity > worst.severity:
            worst = verdict
    if (worst is None or worst.severity < 3) and "@" in remainder[:512]:
        hidden = _host_after_at(remainder[:512])
        if hidden is not None:
            worst = hidden
    if worst is None and scheme in UNUSUAL_SCHEMES:
        worst = Verdict(2 if scheme in ("sftp", "telnet", "redis", "memcached", "mysql") else 1,
                        "unusual_scheme", f"{scheme}:// target")
    return worst
