#!/usr/bin/env bash
# Runs eglot_e2e.el in Debian's Emacs with elpa-eglot (batch, no init file) against the perfhint
# binary given as $1, in a throwaway project (pyproject.toml at its root, the sample one level
# down).
set -euo pipefail
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v emacs >/dev/null; then
  echo "FAIL: emacs is not installed; run scripts/bootstrap" >&2
  exit 1
fi
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
mkdir -p "$project/src"
touch "$project/pyproject.toml"
cp "$here/sample.py" "$project/src/sample.py"
# The outer timeout is a last resort; every step inside has its own, with a message.
PERFHINT_BINARY=$binary PERFHINT_EMACS_DIR="$here/../../editors/emacs" PERFHINT_PROJECT=$project \
  HOME=$project timeout 120 emacs --batch -Q -l "$here/eglot_e2e.el" </dev/null
