"""Where personal data lands when the tool is not a sender: published places and bulk amounts.

Two facts the sink model (exfil_sink) does not see. (1) Some "create/update" tools write to
places other people read: an issue or pull request, a ticket, a wiki page, a forum or blog post.
An SSN or a card number typed there is disclosed to everyone who can read it, as surely as if it
were mailed. (2) Many strong identifiers in one call (a file of customers' SSNs, a table of IBANs)
are an aggregate: a copy of a dataset, wherever it is written, is worth a human's look.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Role, ScanContext

# Tool-name words of places other people read (an issue tracker, a wiki, a forum, a public post).
PUBLISH_WORDS = frozenset({
    "issue", "issues", "ticket", "tickets", "jira", "github", "gitlab", "bitbucket", "wiki", "confluence",
    "blog", "forum", "public", "pr", "pull", "discussion", "discussions", "trello", "asana", "linear",
    "gist", "pastebin", "paste", "reddit", "medium", "wordpress", "status", "announcement", "announce",
})
# Distinct strong identifiers in one call that make it a dataset rather than one person's record.
BULK_STRONG = 5


# Directories a web server hands to anyone who asks (a file written there is published).
_SERVED = regex.compile(r"^/(?:var|srv)/www/|/(?:public_html|htdocs|wwwroot)/|^(?:\./)?(?:public|static|www)/|/public/")
_PUBLIC_ARGS = frozenset({"public", "is_public", "ispublic", "visibility", "privacy", "access", "acl", "shared"})
_PUBLIC_FLAGS = frozenset({"public", "is_public", "ispublic", "shared", "published", "world_readable"})
_PUBLIC_VALUES = frozenset({"public", "public-read", "everyone", "anyone", "world", "unlisted", "open"})


def published_place(ctx: ScanContext) -> str:
    """The word naming a place others read ('' when the tool writes somewhere private): the tool's
    name, or an argument that makes the item public (`"public": true`, `"visibility": "public"`)."""
    hit = ctx.tool_words & PUBLISH_WORDS
    if hit:
        return min(hit)
    repo = repository_of(ctx)
    if repo:
        return repo
    for f in ctx.fragments:
        if not f.is_key and f.path.count("/") == 1 and f.name in _PUBLIC_ARGS and f.raw.strip().lower() in _PUBLIC_VALUES:
            return f"{f.name}={f.raw.strip().lower()}"
        if not f.is_key and f.path.count("/") == 1 and f.role is Role.PATH and _SERVED.search(f.raw.strip().lower()) is not None:
            return f"a web-served path ({f.raw.strip()[:60]})"  # a file under a site's document root is published
    # `"public": true` is a JSON boolean: extraction keeps it among the scalars, not the fragments
    for f in (*ctx.extra.get("scalars", ()), *ctx.fragments):
        if not f.is_key and f.path.count("/") == 1 and f.name in _PUBLIC_FLAGS and f.raw.strip().lower() in ("true", "1", "yes"):
            return f"{f.name}=true"
    return ""


_OWNER_ARGS = frozenset({"owner", "org", "organization", "namespace", "workspace"})
_REPO_ARGS = frozenset({"repo", "repository", "repo_name", "repository_name", "repo_slug"})


def repository_of(ctx: ScanContext) -> str:
    """`a repository (acme/web)` when the call names a hosted repository (`owner` + `repo` arguments, as
    GitHub's and Gitea's servers take them; a file committed or an issue filed there is read by every
    collaborator, and by everyone when the repository is public), else ''."""
    owner = repo = ""
    for f in ctx.fragments:
        if f.is_key or f.path.count("/") != 1:
            continue
        if f.name in _OWNER_ARGS and not owner:
            owner = f.raw.strip()
        elif f.name in _REPO_ARGS and not repo:
            repo = f.raw.strip()
    if repo and (owner or "/" in repo) and len(repo) <= 200 and " " not in repo:
        return f"a repository ({(owner + '/' if owner else '') + repo})"[:120]
    return ""


def contact_lines(raw: str, values: list[str]) -> int:
    """Distinct lines of `raw` holding one of `values` (a list of people, one per line, vs. one signature)."""
    lines = set()
    for v in values:
        at = raw.find(v)
        if at >= 0:
            lines.add(raw.count("\n", 0, at))
    return len(lines)


def bulk_count(values: set[str]) -> int:
    """Distinct strong values, digits only (so `123-45-6789` and `123456789` count once)."""
    return len({"".join(ch for ch in v if ch.isalnum()).upper() for v in values})


_ILLUSTRATIVE = ("e.g", "example", "such as", "like ", "format", "for instance", "sample", "test card", "dummy", "fake",
                 "placeholder", "pattern", "looks like", "i.e")


def illustrative(raw: str, value: str) -> bool:
    """Is `value` shown as an example ("SSNs look like 512-44-9012", "e.g. …") rather than someone's data?
    A page *about* personal data quotes a specimen; a page leaking it names a person."""
    at = raw.find(value)
    if at < 0:
        return False
    before = raw[max(0, at - 40):at].lower()
    return any(w in before for w in _ILLUSTRATIVE)


_PAYMENT_KINDS = frozenset({"credit_card", "iban", "bank_account"})


def identity_leaving(sink_kind: str, strong: list[str]) -> bool:
    """A top-level field holding one strong identifier, in a call leaving to an outside destination:
    a payment instrument is what a payment API asks for (recorded), but an identity number (SSN,
    national id, passport, date of birth, medical record) in a generic transport -- a mail, a chat
    message, an HTTP post to someone else's endpoint -- is the person's identity leaving (held)."""
    if sink_kind == "message":
        return True
    return sink_kind in ("http", "send") and any(k not in _PAYMENT_KINDS for k in strong)
