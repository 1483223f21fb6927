# Shared by the CLI tests. A test script sources this file with the perfhint binary as $1, builds
# small trees under $work (removed on exit) and checks exact output and exit statuses:
#
#   run check --select PH701 a.py   # runs perfhint; keeps stdout, stderr and the status
#   expect_exit 1
#   expect_stdout <<'EOF'           # the exact expected text (a heredoc ends with a newline)
#   ...
#   EOF
#   finish                          # at the end: the script fails if any expectation failed
set -u

perfhint=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
case_name="(start)"

# No user or system git configuration (a global excludes file) may leak into the results.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1 LC_ALL=C
mkdir -p "$HOME"

# Names the checks that follow, for the failure messages.
begin_case() {
  case_name=$1
}

fail() {
  echo "FAIL [$case_name]: $1" >&2
  failures=$((failures + 1))
}

stdout_file="$work/.stdout"
stderr_file="$work/.stderr"

# Runs perfhint with the given arguments in the current directory.
run() {
  "$perfhint" "$@" >"$stdout_file" 2>"$stderr_file"
  status=$?
}

expect_exit() {
  [ "$status" -eq "$1" ] || fail "exit status $status, expected $1"
}

# Compares a file with the expected text on standard input, showing a diff when they differ.
expect_file_text() {
  local label=$1 file=$2
  if ! diff -u --label expected --label "$label" - "$file" >"$work/.diff"; then
    fail "$label differs:"
    cat "$work/.diff" >&2
  fi
}

expect_stdout() { expect_file_text stdout "$stdout_file"; }
expect_stderr() { expect_file_text stderr "$stderr_file"; }
expect_no_stdout() { expect_file_text stdout "$stdout_file" </dev/null; }
expect_no_stderr() { expect_file_text stderr "$stderr_file" </dev/null; }

assert_eq() {
  local what=$1 expected=$2 actual=$3
  [ "$expected" = "$actual" ] || fail "$what: expected '$expected', got '$actual'"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures expectation(s) failed" >&2
    exit 1
  fi
  echo "all expectations met"
}
