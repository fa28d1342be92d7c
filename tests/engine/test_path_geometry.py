"""Path geometry's fast paths (no `..`, no `?`, no doubled separator) give the answers of the full walks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis_mcp.engine.detectors import path_geometry as G


def _ups_full(norm: str) -> tuple[int, bool]:
    """The walk without its fast path (the reference)."""
    depth, ups, above = 0, 0, False
    rooted = norm.startswith("/") or norm[1:3] == ":/"
    if "/" not in norm:
        return (1 if norm == ".." else 0), False
    for seg in norm.split("/"):
        if not seg or seg == ".":
            continue
        if G.is_up(seg):
            ups += 1
            depth -= 1
            if depth < 0 and rooted:
                above = True
        else:
            depth += 1
    return ups, above


def _resolved_full(norm: str) -> list[str]:
    segs = [s for s in norm.split("/") if s and s != "."]
    out: list[str] = []
    plain = [s for s in segs if not G.is_up(s)]
    rooted = norm.startswith("/") or (len(norm) > 1 and norm[1] == ":")
    out.append(("/" if rooted and not norm[1:2] == ":" else "") + "/".join(plain))
    last_up = max((i for i, s in enumerate(segs) if G.is_up(s)), default=-1)
    if last_up >= 0:
        out.append("/" + "/".join(segs[last_up + 1 :]))
    for i, seg in enumerate(segs):
        if len(seg) == 2 and seg[1] == ":" and i > 0:
            out.append("/".join(segs[i:]))
    return out


def _spliced_full(path: str) -> list[str]:
    p = path.replace("\\", "/")
    if "/./" in p:
        p = G.drop_dot_segments(p)
    out: list[str] = []
    idx = p.find("//", 1)
    while idx > 0 and len(out) < 8:
        out.append(G.normalise(p[idx:])[0])
        idx = p.find("//", idx + 2)
    return out


_PATHS = st.lists(st.sampled_from(["/", "\\", ".", "..", "?", "etc", "c:", "a", ";", " ", "//", "./", "passwd"]), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PATHS)
def test_fast_paths_agree_with_the_full_walks(path: str) -> None:
    norm = G.normalise(path)[0]
    assert G.ups(norm) == _ups_full(norm)
    assert G.resolved_tails(norm) == _resolved_full(norm)
    assert G.spliced_tails(path) == _spliced_full(path)


def test_plain_paths_climb_nowhere_and_resolve_to_themselves() -> None:
    assert G.ups("/home/me/project/src/main.py") == (0, False)
    assert G.resolved_tails("/home/me/project/src/main.py") == ["/home/me/project/src/main.py"]
    assert G.spliced_tails("/home/me/project/src/main.py") == []


def test_climbs_and_splices_are_still_found() -> None:
    assert G.ups("/var/www/../../etc/passwd") == (2, False)
    assert G.ups("/../../etc") == (2, True)
    assert "/etc/passwd" in G.resolved_tails("uploads/../../../etc/passwd")
    assert G.spliced_tails("static//./././etc/passwd") == ["/etc/passwd"]
    assert G.resolved_tails("static/c:/boot.ini")[-1] == "c:/boot.ini"
