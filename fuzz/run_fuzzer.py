#!/usr/bin/env python3
"""Runs one libFuzzer target over its seed corpus and committed regression inputs.

  run_fuzzer.py (--runs N | --seconds S) BINARY TARGET SOURCE_DIR WORK_DIR

--runs N: the short run for `make test`: every seed and regression input once, then N mutations
from a fixed random seed, in a scratch corpus that is thrown away afterwards.
--seconds S: a longer run that keeps what it finds in WORK_DIR/TARGET/corpus for the next run.

The seed corpus is rebuilt in WORK_DIR/TARGET/seeds on every run from the test fixtures, the LSP
transcripts and a fixed sample of the Python standard library's sources (not committed); the
profile targets start from the hand-made profiles in tests/profiles and, for cProfile, from
profiles of examples/profiled made on the spot. A crash
is saved under WORK_DIR/TARGET/artifacts/; once fixed, copy it into fuzz/regressions/TARGET/ so
the short run replays it for good. Prints one summary line with the number of executions.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

STDLIB = "/usr/lib/python3.11"
STDLIB_SAMPLE = 16            # files taken from the standard library
MAX_SEED_BYTES = 8 * 1024     # larger files make every mutation slow
MAX_LEN = {"lsp_server": 64 * 1024, "analysis": MAX_SEED_BYTES,
           "incremental_parse": MAX_SEED_BYTES, "position_encoding": 1024,
           "cprofile": 32 * 1024, "speedscope": 16 * 1024, "collapsed_stacks": 16 * 1024,
           "line_profiler": 16 * 1024}
# The hand-made profiles in tests/profiles each profile fuzz target starts from, by file suffix.
PROFILE_SEEDS = {"speedscope": ".speedscope.json", "collapsed_stacks": ".collapsed.txt",
                 "line_profiler": ".lprof.txt"}


def python_sources(source_dir):
    """The fixtures, the examples and a fixed sample of the standard library, each as bytes."""
    files = []
    for folder in ("tests/fixtures", "examples"):
        path = os.path.join(source_dir, folder)
        if os.path.isdir(path):
            files += [os.path.join(path, name) for name in sorted(os.listdir(path))
                      if name.endswith(".py")]
    if os.path.isdir(STDLIB):
        stdlib = sorted(os.path.join(STDLIB, name) for name in os.listdir(STDLIB)
                        if name.endswith(".py"))
        stdlib = [path for path in stdlib if 512 <= os.path.getsize(path) <= MAX_SEED_BYTES]
        step = max(1, len(stdlib) // STDLIB_SAMPLE)
        files += stdlib[::step][:STDLIB_SAMPLE]
    sources = []
    for path in files:
        with open(path, "rb") as handle:
            data = handle.read()
        if len(data) <= MAX_SEED_BYTES:
            sources.append((os.path.basename(path), data))
    return sources


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def transcript_inputs(source_dir):
    """Each LSP transcript's client side as one framed byte stream."""
    sys.path.insert(0, os.path.join(source_dir, "tests", "lsp"))
    import run_transcript  # the transcript format's parser
    folder = os.path.join(source_dir, "tests", "lsp")
    inputs = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".lsp"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            blocks = run_transcript.parse_blocks(handle.read())
        stream = b""
        for kind, text in blocks:
            if kind != "-->":
                continue
            if text.startswith("raw: "):
                stream += run_transcript.unescape(text[len("raw: "):])
            else:
                stream += frame(json.dumps(json.loads(text)).encode())
        inputs.append((name, stream))
    return inputs


def position_inputs(source_dir):
    """Lines with multi-byte, astral and malformed characters, and the fixtures' first lines."""
    texts = ["x = 'é'\n", "s = '€uro'  # €\n", "e = '😀😀'\r\nz = 1\n", "a\xe9b", "\u0800\uffff",
             "tab\tbed\n\n\n"]
    inputs = [(f"text{i}", bytes([i * 7 % 256, i]) + t.encode("utf-8", "surrogatepass"))
              for i, t in enumerate(texts)]
    inputs += [("malformed", b"\x05\x00" + b"\xc0\x80 \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x82 \xff\n")]
    for name, data in python_sources(source_dir)[:20]:
        inputs.append((name, b"\x10\x00" + data[:1000]))
    return inputs


