# Profile-guided hints from a line_profiler report: code lenses above the measured functions,
# "% time" inlay hints on their hot lines (at least 1% of the function's time), hover on a `def`,
# and diagnostics adjusted to the measured cost: `main` (70% of the run, over hotThreshold 50) is
# raised one level, `helper` (30%) is not, and `unused`, which line_profiler did not watch, keeps
# its diagnostic (silence says nothing about code the profiler was not told to watch).
write proj/prof/lines.txt
Timer unit: 1e-06 s
Total time: 0.6 s
File: /srv/app/work.py
Function: helper at line 1
Line #      Hits         Time  Per Hit   % Time  Line Contents
==============================================================
     1                                           def helper(xs):
     2         1      10000.0  10000.0      1.7      out = []
     3      1001     100000.0    100.0     16.7      for x in xs:
     4      1000     485000.0    485.0     80.8          out.append(x + 1)
     5         1       5000.0   5000.0      0.8      return out
Total time: 1.4 s
File: /srv/app/work.py
Function: main at line 8
Line #      Hits         Time  Per Hit   % Time  Line Contents
==============================================================
     8                                           def main(rows):
     9         1       2000.0   2000.0      0.1      total = 0
    10      1001     150000.0    150.0     10.7      for row in rows:
    11      1000     240000.0    240.0     17.1          if row in [1, 2, 3]:
    12       500       8000.0     16.0      0.6              total += 1
    13         1    1000000.0 1000000.0     71.4      return helper(rows)
write proj/app/work.py
def helper(xs):
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
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://$WORKDIR/proj", "capabilities": {}, "initializationOptions": {"debounceMs": 0, "profile": "prof/lines.txt", "hotThreshold": 50}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
# Loaded on a worker; the log line tells when it is in force.
<-- {"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 3, "message": "perfhint: profile loaded: {\"file\":\"$WORKDIR/proj/prof/lines.txt\",\"format\":\"line_profiler\",\"functions\":2,\"functionsInWorkspace\":2}"}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py", "languageId": "python", "version": 1, "text": "def helper(xs):\n    out = []\n    for x in xs:\n        out.append(x + 1)\n    return out\n\n\ndef main(rows):\n    total = 0\n    for row in rows:\n        if row in [1, 2, 3]:\n            total += 1\n    return helper(rows)\n\n\ndef unused(rows):\n    for row in rows:\n        if row in [1, 2]:\n            pass\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/app/work.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 25}}, "severity": 4, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "`out` is built by `.append` in a loop; use a list comprehension", "data": "<any>"}, {"range": {"start": {"line": 10, "character": 18}, "end": {"line": 10, "character": 27}}, "severity": 2, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (measured: 70% of run time)", "data": "<any>"}, {"range": {"start": {"line": 17, "character": 18}, "end": {"line": 17, "character": 24}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
# line_profiler measures inclusive time only: the lenses have no "own" part and no calls.
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeLens", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "command": {"title": "⏱ 600 ms total · 30% of run", "command": "perfhint.showProfile", "arguments": ["file://$WORKDIR/proj/app/work.py", 0]}}, {"range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 0}}, "command": {"title": "⏱ 1.40 s total · 70% of run", "command": "perfhint.showProfile", "arguments": ["file://$WORKDIR/proj/app/work.py", 7]}}]}
--> {"jsonrpc": "2.0", "id": 3, "method": "workspace/executeCommand", "params": {"command": "perfhint.showProfile", "arguments": ["file://$WORKDIR/proj/app/work.py", 7]}}
<-- {"jsonrpc": "2.0", "id": 3, "result": null}
# Hints only for the lines in the range asked for; lines under 1% of their function's time get none.
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/inlayHint", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}, "range": {"start": {"line": 1, "character": 0}, "end": {"line": 12, "character": 0}}}}
<-- {"jsonrpc": "2.0", "id": 4, "result": [{"position": {"line": 1, "character": 12}, "label": "1.7% time", "paddingLeft": true}, {"position": {"line": 2, "character": 16}, "label": "17% time", "paddingLeft": true}, {"position": {"line": 3, "character": 25}, "label": "81% time", "paddingLeft": true}, {"position": {"line": 9, "character": 20}, "label": "11% time", "paddingLeft": true}, {"position": {"line": 10, "character": 28}, "label": "17% time", "paddingLeft": true}, {"position": {"line": 12, "character": 23}, "label": "71% time", "paddingLeft": true}]}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/inlayHint", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}, "range": {"start": {"line": 10, "character": 0}, "end": {"line": 11, "character": 0}}}}
<-- {"jsonrpc": "2.0", "id": 5, "result": [{"position": {"line": 10, "character": 28}, "label": "17% time", "paddingLeft": true}]}
--> {"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}, "position": {"line": 7, "character": 5}}}
<-- {"jsonrpc": "2.0", "id": 6, "result": {"contents": {"kind": "markdown", "value": "**Measured** (line_profiler): `main` took 1.40 s in all: 70% of the run."}, "range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 15}}}}
# A def the profiler did not watch has no lens and no profile hover.
--> {"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}, "position": {"line": 15, "character": 5}}}
<-- {"jsonrpc": "2.0", "id": 7, "result": null}
# Clearing the setting drops the profile: plain diagnostics, no lenses.
--> {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"perfhint": {"profile": ""}}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/app/work.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 25}}, "severity": 4, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "`out` is built by `.append` in a loop; use a list comprehension", "data": "<any>"}, {"range": {"start": {"line": 10, "character": 18}, "end": {"line": 10, "character": 27}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}, {"range": {"start": {"line": 17, "character": 18}, "end": {"line": 17, "character": 24}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "id": 9, "method": "textDocument/codeLens", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}}}
<-- {"jsonrpc": "2.0", "id": 9, "result": []}
--> {"jsonrpc": "2.0", "id": 8, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 8, "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
