# `perfhint check --output-format text|json|sarif|github` and `--statistics` on a small tree:
# exact output, stable order (by path, then position), one-based columns in code points (text,
# json, github) and UTF-16 code units (sarif).
source "$(dirname "$0")/lib.sh"

cd "$work"
mkdir pkg
cat >a.py <<'EOF'
for day in week:
    seen = day in ["sat", "sün"]
EOF
cat >pkg/mod.py <<'EOF'
def count(rows):
    n = 0
    for row in rows:
        for cell in row:
            if cell in ("😀", "b"):
                n += 1
    return n
EOF
echo 'print("clean")' >clean.py

begin_case "text"
run check --select PH701 .
expect_exit 1
expect_no_stderr
expect_stdout <<'EOF'
a.py:2:19: PH701 Membership test against a list of constants; use a set literal
        seen = day in ["sat", "sün"]
                      ^^^^^^^^^^^^^^
pkg/mod.py:5:24: PH701 Membership test against a tuple of constants; use a set literal (inside 2 nested loops)
                if cell in ("😀", "b"):
                           ^^^^^^^^^^
Found 2 findings.
2 more fixable with `--unsafe-fixes`.
EOF

begin_case "text, unsafe fixes offered"
run check --select PH701 --unsafe-fixes pkg
expect_exit 1
expect_stdout <<'EOF'
pkg/mod.py:5:24: PH701 Membership test against a tuple of constants; use a set literal (inside 2 nested loops) [*]
                if cell in ("😀", "b"):
                           ^^^^^^^^^^
Found 1 finding.
[*] 1 fixable with `perfhint check --fix --unsafe-fixes`.
EOF

begin_case "text, nothing found"
run check --select PH701 clean.py
expect_exit 0
expect_stdout <<'EOF'
All checks passed.
EOF

begin_case "json"
run check --select PH701 --output-format json .
expect_exit 1
expect_no_stderr
expect_stdout <<'EOF'
[
  {
    "code": "PH701",
    "name": "list-membership-literal",
    "message": "Membership test against a list of constants; use a set literal",
    "severity": "info",
    "filename": "a.py",
    "location": {
      "row": 2,
      "column": 19
    },
    "end_location": {
      "row": 2,
      "column": 33
    },
    "fix": {
      "applicability": "unsafe",
      "message": "Use a set literal",
      "edits": [
        {
          "content": "{",
          "location": {
            "row": 2,
            "column": 19
          },
          "end_location": {
            "row": 2,
            "column": 20
          }
        },
        {
          "content": "}",
          "location": {
            "row": 2,
            "column": 32
          },
          "end_location": {
            "row": 2,
            "column": 33
          }
        }
      ]
    },
    "loop_depth": 1
  },
  {
    "code": "PH701",
    "name": "list-membership-literal",
    "message": "Membership test against a tuple of constants; use a set literal (inside 2 nested loops)",
    "severity": "warning",
    "filename": "pkg/mod.py",
    "location": {
      "row": 5,
      "column": 24
    },
    "end_location": {
      "row": 5,
      "column": 34
    },
    "fix": {
      "applicability": "unsafe",
      "message": "Use a set literal",
      "edits": [
        {
          "content": "{",
          "location": {
            "row": 5,
            "column": 24
          },
          "end_location": {
            "row": 5,
            "column": 25
          }
        },
        {
          "content": "}",
          "location": {
            "row": 5,
            "column": 33
          },
          "end_location": {
            "row": 5,
            "column": 34
          }
        }
      ]
    },
    "loop_depth": 2
  }
]
EOF

begin_case "json, nothing found"
run check --select PH701 --output-format json clean.py
expect_exit 0
expect_stdout <<'EOF'
[]
EOF

begin_case "sarif"
run check --select PH701 --output-format sarif .
expect_exit 1
expect_no_stderr
version=$("$perfhint" --version)
# Checks the structure code scanning needs, then prints each result in one line.
python3 - "$stdout_file" "${version#perfhint }" >"$work/sarif.txt" <<'PYTHON' || fail "sarif is not valid JSON"
import json, sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
def need(condition, what):
    if not condition:
        problems.append(what)

