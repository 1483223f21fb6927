# Configuration files: discovery (nearest wins, perfhint.toml before pyproject.toml, pyproject.toml
# without [tool.perfhint] passed over), precedence (command line over the file), per-file-ignores,
# exclude, extend, --show-settings, and invalid files (stderr with file, line and key; exit 2).
source "$(dirname "$0")/lib.sh"

cd "$work"
finding() {  # a file with a PH701 finding on line 2 and a PH101 finding on line 5
  mkdir -p "$(dirname "$1")"
  printf 'for x in xs:\n    seen = x in [1, 2]\nout = []\nfor x in xs:\n    out.append(x + 1)\n' >"$1"
}

# Runs a check and keeps `path:code` for each finding, one a line.
findings() {
  run check --output-format github "$@"
  sed 's/^::[a-z]* file=\([^,]*\),.*title=\(PH[0-9]*\) .*/\1:\2/' "$stdout_file" >"$work/.found"
}

mkdir proj
finding proj/a.py
finding proj/pkg/b.py
finding proj/tests/test_c.py
printf '[project]\nname = "proj"\n\n[tool.perfhint]\nselect = ["PH701", "PH101"]\n' >proj/pyproject.toml

begin_case "pyproject.toml governs the files below it"
findings proj
expect_exit 1
expect_file_text findings "$work/.found" <<'EOF'
proj/a.py:PH701
proj/a.py:PH101
proj/pkg/b.py:PH701
proj/pkg/b.py:PH101
proj/tests/test_c.py:PH701
proj/tests/test_c.py:PH101
EOF

begin_case "the nearest file wins; a pyproject.toml without [tool.perfhint] is passed over"
printf 'select = ["PH101"]\n' >proj/pkg/perfhint.toml
printf '[project]\nname = "tests"\n' >proj/tests/pyproject.toml
findings proj
expect_file_text findings "$work/.found" <<'EOF'
proj/a.py:PH701
proj/a.py:PH101
proj/pkg/b.py:PH101
proj/tests/test_c.py:PH701
proj/tests/test_c.py:PH101
EOF

begin_case "perfhint.toml is taken before pyproject.toml in the same directory"
printf 'select = ["PH701"]\n' >proj/perfhint.toml
findings proj/a.py
expect_file_text findings "$work/.found" <<'EOF'
proj/a.py:PH701
EOF
rm proj/perfhint.toml

begin_case "the command line overrides the file"
findings --select PH701 proj/pkg/b.py
expect_file_text findings "$work/.found" <<'EOF'
proj/pkg/b.py:PH701
EOF
findings --extend-select PH701 proj/pkg/b.py
expect_file_text findings "$work/.found" <<'EOF'
proj/pkg/b.py:PH701
proj/pkg/b.py:PH101
EOF
findings --ignore PH101 proj/pkg/b.py
expect_exit 0
expect_no_stdout
findings --isolated --select PH701,PH101 proj/pkg/b.py
expect_file_text findings "$work/.found" <<'EOF'
proj/pkg/b.py:PH701
proj/pkg/b.py:PH101
EOF

begin_case "per-file-ignores: globs relative to the configuration file's directory"
cat >>proj/pyproject.toml <<'TOML'
[tool.perfhint.per-file-ignores]
"tests/*.py" = ["PH701"]
"a.py" = ["PH101"]
TOML
findings proj/a.py proj/tests
expect_file_text findings "$work/.found" <<'EOF'
proj/a.py:PH701
proj/tests/test_c.py:PH101
EOF

begin_case "exclude and extend-exclude leave walked files out, not named ones"
printf 'extend = "../pyproject.toml"\nextend-exclude = ["generated"]\n' >proj/pkg/perfhint.toml
finding proj/pkg/generated/g.py
printf 'exclude = ["tests"]\nextend = "pyproject.toml"\n' >proj/perfhint.toml
findings proj
expect_file_text findings "$work/.found" <<'EOF'
proj/a.py:PH701
proj/pkg/b.py:PH701
proj/pkg/b.py:PH101
EOF
findings proj/tests/test_c.py proj/pkg/generated/g.py
expect_file_text findings "$work/.found" <<'EOF'
proj/pkg/generated/g.py:PH701
proj/pkg/generated/g.py:PH101
proj/tests/test_c.py:PH101
EOF
rm proj/perfhint.toml proj/pkg/perfhint.toml

