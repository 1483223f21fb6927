# `perfhint rule CODE`, `perfhint rule --all`, `perfhint rule --markdown` and `perfhint --version`.
# The rule set grows, so only PH701 is looked at in detail.
source "$(dirname "$0")/lib.sh"

cd "$work"

begin_case "rule PH701"
run rule PH701
expect_exit 0
expect_no_stderr
assert_eq "heading" "## PH701 list-membership-literal" "$(head -n 1 "$stdout_file")"
for section in "### Why it is slow" "### Use instead" "### Example" "### Fix safety"; do
  grep -qxF "$section" "$stdout_file" || fail "no '$section' section"
done
cp "$stdout_file" ph701.md
run rule ph701
expect_exit 0
expect_file_text "rule ph701" "$stdout_file" <ph701.md

begin_case "rule --all"
run rule --all
expect_exit 0
expect_no_stderr
grep -q '^PH701  list-membership-literal  *Membership test' "$stdout_file" || fail "no PH701 line"
grep -Ev '^PH[0-9]{3}  [a-z0-9-]+ +[^ ].*$' "$stdout_file" >"$work/odd" && fail "malformed lines: $(cat "$work/odd")"
sort -c "$stdout_file" || fail "not sorted by code"
cp "$stdout_file" all.txt
run rule
expect_file_text "rule (no code)" "$stdout_file" <all.txt

begin_case "rule --markdown documents every rule"
run rule --markdown
expect_exit 0
assert_eq "first line" "# perfhint rules" "$(head -n 1 "$stdout_file")"
assert_eq "documented rules" "$(cut -c1-5 all.txt)" "$(sed -n 's/^## \(PH[0-9]*\) .*/\1/p' "$stdout_file")"

begin_case "unknown rule"
run rule PH999
expect_exit 2
expect_no_stdout
expect_stderr <<'EOF'
perfhint: unknown rule 'PH999'; `perfhint rule --all` lists them
EOF

begin_case "--version"
run --version
expect_exit 0
grep -qxE 'perfhint [0-9]+\.[0-9]+\.[0-9]+' "$stdout_file" || fail "version: $(cat "$stdout_file")"

begin_case "no subcommand"
run
expect_exit 2
expect_no_stdout

finish
