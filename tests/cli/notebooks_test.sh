# Jupyter notebooks (.ipynb): code cells checked as one program in order, positions reported as
# cell and line, --fix writing back only the changed cells' sources (every other byte kept),
# --diff per cell, malformed notebooks reported with exit status 2.
source "$(dirname "$0")/lib.sh"

cd "$work"
mkdir -p project
# Notebooks written the way Jupyter writes them (json.dump with indent=1, lines as a list, each
# ending in "\n" but the last), and in other styles a fix must keep.
python3 - <<'EOF'
import json


def code(source, count=None, outputs=()):
    return {"cell_type": "code", "execution_count": count, "metadata": {"tags": []},
            "outputs": list(outputs), "source": source.splitlines(True)}


cells = [
    {"cell_type": "markdown", "metadata": {}, "source": ["# Words\n", "x in [1, 2] is prose here"]},
    code("import re\n%matplotlib inline\nwords = ['a', 'b', 'é']\n", 1),
    code("%load_ext autoreload\nfor w in words:\n    if w in ['a', 'b']:\n        print(w)", 2,
         [{"name": "stdout", "output_type": "stream", "text": ["a\n", "b\n"]}]),
    code("%%timeit\nfor w in words:\n    w in [1, 2]\n", 3),
    code("!pip list\nfor w in words:\n    re.search('a', w)\n", 4),
]
metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11.2"}}
notebook = {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}
with open("project/nb.ipynb", "w", encoding="utf-8") as out:
    json.dump(notebook, out, indent=1, ensure_ascii=False)
    out.write("\n")
# Two spaces, no newline at the end, one source stored as a single string.
two = json.loads(json.dumps(notebook))
two["cells"][2]["source"] = "".join(two["cells"][2]["source"])
with open("two.ipynb", "w", encoding="utf-8") as out:
    json.dump(two, out, indent=2)
with open("four.ipynb", "w", encoding="utf-8") as out:
    json.dump(notebook, out, indent=4, ensure_ascii=False)
    out.write("\n")
r = {"cells": [code("x in [1, 2]\n")], "nbformat": 4, "nbformat_minor": 5,
     "metadata": {"kernelspec": {"language": "R", "name": "ir"}}}
with open("r.ipynb", "w", encoding="utf-8") as out:
    json.dump(r, out, indent=1)
EOF
printf '{\n "cells": [\n  {"cell_type": "code", "source": ["x = 1"]\n ]\n}\n' >bad.ipynb
cp project/nb.ipynb original.ipynb

begin_case "text: cell and line"
run check project/nb.ipynb
expect_exit 1
expect_stdout <<'EOF'
project/nb.ipynb:cell 3:3:13: PH701 Membership test against a list of constants; use a set literal
        if w in ['a', 'b']:
                ^^^^^^^^^^
project/nb.ipynb:cell 5:3:5: PH202 `re.search` with a constant pattern in a loop looks the pattern up on every call; compile it once at module level
        re.search('a', w)
        ^^^^^^^^^^^^^^^^^
Found 2 findings.
1 more fixable with `--unsafe-fixes`.
EOF

begin_case "directory walks find notebooks; exclude leaves them out"
run check --select PH701 --output-format github project
expect_exit 1
expect_stdout <<'EOF'
::notice file=project/nb.ipynb,line=43,col=18,endLine=43,endColumn=28,title=PH701 (list-membership-literal) in cell 3::Membership test against a list of constants; use a set literal
EOF
printf 'extend-exclude = ["*.ipynb"]\n' >project/perfhint.toml
run check --select PH701 project
expect_exit 0
expect_stdout <<'EOF'
All checks passed.
EOF
rm project/perfhint.toml

begin_case "json: the cell, rows within it"
run check --select PH701 --output-format json project/nb.ipynb
expect_exit 1
expect_stdout <<'EOF'
[
  {
    "code": "PH701",
    "name": "list-membership-literal",
    "message": "Membership test against a list of constants; use a set literal",
    "severity": "info",
    "filename": "project/nb.ipynb",
    "cell": 3,
    "location": {
      "row": 3,
      "column": 13
    },
    "end_location": {
      "row": 3,
      "column": 23
    },
    "fix": {
      "applicability": "unsafe",
      "message": "Use a set literal",
      "edits": [
        {
          "content": "{",
          "location": {
            "row": 3,
            "column": 13
          },
          "end_location": {
            "row": 3,
            "column": 14
          }
        },
        {
          "content": "}",
          "location": {
            "row": 3,
            "column": 22
          },
          "end_location": {
            "row": 3,
            "column": 23
          }
        }
      ]
    },
    "loop_depth": 1
  }
]
EOF

