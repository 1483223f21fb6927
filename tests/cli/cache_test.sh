# The cache of `perfhint check`: a second run answers from it with the same output in every
# format; a change of content (even with size and modification time kept), of configuration or
# of perfhint's build is seen; a damaged cache file is ignored and rewritten; --no-cache,
# --cache-dir, an unwritable cache, --fix and --diff with a cache, and `perfhint clean`.
# `-v` says how each file was answered: unchanged by metadata (not read), by content (read and
# hashed), or checked.
source "$(dirname "$0")/lib.sh"

cd "$work"
version=$("$perfhint" --version | cut -d' ' -f2)
cache_file=".perfhint_cache/$version/check.bin"

mkdir proj
printf 'for x in xs:\n    seen = x in [1, 2]\nout = []\nfor x in xs:\n    out.append(x + 1)\n' >proj/a.py
printf 'for n in ns:\n    ok = n in [3, 4]\n' >proj/b.py
echo 'print("clean")' >proj/clean.py

# Runs a check with -v and keeps the cache line of stderr in $cache_line.
cached_run() {
  run check -v "$@"
  cache_line=$(grep '^perfhint: cache ' "$stderr_file")
}

begin_case "the first run checks every file and writes the cache"
cached_run proj
expect_exit 1
cp "$stdout_file" "$work/.first"
assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 0 by content, 3 checked" "$cache_line"
[ -f "$cache_file" ] || fail "no cache file at $cache_file"
expect_file_text .gitignore .perfhint_cache/.gitignore <<'END'
# Created by perfhint: the whole directory is a cache.
*
END
head -1 .perfhint_cache/CACHEDIR.TAG >"$work/.tag"
expect_file_text CACHEDIR.TAG "$work/.tag" <<'END'
Signature: 8a477f597d28d172789f06886806bc55
END

