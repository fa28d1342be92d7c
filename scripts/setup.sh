#!/usr/bin/env bash
# Sets up everything aegis-mcp and its tests need on a fresh machine of this kind:
# the project's virtualenv (.venv), the pinned npm test servers and clients (node_modules),
# and separate virtualenvs for upstream servers that need their own mcp version.
# Idempotent: a second run only checks what is there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-python3}
log() { printf '[setup] %s\n' "$*" >&2; }

if [ ! -x .venv/bin/python ]; then
  log "creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.aegis-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log "installing aegis-mcp and its test dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi

# mcp-server-sqlite runs on mcp 1.x, and mcp-shell-server pins its own mcp: each gets a venv.
install_tool_venv() {  # name, pip specs...
  local name="$1"; shift
  local dir=".venv-$name" stamp_name
  stamp_name=$(printf '%s' "$*" | tr -c 'A-Za-z0-9.=_-' '_')
  if [ ! -f "$dir/.installed-$stamp_name" ]; then
    log "installing $* into $dir"
    rm -rf "$dir"
    "$PY" -m venv "$dir"
    "$dir/bin/python" -m pip install -q "$@"
    touch "$dir/.installed-$stamp_name"
  fi
}
install_tool_venv sqlite "mcp-server-sqlite==2025.4.25" "mcp>=1.9,<2"
install_tool_venv shell "mcp-shell-server==1.1.14" "mcp>=1.9,<2"

# The MCP conformance suite's reference server (the Python SDK's examples/servers/everything-server,
# shipped only in the SDK's source distribution), on the same mcp version as .venv, in its own venv.
install_conformance_fixture() {
  local version tmp
  version=$(.venv/bin/python -c "import importlib.metadata as m; print(m.version('mcp'))")
  if [ ! -f ".venv-everything/.installed-mcp-$version" ]; then
    log "installing the conformance fixture (mcp $version examples/servers/everything-server) into .venv-everything"
    tmp=$(mktemp -d)
    .venv/bin/python -m pip download -q --no-binary :all: --no-deps "mcp==$version" -d "$tmp"
    tar -xzf "$tmp"/mcp-*.tar.gz -C "$tmp"
    rm -rf .venv-everything
    "$PY" -m venv .venv-everything
    .venv-everything/bin/python -m pip install -q "mcp==$version" "$tmp/mcp-$version/examples/servers/everything-server"
    rm -rf "$tmp"
    touch ".venv-everything/.installed-mcp-$version"
  fi
}
install_conformance_fixture

# npm: the pinned test servers and clients, the conformance suite, and Node 22 for it (the `node`
# package ships the binary: node_modules/node/bin/node; its install script is allowed in package.json).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing pinned npm test servers (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
log "ready: $ROOT/.venv/bin/aegis-mcp"