begin_case "--show-settings prints the resolved configuration"
run check --show-settings --ignore PH101 proj/tests/test_c.py
expect_exit 0
sed "s|$work|WORK|g" "$stdout_file" >"$work/.settings"
expect_file_text settings "$work/.settings" <<'EOF'
# file: WORK/proj/tests/test_c.py
# configuration files: WORK/proj/pyproject.toml
enabled = ["PH701"]
enabled-for-file = []
per-file-ignores = [{ glob = "a.py", base = "WORK/proj", codes = ["PH101"] }, { glob = "tests/*.py", base = "WORK/proj", codes = ["PH701"] }]
exclude = []
severity = {}
target-version = "py314"
unsafe-fixes = false
respect-gitignore = true
EOF

begin_case "target-version and unsafe-fixes from the file"
mkdir fixes
printf 'for x in xs:\n    seen = x in [1, 2]\n' >fixes/a.py
printf 'select = ["PH701"]\nunsafe-fixes = true\ntarget-version = "py38"\n' >fixes/perfhint.toml
run check fixes
expect_exit 1
assert_eq "summary" "[*] 1 fixable with \`perfhint check --fix --unsafe-fixes\`." \
  "$(tail -n 1 "$stdout_file")"
run check --fix fixes
expect_exit 0
assert_eq "fixed text" "$(printf 'for x in xs:\n    seen = x in {1, 2}')" "$(cat fixes/a.py)"
run check --show-settings --target-version py311 fixes
assert_eq "target-version" 'target-version = "py311"' "$(grep target-version "$stdout_file")"
run check --target-version py27 fixes
expect_exit 2
expect_stderr <<'EOF'
perfhint: unknown target version 'py27' (use py38, py39, ..., py314)
EOF

begin_case "invalid files: file, line and key on stderr, exit 2, nothing checked"
mkdir bad
finding bad/a.py
printf '[tool.perfhint]\nselect = ["PH701"]\nsevertiy = {}\nunsafe-fixes = "yes"\n' >bad/pyproject.toml
run check bad
expect_exit 2
expect_no_stdout
sed "s|$work|WORK|g" "$stderr_file" >"$work/.errors"
expect_file_text stderr "$work/.errors" <<'EOF'
perfhint: invalid configuration: WORK/bad/pyproject.toml:3: tool.perfhint.severtiy: unknown key
perfhint: invalid configuration: WORK/bad/pyproject.toml:4: tool.perfhint.unsafe-fixes: must be true or false
EOF
printf 'select = ["PH701"\n' >bad/perfhint.toml
run check --show-settings bad/a.py
expect_exit 2
assert_eq "syntax error" "perfhint: invalid configuration: WORK/bad/perfhint.toml:LINE: " \
  "$(sed "s|$work|WORK|g; s|toml:[0-9][0-9]*: .*|toml:LINE: |" "$stderr_file")"
printf 'extend = "perfhint.toml"\n' >bad/perfhint.toml
run check bad
expect_exit 2
sed "s|$work|WORK|g" "$stderr_file" >"$work/.errors"
expect_file_text stderr "$work/.errors" <<'EOF'
perfhint: invalid configuration: WORK/bad/perfhint.toml:1: extend: extends WORK/bad/perfhint.toml, which is a cycle
EOF
run check --isolated --select PH701 bad
expect_exit 1

begin_case "respect-gitignore = false walks ignored files too"
if command -v git >/dev/null; then
  mkdir repo
  git init -q repo
  finding repo/app.py
  finding repo/build/out.py
  printf 'build/\n' >repo/.gitignore
  printf 'select = ["PH701"]\n' >repo/perfhint.toml
  findings repo
  expect_file_text findings "$work/.found" <<'EOF'
repo/app.py:PH701
EOF
  printf 'select = ["PH701"]\nrespect-gitignore = false\n' >repo/perfhint.toml
  findings repo
  expect_file_text findings "$work/.found" <<'EOF'
repo/app.py:PH701
repo/build/out.py:PH701
EOF
else
  echo "skipped: respect-gitignore (git is not installed)"
fi

finish
