"""The layering rule, read from the code: the engine does no I/O, and the ledger never imports the engine."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "aegis_mcp"

# Modules that talk to the outside world (files, network, processes, event loops, the MCP SDK).
FORBIDDEN_IN_ENGINE = {
    "sqlite3", "socket", "ssl", "asyncio", "anyio", "trio", "subprocess", "multiprocessing",
    "concurrent", "select", "selectors", "signal", "http", "urllib.request", "requests", "httpx", "mcp",
    "shutil", "tempfile", "starlette", "uvicorn", "websockets", "aiosqlite", "sys", "io", "pathlib.Path.open",
    "aegis_mcp.ledger", "aegis_mcp.proxy", "aegis_mcp.audit_server", "aegis_mcp.web", "aegis_mcp.commands",
    "aegis_mcp.cli", "aegis_mcp.transports",
}
# Calls that do file or process I/O.
FORBIDDEN_CALLS = {"open", "print", "input", "exec", "eval", "system", "popen", "remove", "unlink", "rmdir",
                   "makedirs", "mkdir", "write_text", "write_bytes", "read_text", "read_bytes"}
# The one place allowed to read: the policy loader at construction time (never on a call).
READ_ALLOWED = {("policy.py", "read_bytes"), ("policy.py", "read_text")}


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _forbidden(name: str, rules: set[str]) -> bool:
    return any(name == r or name.startswith(r + ".") for r in rules)


def _engine_files() -> list[Path]:
    files = sorted((PKG / "engine").rglob("*.py"))
    assert len(files) > 10
    return files


def test_engine_imports_no_io_modules() -> None:
    bad = []
    for path in _engine_files():
        tree = ast.parse(path.read_text(), str(path))
        for name in _imports(tree):
            if _forbidden(name, FORBIDDEN_IN_ENGINE):
                bad.append(f"{path.relative_to(PKG)} imports {name}")
        # `os` is allowed only for pure helpers (os.path); never os.system, os.open ...
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os":
                if node.attr not in ("path", "sep", "altsep", "fspath"):
                    bad.append(f"{path.relative_to(PKG)} uses os.{node.attr}")
    assert not bad, bad


def test_engine_calls_no_io_functions() -> None:
    bad = []
    for path in _engine_files():
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name in FORBIDDEN_CALLS and (path.name, name) not in READ_ALLOWED:
                bad.append(f"{path.relative_to(PKG)}:{node.lineno} calls {name}()")
    assert not bad, bad


def test_ledger_does_not_import_the_engine() -> None:
    bad = []
    for path in sorted((PKG / "ledger").rglob("*.py")):
        for name in _imports(ast.parse(path.read_text(), str(path))):
            if _forbidden(name, {"aegis_mcp.engine", "aegis_mcp.proxy", "aegis_mcp.audit_server"}):
                bad.append(f"{path.relative_to(PKG)} imports {name}")
    assert not bad, bad


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    tree = ast.parse("import sqlite3\nfrom asyncio import sleep\nopen('x')\n")
    assert {"sqlite3", "asyncio", "asyncio.sleep"} <= _imports(tree)
    assert _forbidden("asyncio.sleep", FORBIDDEN_IN_ENGINE)
    assert not _forbidden("jsonschema", FORBIDDEN_IN_ENGINE)