def cprofile_inputs(source_dir):
    """Real pstats dumps: cProfile and profile runs of examples/profiled, and a small one."""
    import marshal
    inputs = [("tiny.prof", marshal.dumps({("a.py", 1, "f"): (1, 2, 0.5, 1.0, {
        ("~", 0, "<built-in method builtins.exec>"): (1, 1, 0.1, 0.2)})}))]
    example = os.path.join(source_dir, "examples", "profiled", "catalog.py")
    with tempfile.TemporaryDirectory() as scratch:
        for profiler in ("cProfile", "profile"):
            out = os.path.join(scratch, profiler + ".prof")
            subprocess.run([sys.executable, "-m", profiler, "-o", out, example],
                           stdout=subprocess.DEVNULL, check=True)
            with open(out, "rb") as handle:
                inputs.append((profiler + ".prof", handle.read()))
    return inputs


def profile_inputs(target, source_dir):
    """The committed hand-made profiles of the target's format."""
    folder = os.path.join(source_dir, "tests", "profiles")
    inputs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(PROFILE_SEEDS[target]):
            with open(os.path.join(folder, name), "rb") as handle:
                inputs.append((name, handle.read()))
    return inputs


def build_seeds(target, source_dir, seeds_dir):
    shutil.rmtree(seeds_dir, ignore_errors=True)
    os.makedirs(seeds_dir)
    if target == "lsp_server":
        inputs = transcript_inputs(source_dir)
    elif target == "position_encoding":
        inputs = position_inputs(source_dir)
    elif target == "cprofile":
        inputs = cprofile_inputs(source_dir)
    elif target in PROFILE_SEEDS:
        inputs = profile_inputs(target, source_dir)
    else:
        inputs = python_sources(source_dir)
    for index, (name, data) in enumerate(inputs):
        with open(os.path.join(seeds_dir, "%03d-%s" % (index, name)), "wb") as handle:
            handle.write(data)
    return len(inputs)


def main():
    parser = argparse.ArgumentParser()
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--runs", type=int)
    mode.add_argument("--seconds", type=int)
    parser.add_argument("binary")
    parser.add_argument("target")
    parser.add_argument("source_dir")
    parser.add_argument("work_dir")
    args = parser.parse_args()

    target_dir = os.path.join(os.path.abspath(args.work_dir), args.target)
    seeds_dir = os.path.join(target_dir, "seeds")
    artifacts_dir = os.path.join(target_dir, "artifacts")
    os.makedirs(artifacts_dir, exist_ok=True)
    seeds = build_seeds(args.target, args.source_dir, seeds_dir)
    regressions_dir = os.path.join(args.source_dir, "fuzz", "regressions", args.target)
    regressions = os.listdir(regressions_dir) if os.path.isdir(regressions_dir) else []

    scratch = None
    if args.runs is not None:
        scratch = tempfile.mkdtemp(prefix=f"fuzz-{args.target}-")
        corpus_dir = scratch
        limits = [f"-runs={args.runs + seeds + len(regressions)}", "-seed=1"]
    else:
        corpus_dir = os.path.join(target_dir, "corpus")
        os.makedirs(corpus_dir, exist_ok=True)
        limits = [f"-max_total_time={args.seconds}"]
    command = [args.binary, *limits, f"-max_len={MAX_LEN.get(args.target, 4096)}", "-timeout=20",
               "-print_final_stats=1", f"-artifact_prefix={artifacts_dir}/", corpus_dir, seeds_dir]
    if regressions:
        command.append(regressions_dir)
    started = time.monotonic()
    try:
        result = subprocess.run(command, stderr=subprocess.PIPE, text=True, errors="replace")
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-20000:])
        print(f"fuzz {args.target}: FAILED (exit {result.returncode}); the input is in "
              f"{artifacts_dir}/")
        return 1
    executed = re.search(r"stat::number_of_executed_units:\s*(\d+)", result.stderr)
    runs = int(executed.group(1)) if executed else 0
    print(f"fuzz {args.target}: {runs} executions in {elapsed:.1f} s "
          f"({runs / max(elapsed, 1e-9):.0f}/s), {seeds} seeds, {len(regressions)} regressions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