need(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json", "$schema")
need(log["version"] == "2.1.0", "version")
need(len(log["runs"]) == 1, "one run")
run = log["runs"][0]
need(run["columnKind"] == "utf16CodeUnits", "columnKind")
driver = run["tool"]["driver"]
need(driver["name"] == "perfhint", "driver name")
need(driver["version"] == sys.argv[2], "driver version")
rules = driver["rules"]
ids = [rule["id"] for rule in rules]
need(ids == sorted(set(ids)) and "PH701" in ids, "rules: every rule once, in code order")
for rule in rules:
    need(rule["name"] and rule["shortDescription"]["text"], rule["id"] + " name, shortDescription")
    need(rule["fullDescription"]["text"].startswith("## " + rule["id"] + " " + rule["name"]),
         rule["id"] + " fullDescription")
    need(rule["help"]["text"] and rule["help"]["markdown"].startswith("## "), rule["id"] + " help")
    need(rule["defaultConfiguration"]["level"] in ("error", "warning", "note"), rule["id"] + " level")
for result in run["results"]:
    need(rules[result["ruleIndex"]]["id"] == result["ruleId"], "ruleIndex names ruleId")
    need(result["level"] in ("error", "warning", "note"), "result level")
    need(len(result["locations"]) == 1, "one location")
    location = result["locations"][0]["physicalLocation"]
    region = location["region"]
    need(min(region.values()) >= 1, "one-based region")
    print(result["ruleId"], result["level"], location["artifactLocation"]["uri"],
          region["startLine"], region["startColumn"], region["endLine"], region["endColumn"],
          result["message"]["text"], sep=" | ")
for problem in problems:
    print("PROBLEM:", problem)
PYTHON
# The emoji is two UTF-16 code units: the tuple ends at column 35, not 34.
expect_file_text sarif "$work/sarif.txt" <<'EOF'
PH701 | note | a.py | 2 | 19 | 2 | 33 | Membership test against a list of constants; use a set literal
PH701 | warning | pkg/mod.py | 5 | 24 | 5 | 35 | Membership test against a tuple of constants; use a set literal (inside 2 nested loops)
EOF

begin_case "github"
run check --select PH701 --output-format github .
expect_exit 1
expect_no_stderr
expect_stdout <<'EOF'
::notice file=a.py,line=2,col=19,endLine=2,endColumn=33,title=PH701 (list-membership-literal)::Membership test against a list of constants; use a set literal
::warning file=pkg/mod.py,line=5,col=24,endLine=5,endColumn=34,title=PH701 (list-membership-literal)::Membership test against a tuple of constants; use a set literal (inside 2 nested loops)
EOF

begin_case "paths needing escapes: github properties and sarif URIs"
mkdir "odd, dir:50%"
cp a.py "odd, dir:50%/b.py"
run check --select PH701 --output-format github "odd, dir:50%"
expect_exit 1
expect_stdout <<'EOF'
::notice file=odd%2C dir%3A50%25/b.py,line=2,col=19,endLine=2,endColumn=33,title=PH701 (list-membership-literal)::Membership test against a list of constants; use a set literal
EOF
run check --select PH701 --output-format sarif "odd, dir:50%"
uri=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])' "$stdout_file")
assert_eq "sarif uri" "odd%2C%20dir%3A50%25/b.py" "$uri"
rm -r "odd, dir:50%"

begin_case "statistics"
run check --select PH701 --statistics .
expect_exit 1
expect_stdout < <(printf '    2\tPH701\tlist-membership-literal\n')
run check --select PH701 --statistics --unsafe-fixes .
expect_stdout < <(printf '    2\tPH701\t[*] list-membership-literal\n')

begin_case "statistics with another format is a usage error"
run check --select PH701 --statistics --output-format json .
expect_exit 2
expect_no_stdout
expect_stderr <<'EOF'
perfhint: --statistics prints text; it cannot be combined with --output-format json
EOF

begin_case "unknown output format"
run check --output-format xml .
expect_exit 2
assert_eq "first stderr line" "--output-format: xml not in {text,json,sarif,github}" "$(head -n 1 "$stderr_file")"

finish
