#!/usr/bin/env bash
# Runs nvim_e2e.lua in Debian's Neovim (headless, no user config) against the perfhint binary
# given as $1, in a throwaway project (pyproject.toml at its root, the sample one level down).
set -euo pipefail
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvim >/dev/null; then
  echo "FAIL: nvim is not installed; run scripts/bootstrap" >&2
  exit 1
fi
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
mkdir -p "$project/src"
touch "$project/pyproject.toml"
cp "$here/sample.py" "$project/src/sample.py"
# The outer timeout is a last resort; every step inside has its own, with a message.
# Neovim's own state and logs (lsp.log) go to the throwaway directory too.
PERFHINT_BINARY=$binary PERFHINT_NVIM_DIR="$here/../../editors/nvim" PERFHINT_PROJECT=$project \
  XDG_CACHE_HOME=$project/.cache XDG_STATE_HOME=$project/.state XDG_DATA_HOME=$project/.data \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $here/nvim_e2e.lua" </dev/null
