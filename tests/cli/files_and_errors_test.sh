# Which files `perfhint check` reads (walks, .gitignore, virtual environments, duplicates), rule
# selection, and what happens to paths it cannot check: reported on stderr as
# `perfhint: PATH: reason`, the other files still checked, exit status 2.
source "$(dirname "$0")/lib.sh"

cd "$work"
finding() {  # a file with one PH701 finding on line 2
  mkdir -p "$(dirname "$1")"
  printf 'for x in xs:\n    seen = x in [1, 2]\n' >"$1"
}

# Runs a check and keeps the path of each finding, one a line.
checked_paths() {
  run check --select PH701 --output-format github "$@"
  sed 's/^::[a-z]* file=\([^,]*\),.*/\1/' "$stdout_file" >"$work/.paths"
}

begin_case "select and ignore"
finding a.py
run check --select ph7 a.py
expect_exit 1
run check --select PH701 --ignore PH701 a.py
expect_exit 0
expect_stdout <<'EOF'
All checks passed.
EOF

begin_case "unknown rule code"
run check --select PH999 a.py
expect_exit 2
expect_no_stdout
expect_stderr <<'EOF'
perfhint: unknown rule code or prefix in select: 'PH999'
EOF
run check --select PH701 --ignore XY1 a.py
expect_exit 2
expect_stderr <<'EOF'
perfhint: unknown rule code or prefix in ignore: 'XY1'
EOF

begin_case "--exit-zero"
run check --select PH701 --exit-zero a.py
expect_exit 0
assert_eq "report" "Found 1 finding." "$(sed -n 4p "$stdout_file")"

begin_case "missing path: reported, the others still checked"
run check --select PH701 --output-format github missing.py a.py
expect_exit 2
expect_stdout <<'EOF'
::notice file=a.py,line=2,col=17,endLine=2,endColumn=23,title=PH701 (list-membership-literal)::Membership test against a list of constants; use a set literal
EOF
expect_stderr <<'EOF'
perfhint: missing.py: no such file or directory
EOF
run check --select PH701 --exit-zero missing.py
expect_exit 2
expect_stdout <<'EOF'
No findings, but 1 path could not be checked.
EOF

begin_case "files that are not UTF-8 text"
mkdir bad
finding bad/good.py
printf 'name = "caf\xe9"\n' >bad/latin1.py
printf 'x = 1\0\n' >bad/nul.py
run check --select PH701 --output-format github bad
expect_exit 2
expect_stdout <<'EOF'
::notice file=bad/good.py,line=2,col=17,endLine=2,endColumn=23,title=PH701 (list-membership-literal)::Membership test against a list of constants; use a set literal
EOF
expect_stderr <<'EOF'
perfhint: bad/latin1.py: not valid UTF-8 (byte offset 11); Python source must be UTF-8
perfhint: bad/nul.py: binary file (NUL byte at offset 5)
EOF

begin_case "unreadable file and directory"
mkdir -p locked/inner
finding locked/readable.py
finding locked/secret.py
finding locked/inner/hidden.py
chmod 000 locked/secret.py locked/inner
# Root reads through any permission: drop to an unprivileged user when possible, else skip.
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chmod 755 "$work"
  else
    as_user=(skip)
  fi
fi
if [ "${as_user[*]-}" != skip ]; then
  # --no-cache: the unprivileged user cannot write a cache here (cache_test.sh covers that).
  "${as_user[@]}" "$perfhint" check --no-cache --select PH701 --output-format github locked >"$stdout_file" 2>"$stderr_file"
  status=$?
  expect_exit 2
  expect_stdout <<'EOF'
::notice file=locked/readable.py,line=2,col=17,endLine=2,endColumn=23,title=PH701 (list-membership-literal)::Membership test against a list of constants; use a set literal
EOF
  expect_stderr <<'EOF'
perfhint: locked/inner: cannot read directory: Permission denied
perfhint: locked/secret.py: cannot read: Permission denied
EOF
else
  echo "skipped: unreadable files (running as root without setpriv)"
fi
chmod 755 locked/inner
rm -r locked bad

begin_case "duplicates and order"
finding pkg/b.py
finding pkg/a.py
checked_paths pkg/b.py ./a.py . a.py pkg
expect_exit 1
expect_file_text paths "$work/.paths" <<'EOF'
a.py
pkg/a.py
pkg/b.py
EOF
rm -r pkg

begin_case "a file named on the command line is checked whatever its name"
finding tool-script
checked_paths tool-script
expect_file_text paths "$work/.paths" <<'EOF'
tool-script
EOF
rm tool-script

begin_case "virtual environments, caches and node_modules are skipped"
finding env/lib/site.py
touch env/pyvenv.cfg
finding .venv/x.py
finding __pycache__/y.py
finding node_modules/z.py
finding src/main.py
checked_paths .
expect_file_text paths "$work/.paths" <<'EOF'
a.py
src/main.py
EOF
rm -r env .venv __pycache__ node_modules src

begin_case ".gitignore"
if command -v git >/dev/null; then
  mkdir repo
  git init -q repo
  finding repo/src/app.py
  finding repo/src/generated/api.py
  finding repo/src/generated/keep.py
  finding repo/build/out.py
  finding repo/docs/conf.py
  printf 'src/generated/*\n!src/generated/keep.py\nbuild/\n' >repo/.gitignore
  printf 'conf.py\n' >repo/docs/.gitignore
  checked_paths repo
  expect_file_text paths "$work/.paths" <<'EOF'
repo/src/app.py
repo/src/generated/keep.py
EOF
  # From inside the work tree, below its root.
  (cd repo/src && "$perfhint" check --select PH701 --statistics .) >"$stdout_file"
  expect_stdout < <(printf '    2\tPH701\tlist-membership-literal\n')
  # Named explicitly, ignored files and directories are checked.
  checked_paths repo/src/generated/api.py repo/build
  expect_file_text paths "$work/.paths" <<'EOF'
repo/build/out.py
repo/src/generated/api.py
EOF
  # Outside a work tree no ignore file applies.
  rm -rf repo/.git
  checked_paths repo
  expect_file_text paths "$work/.paths" <<'EOF'
repo/build/out.py
repo/docs/conf.py
repo/src/app.py
repo/src/generated/api.py
repo/src/generated/keep.py
EOF
else
  echo "skipped: .gitignore (git is not installed)"
fi

finish
