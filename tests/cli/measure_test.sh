# `perfhint measure`: exact output from a stand-in interpreter that reports fixed timings, the
# error paths, the user's figures kept for hover, and one real timing under python3.
source "$(dirname "$0")/lib.sh"

cd "$work"
export XDG_CACHE_HOME="$work/cache"

# A stand-in for python: answers the timing driver's request with the report in $FAKE_REPORT.
cat >fake-python <<'EOF'
#!/bin/sh
test -f "$1" && test -f "$2" || { echo "driver or request missing" >&2; exit 3; }
grep -q '"call":"squares(numbers)"' "$2" || { echo "unexpected request" >&2; exit 3; }
printf '%s\n' "$FAKE_REPORT"
EOF
chmod +x fake-python
ok_report='{"python": "3.11.2", "implementation": "CPython", "before": {"seconds": 0.000452, "loops": 500}, "after": {"seconds": 0.000113, "loops": 2000}, "same": true}'

begin_case "text output"
FAKE_REPORT=$ok_report run measure PH101 --python ./fake-python
expect_exit 0
expect_no_stderr
expect_stdout <<'EOF'
PH101  append-in-loop                 n=1000  before  452.0 µs  after  113.0 µs  4.00× faster
Best of 5 repeats per side, with CPython 3.11.2 (./fake-python).
EOF

begin_case "figures kept for hover"
expect_file_text "measurements.json" "$XDG_CACHE_HOME/perfhint/measurements.json" <<'EOF'
{
 "format": 1,
 "interpreters": {
  "CPython 3.11.2": {
   "PH101": {
    "after": 0.000113,
    "before": 0.000452,
    "n": 1000
   }
  }
 }
}
EOF

begin_case "tsv output, lower-case code, --no-save"
rm -rf "$XDG_CACHE_HOME"
FAKE_REPORT=$ok_report run measure ph101 --python ./fake-python --format tsv --n 50 --no-save
expect_exit 0
expect_no_stderr
printf 'code\tn\tbefore_seconds\tafter_seconds\tpython\nPH101\t50\t0.000452\t0.000113\tCPython 3.11.2\n' >tsv.expected
expect_file_text "tsv" "$stdout_file" <tsv.expected
[ -e "$XDG_CACHE_HOME" ] && fail "--no-save wrote the cache directory"

begin_case "damaged figures file is replaced"
mkdir -p "$XDG_CACHE_HOME/perfhint"
printf '{"format": 1, "interpreters": [' >"$XDG_CACHE_HOME/perfhint/measurements.json"
FAKE_REPORT=$ok_report run measure PH101 --python ./fake-python --format tsv
expect_exit 0
grep -q '"CPython 3.11.2"' "$XDG_CACHE_HOME/perfhint/measurements.json" || fail "not rewritten"

begin_case "different results"
FAKE_REPORT=${ok_report/\"same\": true/\"same\": false} run measure PH101 --python ./fake-python
expect_exit 1
expect_no_stdout
expect_stderr <<'EOF'
perfhint: PH101 append-in-loop: before and after returned different results
EOF

begin_case "example fails"
FAKE_REPORT='{"python": "3.11.2", "implementation": "CPython", "error": "after: NameError: name '"'"'x'"'"' is not defined"}' \
  run measure PH101 --python ./fake-python
expect_exit 1
expect_stderr <<'EOF'
perfhint: PH101 append-in-loop: after: NameError: name 'x' is not defined
EOF

begin_case "interpreter fails"
FAKE_REPORT='' run measure PH101 --python ./fake-python --no-save
expect_exit 1
expect_stderr <<'EOF'
perfhint: PH101 append-in-loop: ./fake-python printed no timing report
EOF
FAKE_REPORT='x' run measure PH101 --python /bin/false --no-save
expect_exit 1
expect_stderr <<'EOF'
perfhint: PH101 append-in-loop: /bin/false exited with status 1
EOF
run measure PH101 --python ./no-such-python --no-save
expect_exit 1
expect_stderr <<'EOF'
perfhint: PH101 append-in-loop: cannot run ./no-such-python: No such file or directory
EOF

begin_case "usage errors"
run measure PH999
expect_exit 2
expect_stderr <<'EOF'
perfhint: unknown rule 'PH999'; `perfhint rule --all` lists them
EOF
run measure
expect_exit 2
expect_stderr <<'EOF'
perfhint: give rule codes or --all
EOF

begin_case "every timed example under python3"
# Small inputs and one repeat: this checks that each rule's timing set-up runs and that before
# and after agree, not the figures.
# Debian's interpreter has the libraries the library rules' examples import.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
run measure --all --n 60 --repeat 1 --format tsv --no-save --python "$python"
expect_exit 0
expect_no_stderr
tail -n +2 "$stdout_file" | grep -Ev '^PH[0-9]{3}	60	[0-9.e+-]+	[0-9.e+-]+	CPython 3\.[0-9]+\.[0-9]+$' >odd &&
  fail "malformed lines: $(cat odd)"
[ "$(tail -n +2 "$stdout_file" | wc -l)" -ge 20 ] || fail "fewer than 20 rules timed"

finish
