#!/usr/bin/env python3
"""Profile-guided hints from a cProfile (pstats) file, which is binary: built here with marshal from
hand-chosen figures so every reply is exact. Checks the glob setting (the newest match is taken),
the code lenses with own time and call counts, the hover on a `def` with callers and callees (the
top three, then "and N more"), and the diagnostics raised in hot code and lowered in code the
run never reached.

Usage: profile_cprofile_test.py PERFHINT
"""
import json
import marshal
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_transcript import Server  # noqa: E402

SOURCE = """def helper(xs):
    out = []
    for x in xs:
        out.append(x + 1)
    return out


def main(rows):
    total = 0
    for row in rows:
        if row in [1, 2, 3]:
            total += 1
    return helper(rows)


def unused(rows):
    for row in rows:
        if row in [1, 2]:
            pass
"""

MODULE = ("/srv/app/work.py", 1, "<module>")
MAIN = ("/srv/app/work.py", 8, "main")
HELPER = ("/srv/app/work.py", 1, "helper")
APPEND = ("~", 0, "<method 'append' of 'list' objects>")
SMALL = [("/srv/lib/small.py", 10 * i, "f%d" % i) for i in range(1, 5)]


def stats():
    """pstats' dict: key -> (primitive calls, calls, own time, cumulative time, callers)."""
    table = {
        MODULE: (1, 1, 0.01, 1.98, {}),
        MAIN: (1, 1, 0.4, 1.97, {MODULE: (1, 1, 0.4, 1.97)}),
        HELPER: (1204, 1204, 1.0, 1.23, {MAIN: (1204, 1204, 1.0, 1.23)}),
        APPEND: (500000, 500000, 0.23, 0.23, {HELPER: (500000, 500000, 0.23, 0.23)}),
    }
    for key, cost in zip(SMALL, [0.1, 0.09, 0.08, 0.07]):
        table[key] = (10, 10, cost, cost, {MAIN: (10, 10, cost, cost)})
    return table


def fail(step, detail):
    print("FAILED [%s]: %s" % (step, detail))
    sys.exit(1)


def expect(step, actual, expected):
    if actual != expected:
        fail(step, "\nexpected: %s\nactual:   %s" % (json.dumps(expected, ensure_ascii=False),
                                                     json.dumps(actual, ensure_ascii=False)))


def next_message(server, method=None, request_id=None):
    while True:
        message = server.receive()
        if method and message.get("method") == method:
            return message
        if request_id is not None and message.get("id") == request_id and "method" not in message:
            return message


def main():
    binary = sys.argv[1]
    workdir = tempfile.mkdtemp(prefix="perfhint-profile-")
    try:
        os.makedirs(os.path.join(workdir, "app"))
        os.makedirs(os.path.join(workdir, "prof"))
        with open(os.path.join(workdir, "app", "work.py"), "w") as out:
            out.write(SOURCE)
        # An older profile that the glob must not pick.
        old = os.path.join(workdir, "prof", "old.prof")
        with open(old, "wb") as out:
            out.write(b"not a profile")
        os.utime(old, (1, 1))
        with open(os.path.join(workdir, "prof", "run.prof"), "wb") as out:
            marshal.dump(stats(), out)
        run(binary, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("profile_cprofile_test: passed")


def run(binary, workdir):
    server = Server(binary)
    uri = "file://%s/app/work.py" % workdir
    try:
        server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"rootUri": "file://" + workdir, "capabilities": {},
                                "initializationOptions": {"debounceMs": 0,
                                                          "profile": "prof/*.prof"}}})
        next_message(server, request_id=1)
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        loaded = next_message(server, method="window/logMessage")
        expect("loaded", loaded["params"]["message"],
               'perfhint: profile loaded: {"file":"%s/prof/run.prof","format":"cProfile",'
               '"functions":8,"functionsInWorkspace":3}' % workdir)

        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                     "params": {"textDocument": {"uri": uri, "languageId": "python",
                                                 "version": 1, "text": SOURCE}}})
        published = next_message(server, method="textDocument/publishDiagnostics")
        expect("diagnostics",
               [(d["code"], d["range"]["start"]["line"], d["severity"], d["message"])
                for d in published["params"]["diagnostics"]],
               [("PH101", 3, 3, "`out` is built by `.append` in a loop; use a list comprehension"
                 " (measured: 62% of run time)"),
                ("PH701", 10, 2, "Membership test against a list of constants; use a set literal"
                 " (measured: 99% of run time)"),
                ("PH701", 17, 4, "Membership test against a list of constants; use a set literal"
                 " (not run in the profile)")])

        server.send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeLens",
                     "params": {"textDocument": {"uri": uri}}})
        lenses = next_message(server, request_id=2)["result"]
        expect("code lenses", [(lens["range"]["start"]["line"], lens["command"]["title"])
                               for lens in lenses],
               [(0, "⏱ 1.23 s total · 1.00 s own · 1,204 calls · 62% of run"),
                (7, "⏱ 1.97 s total · 400 ms own · 1 call · 99% of run")])

        server.send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
                     "params": {"textDocument": {"uri": uri},
                                "position": {"line": 7, "character": 6}}})
        hover = next_message(server, request_id=3)["result"]
        expect("hover", hover["contents"]["value"],
               "**Measured** (cProfile): `main` took 1.97 s in all, 400 ms in its own code, over"
               " 1 call: 99% of the run.\n\n"
               "Called by: `<module>` (1.97 s in 1 call).\n\n"
               "Calls: `helper` (1.23 s in 1,204 calls), `f1` (100 ms in 10 calls),"
               " `f2` (90.0 ms in 10 calls) and 2 more.")

        server.send({"jsonrpc": "2.0", "id": 4, "method": "textDocument/inlayHint",
                     "params": {"textDocument": {"uri": uri},
                                "range": {"start": {"line": 0, "character": 0},
                                          "end": {"line": 20, "character": 0}}}})
        expect("inlay hints", next_message(server, request_id=4)["result"], [])

        server.send({"jsonrpc": "2.0", "id": 5, "method": "shutdown"})
        next_message(server, request_id=5)
        server.send({"jsonrpc": "2.0", "method": "exit"})
        expect("exit status", server.process.wait(timeout=10), 0)
    finally:
        if server.process.poll() is None:
            server.process.kill()


if __name__ == "__main__":
    main()
