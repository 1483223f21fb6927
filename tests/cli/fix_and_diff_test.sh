# `perfhint check --diff` (a unified diff like GNU diff -u, nothing written, exit 1 when there is
# a diff) and `--fix` (fixes written in place, the rest reported). PH701's fix is unsafe, so it
# needs --unsafe-fixes.
source "$(dirname "$0")/lib.sh"

cd "$work"
mkdir -p project/lib
cat >project/app.py <<'EOF'
for day in week:
    seen = day in ["sat", "sun"]


def one():
    return 1


def two():
    return 2


def three():
    return 3


for ch in text:
    seen = ch in ("a", "e", "i", "o", "u")
EOF
# No newline at the end of this one.
printf 'import sys\n\n\nfor n in ns:\n    seen = n in [1, 2]' >project/lib/util.py
echo 'print("clean")' >project/clean.py
cp -r project original

begin_case "diff"
run check --select PH701 --unsafe-fixes --diff project
expect_exit 1
expect_stdout <<'EOF'
--- a/project/app.py
+++ b/project/app.py
@@ -1,5 +1,5 @@
 for day in week:
-    seen = day in ["sat", "sun"]
+    seen = day in {"sat", "sun"}
 
 
 def one():
@@ -15,4 +15,4 @@
 
 
 for ch in text:
-    seen = ch in ("a", "e", "i", "o", "u")
+    seen = ch in {"a", "e", "i", "o", "u"}
--- a/project/lib/util.py
+++ b/project/lib/util.py
@@ -2,4 +2,4 @@
 
 
 for n in ns:
-    seen = n in [1, 2]
\ No newline at end of file
+    seen = n in {1, 2}
\ No newline at end of file
EOF
expect_stderr <<'EOF'
Would fix 3 findings.
EOF
diff -r original project >/dev/null || fail "--diff changed a file"

begin_case "the diff applies with patch and gives what --fix writes"
if command -v patch >/dev/null; then
  cp -r original project-patched
  # -p2 strips "a/project/".
  (cd project-patched && patch -s -p2) <"$stdout_file" || fail "patch refused the diff"
fi

begin_case "diff with nothing to fix"
run check --select PH701 --diff project
expect_exit 0
expect_no_stdout
expect_stderr <<'EOF'
No fixes would be applied (3 fixable with `--unsafe-fixes`).
EOF

begin_case "diff with --exit-zero"
run check --select PH701 --unsafe-fixes --diff --exit-zero project/lib
expect_exit 0
assert_eq "first line" "--- a/project/lib/util.py" "$(head -n 1 "$stdout_file")"

begin_case "fix and diff together are a usage error"
run check --select PH701 --fix --diff project
expect_exit 2
expect_no_stdout
expect_stderr <<'EOF'
perfhint: --fix and --diff cannot be combined
EOF

begin_case "fix without --unsafe-fixes changes nothing and reports the rest"
run check --select PH701 --fix project/lib
expect_exit 1
expect_stdout <<'EOF'
project/lib/util.py:5:17: PH701 Membership test against a list of constants; use a set literal
        seen = n in [1, 2]
                    ^^^^^^
Found 1 finding.
1 more fixable with `--unsafe-fixes`.
EOF
diff -r original project >/dev/null || fail "--fix applied an unsafe fix"

begin_case "fix with --unsafe-fixes"
run check --select PH701 --fix --unsafe-fixes project
expect_exit 0
expect_no_stderr
expect_stdout <<'EOF'
Fixed 3 findings.
EOF
expect_file_text app.py project/app.py <<'EOF'
for day in week:
    seen = day in {"sat", "sun"}


def one():
    return 1


def two():
    return 2


def three():
    return 3


for ch in text:
    seen = ch in {"a", "e", "i", "o", "u"}
EOF
expect_file_text util.py project/lib/util.py < <(printf 'import sys\n\n\nfor n in ns:\n    seen = n in {1, 2}')
expect_file_text clean.py project/clean.py < <(echo 'print("clean")')
if [ -d project-patched ]; then
  diff -r project project-patched >/dev/null || fail "--diff and --fix disagree"
fi

begin_case "a fixed tree has nothing left"
run check --select PH701 --unsafe-fixes --diff project
expect_exit 0
expect_no_stdout
expect_stderr <<'EOF'
No fixes would be applied.
EOF

finish
