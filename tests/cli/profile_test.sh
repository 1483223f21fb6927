# `perfhint check --profile` and `perfhint hotspots`: findings ordered and annotated by the
# hand-made profiles in tests/profiles (exact output), paths mapped by suffix, a real cProfile
# run listed as pstats lists it, and malformed profiles refused with the place.
source "$(dirname "$0")/lib.sh"

profiles=$(realpath ../profiles)
examples=$(realpath ../../examples)
python=/usr/bin/python3
[ -x "$python" ] || python=python3

cd "$work"
cp -r "$profiles/workspace/shop" shop
cp "$profiles"/pricing.* .

begin_case "check --profile speedscope: hottest first, cold last"
run check --profile pricing.speedscope.json shop
expect_exit 1
expect_stderr <<'EOF'
perfhint: pricing.speedscope.json: 1 file of the standard library, installed packages or built-ins left out
EOF
expect_stdout <<'EOF'
shop/pricing.py:39:19: PH701 Membership test against a list of constants; use a set literal [measured: 100.0% of run, 2.00 s in <module>]
        if attempt in [0, 1]:
                      ^^^^^^
shop/pricing.py:21:19: PH701 Membership test against a list of constants; use a set literal [measured: 50.0% of run, 1.00 s in weekend_orders, 1.00 s on this line]
            if day in ["sat", "sun"]:
                      ^^^^^^^^^^^^^^
shop/pricing.py:12:17: PH202 `re.match` with a constant pattern in a loop looks the pattern up on every call; compile it once at module level [measured: 40.0% of run, 800 ms in parse, 600 ms on this line]
            match = re.match(r"(\w+)=(\d+)", row)
                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
shop/pricing.py:28:19: PH701 Membership test against a list of constants; use a set literal [cold: never_called never ran]
            if day in ["mon", "tue"]:
                      ^^^^^^^^^^^^^^
Found 4 findings.
4 more fixable with `--unsafe-fixes`.
EOF

begin_case "check --profile collapsed stacks: samples, a profiled file missing from the workspace"
run check --select PH2,PH7 --profile pricing.collapsed.txt .
expect_exit 1
expect_stderr <<'EOF'
perfhint: pricing.collapsed.txt: not in the checked files: /home/ci/build/shop/discounts.py
perfhint: pricing.collapsed.txt: 1 file of the standard library, installed packages or built-ins left out
EOF
run check --select PH2,PH7 --profile pricing.collapsed.txt .
grep -o '\[.*\]$' "$stdout_file" >annotations
expect_file_text annotations annotations <<'EOF'
[measured: 100.0% of run, 100 samples in <module>]
[measured: 54.0% of run, 54 samples in weekend_orders, 54 samples on this line]
[measured: 40.0% of run, 40 samples in parse, 30 samples on this line]
[cold: never_called never ran]
EOF

begin_case "check --profile line_profiler: functions it did not watch are not measured"
run check --profile pricing.lprof.txt shop
expect_exit 1
grep -o 'PH[0-9]* .*\]$' "$stdout_file" | sed 's/ .*\[/ [/' >annotations
expect_file_text annotations annotations <<'EOF'
PH202 [measured: 75.0% of run, 750 ms in parse, 600 ms on this line]
PH701 [measured: 25.0% of run, 250 ms in weekend_orders, 180 ms on this line]
PH701 [not measured: the profile did not watch never_called]
PH701 [not measured: the profile did not watch module-level code]
EOF

begin_case "check --profile json carries the measurement"
run check --select PH202 --profile pricing.lprof.txt --output-format json shop
expect_exit 1
"$python" -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))[0]["measured"]))' \
  "$stdout_file" >measured
expect_file_text measured measured <<'EOF'
{"heat": "measured", "function": "parse", "function_line": 9, "time": 0.75, "unit": "seconds", "share": 0.75, "line_time": 0.6, "line_hits": 4000}
EOF

