#!/usr/bin/env bash
# Runs the hooks of .pre-commit-hooks.yaml with the real pre-commit (`try-repo`, offline: the
# hooks are language: system) on a throwaway git repository holding the sample, with the perfhint
# binary given as $1 first on PATH. Checks the exit statuses and the fixed file.
set -euo pipefail
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo_root=$(cd "$here/../.." && pwd)
if ! command -v pre-commit >/dev/null; then
  echo "FAIL: pre-commit is not installed; run scripts/bootstrap" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# try-repo clones the hooks' repository: give it a one-commit copy of just the hooks file, so
# uncommitted work in this checkout is what gets tested.
mkdir -p "$work/bin" "$work/hooks" "$work/project"
ln -s "$binary" "$work/bin/perfhint"
cp "$repo_root/.pre-commit-hooks.yaml" "$work/hooks/"
git_quiet() {
  git -c user.name=test -c user.email=test@invalid -c init.defaultBranch=main "$@" >/dev/null
}
fail_with_output() {
  echo "FAIL: $1; output:" >&2
  cat "$work/output" >&2
  exit 1
}
(cd "$work/hooks" && git_quiet init && git_quiet add . && git_quiet commit -m hooks)
cp "$here/sample.py" "$work/project/sample.py"
(cd "$work/project" && git_quiet init && git_quiet add sample.py)
export PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/cache" PRE_COMMIT_COLOR=never

expect_status() {  # expect_status STATUS DESCRIPTION COMMAND...
  local expected=$1 what=$2 status=0
  shift 2
  (cd "$work/project" && "$@") >"$work/output" 2>&1 || status=$?
  [[ $status == "$expected" ]] || fail_with_output "$what: exit status $status, expected $expected"
}

# The check-only hook fails on the findings and changes nothing.
expect_status 1 "perfhint-check on the sample" \
  pre-commit try-repo "$work/hooks" perfhint-check --all-files
cmp -s "$here/sample.py" "$work/project/sample.py" ||
  fail_with_output "perfhint-check changed the file"
grep -q "PH701" "$work/output" || fail_with_output "perfhint-check names no PH701"

# The fixing hook applies the safe PH101 fix and fails on PH701, which has only an unsafe fix.
expect_status 1 "perfhint on the sample" pre-commit try-repo "$work/hooks" perfhint --all-files
python3 - "$here/sample.py" "$work/project/sample.py" <<'PYTHON'
import sys
original, fixed = (open(path).read() for path in sys.argv[1:])
expected = original.replace(
    "    result = []\n    for n in numbers:\n        result.append(n * n)\n",
    "    result = [n * n for n in numbers]\n")
if fixed != expected:
    sys.exit("FAIL: the perfhint hook left:\n" + fixed)
PYTHON

# A project's .pre-commit-config.yaml with options in `args` (written with `=`): with PH701
# ignored the fixed file passes.
rev=$(cd "$work/hooks" && git rev-parse HEAD)
cat >"$work/project/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: perfhint
        args: [--ignore=PH701]
YAML
(cd "$work/project" && git_quiet add .)
expect_status 0 "perfhint with args [--ignore=PH701] from .pre-commit-config.yaml" \
  pre-commit run --all-files
echo "pre-commit hooks: all checks passed"
