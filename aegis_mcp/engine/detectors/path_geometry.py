"""Path geometry for the paths detector: normal form, dot-dot climbs, resolved and spliced targets.

Split from paths.py (which decodes and judges). These run for every path-like string of every
call, so each has a plain-string fast path for the common path (no `..`, no `?`, no drive
letter): most paths an agent opens climb nowhere.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# `uploads//etc/passwd`, `static/C:/boot.ini`: a rooted path spliced after a prefix.
INJECTED_ROOT = regex.compile(r"(?i)[^/\\:][/\\]{2,}(?:[a-z]:)?[/\\]?\.?\w|[^/\\:][/\\]+[a-z]:[/\\]")


def is_up(seg: str) -> bool:
    """`..`, `...`, `....`, `..;` (Tomcat), `.. ` (Windows trims), `..?`: a climb to the parent.

    Plain string operations: this runs once per segment, where a regex call costs ~10 us.
    """
    s = seg.rstrip("; :\t")
    if len(s) >= 2 and not s.strip(".?") and "." in s or s == "??":
        return True  # `..`, `...`, `..;`, and `.?`/`??` (a Windows wildcard that matches "..")
    return False


def _may_climb(norm: str) -> bool:
    """Necessary for any segment to be `is_up`: a stripped segment of two or more characters,
    all `.`/`?` with a dot, or `??`, holds `..` or a `?`."""
    return ".." in norm or "?" in norm


def normalise(path: str) -> tuple[str, bool]:
    """Lower-case, '/' separators, NULs dropped. Returns (path, had_nul)."""
    had_nul = "\x00" in path
    p = path.replace("\x00", "").strip().lower()
    if "\\" in p:
        p = p.replace("\\", "/")
    while "//" in p:  # plain str ops: re2.sub from Python costs ~100 us
        p = p.replace("//", "/")
    return p, had_nul


def ups(norm: str) -> tuple[int, bool]:
    """(number of dot-dot segments, whether the path climbs above its own start)."""
    if "/" not in norm:
        return (1 if norm == ".." else 0), False  # `cd ..` / a "..." placeholder: not an escape
    if not _may_climb(norm):
        return 0, False  # (the common path: nothing below can count a climb)
    depth, n_up, above = 0, 0, False
    rooted = norm.startswith("/") or norm[1:3] == ":/"
    for seg in norm.split("/"):
        if not seg or seg == ".":
            continue
        if is_up(seg):
            n_up += 1
            depth -= 1
            if depth < 0 and rooted:
                above = True  # `/../..`: above the filesystem root, no legitimate meaning
        else:
            depth += 1
    return n_up, above


def drop_dot_segments(p: str) -> str:
    """`a/./././b` -> `a/b`: a current-directory segment changes nothing, so a run of them is
    padding (fuzzers use it to push a spliced root past prefix checks: `static//./././etc/passwd`)."""
    while "/./" in p:
        p = p.replace("/./", "/")
    return p


def padded_root(form: str) -> bool:
    """A doubled separator followed by dot-segment padding (`static//./././etc`, `a\\\\.\\.\\etc`)."""
    if "." not in form:
        return False
    p = form.replace("\\", "/")
    return "/./" in p and INJECTED_ROOT.search(drop_dot_segments(p)) is not None


def spliced_tails(path: str) -> list[str]:
    """Rooted tails after a doubled separator: `uploads//etc/passwd` -> `/etc/passwd`,
    `static//./././etc/passwd` too (dot segments are padding)."""
    p = path.replace("\\", "/")
    if "//" not in p:
        return []  # (no doubled separator: turning `/./` into `/` cannot make one)
    if "/./" in p:
        p = drop_dot_segments(p)
    out: list[str] = []
    idx = p.find("//", 1)
    while idx > 0 and len(out) < 8:
        out.append(normalise(p[idx:])[0])
        idx = p.find("//", idx + 2)
    return out


def resolved_tails(norm: str) -> list[str]:
    """Candidate targets: the path with dot-dots removed, and every rooted tail inside it.

    `/var/www/uploads//etc/passwd` and `uploads/../../../etc/passwd` both end at /etc/passwd;
    a server resolving dot-dots past its root lands at the filesystem root, so the part after
    the last dot-dot is read as rooted too.
    """
    segs = [s for s in norm.split("/") if s and s != "."]
    out: list[str] = []
    rooted = norm.startswith("/") or (len(norm) > 1 and norm[1] == ":")
    lead = "/" if rooted and not norm[1:2] == ":" else ""
    if not _may_climb(norm):
        out.append(lead + "/".join(segs))  # no segment climbs: every one is kept
    else:
        plain = [s for s in segs if not is_up(s)]
        out.append(lead + "/".join(plain))
        last_up = max((i for i, s in enumerate(segs) if is_up(s)), default=-1)
        if last_up >= 0:
            out.append("/" + "/".join(segs[last_up + 1 :]))
    if ":" in norm:
        for i, seg in enumerate(segs):
            if len(seg) == 2 and seg[1] == ":" and i > 0:
                out.append("/".join(segs[i:]))
    return out
