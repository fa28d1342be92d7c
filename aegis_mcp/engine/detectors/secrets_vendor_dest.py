"""secrets, continued: a provider's credential sent to a host that is not the provider.

A Stripe key in an Authorization header is how a tool calls Stripe (recorded, MEDIUM); the same key
in a header of a request to `collector.example.net` hands it to someone else. A provider-format
secret names its service, so the mechanism is a mismatch: the call's destinations are all outside
the provider's domains (and outside the private network, where an internal gateway may proxy it).
"""

from __future__ import annotations

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.exfil_ssrf import host_of, internal_kind

_URL_NAMES = frozenset({"url", "uri", "endpoint", "base_url", "baseurl", "host", "server", "api_url", "webhook_url", "target"})


def destinations(ctx: ScanContext) -> tuple[str, ...]:
    """The hosts a call's top-level URL arguments name (where its headers and credentials go)."""
    out = []
    for f in ctx.fragments:
        if f.is_key or f.path.count("/") != 1 or not (f.role is Role.URL or f.name in _URL_NAMES) or len(f.raw) > 2048:
            continue
        h = host_of(f.raw)
        if h:
            out.append(h)
    return tuple(dict.fromkeys(out))

# finding kind prefix -> substrings of the hosts that may receive it (a suffix, or a word of a self-hosted name)
_VENDORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("github", ("github", "ghe.")),
    ("gitlab", ("gitlab",)),
    ("stripe", ("stripe.com", "stripe.network")),
    ("slack", ("slack.com",)),
    ("openai", ("openai.com", "openai.azure.com")),
    ("anthropic", ("anthropic.com",)),
    ("aws_access_key", ("amazonaws.com", "aws.amazon.com", "amazonaws.com.cn")),
    ("google_api_key", ("googleapis.com", "google.com")),
    ("huggingface", ("huggingface.co", "hf.co")),
    ("sendgrid", ("sendgrid.com", "sendgrid.net")),
    ("twilio", ("twilio.com",)),
    ("mailgun", ("mailgun.net", "mailgun.org")),
    ("datadog", ("datadoghq.com", "datadoghq.eu", "ddog-gov.com")),
    ("digitalocean", ("digitalocean.com",)),
    ("shopify", ("shopify.com", "myshopify.com")),
    ("notion", ("notion.com", "notion.so")),
    ("linear", ("linear.app",)),
    ("cloudflare", ("cloudflare.com",)),
    ("groq", ("groq.com",)),
    ("cohere", ("cohere.ai", "cohere.com")),
)


def vendor_mismatch(kinds: list[str], destinations: tuple[str, ...]) -> str:
    """The provider whose credential goes to hosts none of which is the provider's ('' otherwise)."""
    hosts = [d for d in destinations if not d.startswith("bucket:") and "." in d and internal_kind(d) is None]
    if not hosts or len(hosts) < len(destinations):
        return ""  # no host, or some internal one (a gateway may proxy it)
    for kind in kinds:
        for prefix, allowed in _VENDORS:
            if kind.startswith(prefix):
                if not any(a in h for h in hosts for a in allowed):
                    return prefix
                break
    return ""