begin_case "hotspots: functions by own time, each with its findings"
run hotspots pricing.speedscope.json shop
expect_exit 0
expect_stdout <<'EOF'
pricing.speedscope.json (speedscope): 2.000 seconds
5 of 5 functions, by own time

   ncalls  tottime  percall  cumtime  percall filename:lineno(function)
        -    1.000             1.000          shop/pricing.py:17(weekend_orders)
          shop/pricing.py:21:19: PH701 Membership test against a list of constants; use a set literal
        -    0.600             0.600          /usr/lib/python3.11/re/__init__.py(match)
        -    0.200             2.000          shop/pricing.py:1(<module>)
          shop/pricing.py:39:19: PH701 Membership test against a list of constants; use a set literal
        -    0.200             0.800          shop/pricing.py:9(parse)
          shop/pricing.py:12:17: PH202 `re.match` with a constant pattern in a loop looks the pattern up on every call; compile it once at module level
        -    0.000             1.800          shop/pricing.py:33(main)
EOF

begin_case "hotspots --top in samples"
run hotspots pricing.collapsed.txt --top 2 shop
expect_exit 0
expect_stdout <<'EOF'
pricing.collapsed.txt (collapsed stacks): 100 samples
2 of 6 functions, by own time (in samples)

   ncalls  tottime  percall  cumtime  percall filename:lineno(function)
        -       54                54          shop/pricing.py:17(weekend_orders)
          shop/pricing.py:21:19: PH701 Membership test against a list of constants; use a set literal
        -       30                30          /usr/lib/python3.11/re/__init__.py(match)
EOF

begin_case "hotspots --format json"
run hotspots pricing.lprof.txt --format json shop
expect_exit 0
"$python" -c '
import json, sys
document = json.load(open(sys.argv[1]))
print(document["format"], document["unit"], document["total"])
for f in document["functions"]:
    print(f["name"], f["workspace_file"], f["line"], f["ncalls"], f["own_time"], f["share"],
          [finding["code"] for finding in f["findings"]])
' "$stdout_file" >summary
expect_file_text summary summary <<'EOF'
line_profiler seconds 1.0
parse shop/pricing.py 9 None 0.75 0.75 ['PH202']
weekend_orders shop/pricing.py 17 None 0.25 0.25 ['PH701']
EOF

begin_case "hotspots on a real cProfile run lists what pstats lists"
mkdir real
cp "$examples/profiled/catalog.py" real/
(cd real && "$python" -m cProfile -o catalog.prof catalog.py >/dev/null)
(cd real && "$perfhint" hotspots --top 12 catalog.prof . >../hotspots.txt 2>/dev/null)
(cd real && "$python" -c 'import pstats; pstats.Stats("catalog.prof").sort_stats("tottime").print_stats(12)' \
  | sed -n '/ncalls/,/^$/p' | sed '/^$/d') >pstats.txt
grep -v '^          ' hotspots.txt | sed -n '/ncalls/,$p' >ours.txt
expect_file_text hotspots ours.txt <pstats.txt
grep -q '^          catalog.py:[0-9]*:[0-9]*: PH106 ' hotspots.txt ||
  fail "the PH106 finding is not listed under its function"
grep -q '^ *[0-9]*/1 .*catalog.py:[0-9]*(ways_to_pay)$' hotspots.txt ||
  fail "the recursive function's calls are not shown as N/1"

begin_case "malformed profiles: the file and the place"
"$python" -c 'import marshal, sys; sys.stdout.buffer.write(marshal.dumps({("a.py", 1, "f"): (1, 1, 0.5, 0.5, {})}))' >whole.prof
head -c 20 whole.prof >cut.prof
run check --profile cut.prof shop
expect_exit 2
expect_no_stdout
expect_stderr <<'EOF'
perfhint: invalid profile: cut.prof: byte 20: cProfile profile: truncated: reference needs 4 bytes, 0 left
EOF
printf 'not a profile at all\n' >garbage.prof
run hotspots garbage.prof shop
expect_exit 2
expect_stderr <<'EOF'
perfhint: invalid profile: garbage.prof: line 1: collapsed stacks profile: expected `frame;frame;... COUNT`
EOF
printf '\x00\x01\x02' >binary.prof
run hotspots binary.prof shop
expect_exit 2
expect_stderr <<'EOF'
perfhint: invalid profile: binary.prof: not a profile (cProfile, speedscope, collapsed stacks or line_profiler)
EOF
run hotspots missing.prof shop
expect_exit 2
run check --profile pricing.lprof.txt --statistics shop
expect_exit 2
expect_stderr <<'EOF'
perfhint: --profile orders and annotates the text and json reports; it cannot be combined with --statistics
EOF

finish