begin_case "the second run answers every file from the cache, with the same output"
# Where a file must count as changed a moment ago, the test touches it right before the run:
# runs take seconds in sanitizer builds, which would let it settle.
touch proj/*.py
cached_run proj
expect_exit 1
expect_file_text stdout "$stdout_file" <"$work/.first"
# Files changed less than two seconds before a run are compared by content, not by metadata.
assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 3 by content, 0 checked" "$cache_line"

begin_case "once files are older than two seconds, metadata alone answers"
sleep 2.1
cached_run proj  # records the settled stamps
cached_run proj
assert_eq "cache line" "perfhint: cache .perfhint_cache: 3 unchanged by metadata, 0 by content, 0 checked" "$cache_line"
expect_file_text stdout "$stdout_file" <"$work/.first"

begin_case "every format gives the same output from the cache as without it"
for format in text json sarif github; do
  run check --no-cache --output-format "$format" proj
  cp "$stdout_file" "$work/.uncached"
  run check --output-format "$format" proj  # fills the cache if needed
  run check --output-format "$format" proj
  expect_file_text "$format output" "$stdout_file" <"$work/.uncached"
done
run check --no-cache --statistics proj
cp "$stdout_file" "$work/.uncached"
run check --statistics proj
expect_file_text "statistics" "$stdout_file" <"$work/.uncached"

begin_case "a content change with the same size and modification time is seen"
touch -r proj/a.py "$work/.stamp"
before=$(stat -c '%s %y' proj/a.py)
# Same length: the membership test on line 2 becomes a comment.
printf 'for x in xs:\n#   seen = x in [1, 2]\nout = []\nfor x in xs:\n    out.append(x + 1)\n' >proj/a.py
touch -r "$work/.stamp" proj/a.py
assert_eq "size and modification time" "$before" "$(stat -c '%s %y' proj/a.py)"
cached_run --output-format github proj/a.py
assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 0 by content, 1 checked" "$cache_line"
expect_stdout <<'END'
::notice file=proj/a.py,line=5,col=5,endLine=5,endColumn=22,title=PH101 (append-in-loop)::`out` is built by `.append` in a loop; use a list comprehension
END

begin_case "a configuration change is seen; each configuration keeps its own entries"
cached_run --select PH101 --output-format github proj
assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 0 by content, 3 checked" "$cache_line"
printf 'select = ["PH701"]\n' >proj/perfhint.toml
cached_run --output-format github proj
assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 0 by content, 3 checked" "$cache_line"
expect_stdout <<'END'
::notice file=proj/b.py,line=2,col=15,endLine=2,endColumn=21,title=PH701 (list-membership-literal)::Membership test against a list of constants; use a set literal
END
rm proj/perfhint.toml
touch proj/a.py
cached_run --select PH101 --output-format github proj
# a.py changed a moment ago, so its content is compared; b.py and clean.py are settled.
assert_eq "cache line" "perfhint: cache .perfhint_cache: 2 unchanged by metadata, 1 by content, 0 checked" "$cache_line"

begin_case "a cache written by another build of perfhint is ignored and rewritten"
cached_run proj
cp "$stdout_file" "$work/.expected"
# The tool fingerprint: bytes 16 to 23 of the header.
printf '\x01\x02\x03\x04\x05\x06\x07\x08' | dd of="$cache_file" bs=1 seek=16 conv=notrunc status=none
cached_run proj
expect_file_text stdout "$stdout_file" <"$work/.expected"
grep -q "^perfhint: cache: ignoring .perfhint_cache/$version/check.bin: written by another version or build of perfhint$" "$stderr_file" ||
  fail "no note about the foreign cache file: $(cat "$stderr_file")"
assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 0 by content, 3 checked" "$cache_line"
touch proj/a.py
cached_run proj
assert_eq "cache line after the rewrite" "perfhint: cache .perfhint_cache: 2 unchanged by metadata, 1 by content, 0 checked" "$cache_line"

begin_case "a truncated, damaged or garbage cache file is ignored and rewritten"
damage_and_check() {  # $1: what the note says
  cached_run proj
  expect_file_text stdout "$stdout_file" <"$work/.expected"
  grep -q "^perfhint: cache: ignoring .*check.bin: $1\$" "$stderr_file" ||
    fail "note for '$1': $(cat "$stderr_file")"
  assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 0 by content, 3 checked" "$cache_line"
  touch proj/a.py
  cached_run proj
  assert_eq "cache line after the rewrite" "perfhint: cache .perfhint_cache: 2 unchanged by metadata, 1 by content, 0 checked" "$cache_line"
}
truncate -s -3 "$cache_file"
damage_and_check "truncated or padded"
size=$(stat -c %s "$cache_file")
printf 'X' | dd of="$cache_file" bs=1 seek=$((size - 10)) conv=notrunc status=none
damage_and_check "damaged (its content does not match its hash)"
head -c 1000 /dev/urandom >"$cache_file"
damage_and_check "not a perfhint cache file"
: >"$cache_file"
damage_and_check "not a perfhint cache file"

begin_case "concurrent runs leave a valid cache file"
mkdir -p many
for i in $(seq 1 40); do printf 'for n in ns:\n    ok = n in [%d, 4]\n' "$i" >"many/m$i.py"; done
for i in 1 2 3 4 5 6; do
  "$perfhint" check --cache-dir many-cache --exit-zero many >"$work/.out$i" 2>"$work/.err$i" &
done
wait
for i in 1 2 3 4 5 6; do
  expect_file_text "stderr of run $i" "$work/.err$i" </dev/null
  cmp -s "$work/.out1" "$work/.out$i" || fail "run $i printed something else than run 1"
done
ls many-cache/"$version" >"$work/.listing"
expect_file_text "cache directory" "$work/.listing" <<'END'
check.bin
END
cached_run --cache-dir many-cache --exit-zero many
expect_file_text stdout "$stdout_file" <"$work/.out1"
assert_eq "cache line" "perfhint: cache many-cache: 0 unchanged by metadata, 40 by content, 0 checked" "$cache_line"

begin_case "--no-cache neither reads nor writes the cache"
mkdir fresh && cp proj/a.py fresh/
(cd fresh && "$perfhint" check --no-cache -v a.py >/dev/null 2>"$work/.err")
[ -e fresh/.perfhint_cache ] && fail "--no-cache wrote fresh/.perfhint_cache"
expect_file_text stderr "$work/.err" </dev/null
echo garbage >"$cache_file"
run check --no-cache -v proj
expect_exit 1
expect_file_text stdout "$stdout_file" <"$work/.expected"
expect_no_stderr
assert_eq "the cache file is untouched" "garbage" "$(cat "$cache_file")"

begin_case "--cache-dir is used instead of .perfhint_cache"
cached_run --cache-dir elsewhere/cache proj
assert_eq "cache line" "perfhint: cache elsewhere/cache: 0 unchanged by metadata, 0 by content, 3 checked" "$cache_line"
[ -f "elsewhere/cache/$version/check.bin" ] || fail "no cache file under elsewhere/cache"
[ -f elsewhere/cache/.gitignore ] || fail "no .gitignore under elsewhere/cache"

begin_case "PERFHINT_CACHE_DIR does what --cache-dir does"
PERFHINT_CACHE_DIR=from-env run check -v proj
assert_eq "cache line" "perfhint: cache from-env: 0 unchanged by metadata, 0 by content, 3 checked" "$(grep '^perfhint: cache ' "$stderr_file")"
PERFHINT_CACHE_DIR=from-env run clean
expect_stdout <<'END'
Removed the cache at from-env
END

begin_case "the cache lives in the project root: the directory of the configuration file"
mkdir -p rooted/sub
printf 'select = ["PH101"]\n' >rooted/perfhint.toml
cp proj/a.py rooted/sub/
(cd rooted/sub && "$perfhint" check -v a.py >/dev/null 2>"$work/.err")
expect_file_text stderr "$work/.err" <<'END'
perfhint: cache ../.perfhint_cache: 0 unchanged by metadata, 0 by content, 1 checked
END
[ -f "rooted/.perfhint_cache/$version/check.bin" ] || fail "no cache file in the project root"

begin_case "a cache that cannot be written is a warning, not a failure"
echo "a file" >blocker
run check --cache-dir blocker/cache proj
expect_exit 1
expect_file_text stdout "$stdout_file" <"$work/.expected"
expect_stderr <<END
perfhint: warning: the cache was not saved: cannot create blocker/cache/$version: Not a directory
END
# A read-only directory: root writes through permissions, so drop to an unprivileged user.
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  as_user=(skip)
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
fi
if [ "${as_user[*]-}" != skip ]; then
  mkdir -p readonly/cache && chmod 755 "$work" && chmod 555 readonly/cache
  "${as_user[@]}" "$perfhint" check --cache-dir readonly/cache proj >"$stdout_file" 2>"$stderr_file"
  status=$?
  expect_exit 1
  expect_file_text stdout "$stdout_file" <"$work/.expected"
  expect_stderr <<END
perfhint: warning: the cache was not saved: cannot create readonly/cache/$version: Permission denied
END
else
  echo "skipped: read-only cache directory (running as root without setpriv)"
fi

begin_case "--fix uses the cache only for files with nothing to fix, and leaves no stale entry"
mkdir fixing
printf 'for day in week:\n    seen = day in ["sat", "sun"]\n' >fixing/fixable.py
echo 'print("clean")' >fixing/clean.py
run check --select PH701,PH101 fixing
touch fixing/clean.py
cached_run --select PH701,PH101 --unsafe-fixes --fix fixing
expect_exit 0
assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 1 by content, 1 checked" "$cache_line"
expect_file_text fixable.py fixing/fixable.py <<'END'
for day in week:
    seen = day in {"sat", "sun"}
END
run check --no-cache --select PH701,PH101 --output-format json fixing
cp "$stdout_file" "$work/.fixed"
touch fixing/clean.py
cached_run --select PH701,PH101 --output-format json fixing
expect_file_text stdout "$stdout_file" <"$work/.fixed"
assert_eq "cache line" "perfhint: cache .perfhint_cache: 0 unchanged by metadata, 1 by content, 1 checked" "$cache_line"

begin_case "--diff gives the same diff with the cache"
printf 'for day in week:\n    seen = day in ["sat", "sun"]\n' >fixing/fixable.py
run check --no-cache --select PH701,PH101 --unsafe-fixes --diff fixing
cp "$stdout_file" "$work/.diff-uncached"
run check --select PH701,PH101 fixing
run check --select PH701,PH101 --unsafe-fixes --diff fixing
expect_exit 1
expect_file_text stdout "$stdout_file" <"$work/.diff-uncached"

begin_case "perfhint clean removes the cache, and only a cache"
run clean
expect_exit 0
expect_stdout <<'END'
Removed the cache at .perfhint_cache
END
[ -e .perfhint_cache ] && fail ".perfhint_cache is still there"
run clean
expect_exit 0
expect_stdout <<'END'
No cache at .perfhint_cache
END
run clean --cache-dir proj
expect_exit 2
expect_stderr <<'END'
perfhint: proj is not a perfhint cache (no CACHEDIR.TAG of perfhint's)
END
[ -f proj/a.py ] || fail "clean removed a directory that is not a cache"
run clean --cache-dir elsewhere/cache
expect_exit 0
[ -e elsewhere/cache ] && fail "elsewhere/cache is still there"

finish