begin_case "sarif: the region in the file, the cell in properties"
run check --select PH202 --output-format sarif project/nb.ipynb
expect_exit 1
python3 -c 'import json, sys
for result in json.load(open(sys.argv[1]))["runs"][0]["results"]:
    print(json.dumps(result["locations"][0]["physicalLocation"]["region"]))
    print(json.dumps(result["properties"]))' "$stdout_file" >"$work/.regions"
expect_file_text regions "$work/.regions" <<'EOF'
{"startLine": 70, "startColumn": 10, "endLine": 70, "endColumn": 27}
{"cell": 5, "cellRegion": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 22}}
EOF

begin_case "diff: one per changed cell"
run check --unsafe-fixes --diff project/nb.ipynb
expect_exit 1
expect_stdout <<'EOF'
--- a/project/nb.ipynb:cell 3
+++ b/project/nb.ipynb:cell 3
@@ -1,4 +1,4 @@
 %load_ext autoreload
 for w in words:
-    if w in ['a', 'b']:
+    if w in {'a', 'b'}:
         print(w)
\ No newline at end of file
EOF
expect_stderr <<'EOF'
Would fix 1 finding.
EOF
cmp -s project/nb.ipynb original.ipynb || fail "--diff changed the notebook"

begin_case "fix: only the changed cells' sources change, byte for byte"
# PH202's fix would put the compiled pattern after `import re`, in another cell: it is dropped.
# What the file must become: the same notebook with the two cells fixed, dumped the same way.
expected_fix() {  # $1 file, $2 indent, $3 trailing newline (1/0), $4 ensure_ascii (1/0)
  python3 - "$@" <<'EOF'
import json, sys
path, indent, newline, ascii_only = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4] == "1"
notebook = json.load(open(path, encoding="utf-8"))
cell = notebook["cells"][2]
if isinstance(cell["source"], str):
    cell["source"] = cell["source"].replace("['a', 'b']", "{'a', 'b'}")
else:
    cell["source"][2] = cell["source"][2].replace("['a', 'b']", "{'a', 'b'}")
with open(path + ".expected", "w", encoding="utf-8") as out:
    json.dump(notebook, out, indent=indent, ensure_ascii=ascii_only)
    if newline:
        out.write("\n")
EOF
}
expected_fix project/nb.ipynb 1 1 0
expected_fix two.ipynb 2 0 1
expected_fix four.ipynb 4 1 0
run check --unsafe-fixes --fix project/nb.ipynb two.ipynb four.ipynb
expect_exit 1
expect_stdout <<'EOF'
four.ipynb:cell 5:3:5: PH202 `re.search` with a constant pattern in a loop looks the pattern up on every call; compile it once at module level
        re.search('a', w)
        ^^^^^^^^^^^^^^^^^
project/nb.ipynb:cell 5:3:5: PH202 `re.search` with a constant pattern in a loop looks the pattern up on every call; compile it once at module level
        re.search('a', w)
        ^^^^^^^^^^^^^^^^^
two.ipynb:cell 5:3:5: PH202 `re.search` with a constant pattern in a loop looks the pattern up on every call; compile it once at module level
        re.search('a', w)
        ^^^^^^^^^^^^^^^^^
Fixed 3 findings.
Found 3 findings.
EOF
for file in project/nb.ipynb two.ipynb four.ipynb; do
  cmp -s "$file" "$file.expected" || { fail "$file differs from what json.dump writes:"; diff "$file.expected" "$file" >&2; }
done
# Outputs, metadata and execution counts survive; the file is still a notebook.
python3 -c 'import json; nb = json.load(open("project/nb.ipynb")); assert nb["cells"][2]["outputs"][0]["text"] == ["a\n", "b\n"] and nb["cells"][4]["execution_count"] == 4' ||
  fail "outputs or execution counts lost"

begin_case "a notebook in another language is not checked"
run check r.ipynb
expect_exit 0
expect_stdout <<'EOF'
All checks passed.
EOF

begin_case "malformed notebook: reported, exit 2"
run check bad.ipynb r.ipynb
expect_exit 2
expect_stdout <<'EOF'
No findings, but 1 path could not be checked.
EOF
expect_stderr <<'EOF'
perfhint: bad.ipynb: invalid notebook JSON: parse error at line 4, column 2: syntax error while parsing object - unexpected ']'; expected '}'
EOF

finish
