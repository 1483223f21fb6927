# Profile-guided hints from py-spy collapsed stacks (samples, no calls), and the profile's life:
# watched and reloaded when its file changes, a broken file reported while the last good profile
# stays in force, another one loaded with perfhint.loadProfile.
write proj/run.collapsed
main (/srv/app/work.py:10);helper (/srv/app/work.py:4) 60
main (/srv/app/work.py:11) 30
main (/srv/app/work.py:13) 10
write proj/other.collapsed
main (/srv/app/work.py:10);helper (/srv/app/work.py:4) 8
main (/srv/app/work.py:11) 2
other (/srv/app/elsewhere.py:3) 90
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
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://$WORKDIR/proj", "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}, "initializationOptions": {"debounceMs": 0, "profile": "run.collapsed"}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "client/registerCapability", "params": {"registrations": [{"id": "perfhint-configuration-files", "method": "workspace/didChangeWatchedFiles", "registerOptions": {"watchers": [{"globPattern": "**/pyproject.toml"}, {"globPattern": "**/perfhint.toml"}]}}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
# The profile file is watched before it is read, so a file that fails to load is read again once fixed.
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "client/registerCapability", "params": {"registrations": [{"id": "perfhint-profile-file", "method": "workspace/didChangeWatchedFiles", "registerOptions": {"watchers": [{"globPattern": "$WORKDIR/proj/run.collapsed"}]}}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
<-- {"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 3, "message": "perfhint: profile loaded: {\"file\":\"$WORKDIR/proj/run.collapsed\",\"format\":\"collapsed stacks\",\"functions\":2,\"functionsInWorkspace\":2}"}}
# helper (60% of the samples) and main (100%) are over the 5% default: raised one level with the
# measured share; unused never ran: hint severity.
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py", "languageId": "python", "version": 1, "text": "def helper(xs):\n    out = []\n    for x in xs:\n        out.append(x + 1)\n    return out\n\n\ndef main(rows):\n    total = 0\n    for row in rows:\n        if row in [1, 2, 3]:\n            total += 1\n    return helper(rows)\n\n\ndef unused(rows):\n    for row in rows:\n        if row in [1, 2]:\n            pass\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/app/work.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 25}}, "severity": 3, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "`out` is built by `.append` in a loop; use a list comprehension (measured: 60% of run time)", "data": "<any>"}, {"range": {"start": {"line": 10, "character": 18}, "end": {"line": 10, "character": 27}}, "severity": 2, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (measured: 100% of run time)", "data": "<any>"}, {"range": {"start": {"line": 17, "character": 18}, "end": {"line": 17, "character": 24}}, "severity": 4, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (not run in the profile)", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeLens", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "command": {"title": "⏱ 60 samples total · 60 samples own · 60% of run", "command": "perfhint.showProfile", "arguments": ["file://$WORKDIR/proj/app/work.py", 0]}}, {"range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 0}}, "command": {"title": "⏱ 100 samples total · 40 samples own · 100% of run", "command": "perfhint.showProfile", "arguments": ["file://$WORKDIR/proj/app/work.py", 7]}}]}
# Sampling profiles have no line_profiler data: no inlay hints.
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/inlayHint", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 20, "character": 0}}}}
<-- {"jsonrpc": "2.0", "id": 3, "result": []}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}, "position": {"line": 7, "character": 1}}}
<-- {"jsonrpc": "2.0", "id": 4, "result": {"contents": {"kind": "markdown", "value": "**Measured** (collapsed stacks): `main` took 100 samples in all, 40 samples in its own code: 100% of the run.\n\nCalls: `helper` (60 samples)."}, "range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 15}}}}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}, "position": {"line": 0, "character": 6}}}
<-- {"jsonrpc": "2.0", "id": 5, "result": {"contents": {"kind": "markdown", "value": "**Measured** (collapsed stacks): `helper` took 60 samples in all, 60 samples in its own code: 60% of the run.\n\nCalled by: `main` (60 samples)."}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 15}}}}
# A new run where helper takes 3%: under the threshold, its finding is back to its own severity.
write proj/run.collapsed
main (/srv/app/work.py:10);helper (/srv/app/work.py:4) 3
main (/srv/app/work.py:11) 97
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://$WORKDIR/proj/run.collapsed", "type": 2}]}}
<-- {"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 3, "message": "perfhint: profile loaded: {\"file\":\"$WORKDIR/proj/run.collapsed\",\"format\":\"collapsed stacks\",\"functions\":2,\"functionsInWorkspace\":2}"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/app/work.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 25}}, "severity": 4, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "`out` is built by `.append` in a loop; use a list comprehension", "data": "<any>"}, {"range": {"start": {"line": 10, "character": 18}, "end": {"line": 10, "character": 27}}, "severity": 2, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (measured: 100% of run time)", "data": "<any>"}, {"range": {"start": {"line": 17, "character": 18}, "end": {"line": 17, "character": 24}}, "severity": 4, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (not run in the profile)", "data": "<any>"}]}}
# A broken file: reported with the line, and the last good profile stays in force.
write proj/run.collapsed
main (/srv/app/work.py:10);helper (/srv/app/work.py:4) 60
main (/srv/app/work.py:11) lots
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://$WORKDIR/proj/run.collapsed", "type": 2}]}}
<-- {"jsonrpc": "2.0", "method": "window/showMessage", "params": {"type": 2, "message": "perfhint: cannot load the profile, the previous one stays in force:\n- $WORKDIR/proj/run.collapsed: line 2: collapsed stacks profile: expected `frame;frame;... COUNT`"}}
--> {"jsonrpc": "2.0", "id": 6, "method": "textDocument/codeLens", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}}}
<-- {"jsonrpc": "2.0", "id": 6, "result": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "command": {"title": "⏱ 3 samples total · 3 samples own · 3.0% of run", "command": "perfhint.showProfile", "arguments": ["file://$WORKDIR/proj/app/work.py", 0]}}, {"range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 0}}, "command": {"title": "⏱ 100 samples total · 97 samples own · 100% of run", "command": "perfhint.showProfile", "arguments": ["file://$WORKDIR/proj/app/work.py", 7]}}]}
# Another profile by command: answered once loaded; the watch moves to it.
--> {"jsonrpc": "2.0", "id": 7, "method": "workspace/executeCommand", "params": {"command": "perfhint.loadProfile", "arguments": ["other.collapsed"]}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "client/unregisterCapability", "params": {"unregisterations": [{"id": "perfhint-profile-file", "method": "workspace/didChangeWatchedFiles"}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "client/registerCapability", "params": {"registrations": [{"id": "perfhint-profile-file", "method": "workspace/didChangeWatchedFiles", "registerOptions": {"watchers": [{"globPattern": "$WORKDIR/proj/other.collapsed"}]}}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
<-- {"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 3, "message": "perfhint: profile loaded: {\"file\":\"$WORKDIR/proj/other.collapsed\",\"format\":\"collapsed stacks\",\"functions\":3,\"functionsInWorkspace\":2}"}}
<-- {"jsonrpc": "2.0", "id": 7, "result": {"file": "$WORKDIR/proj/other.collapsed", "format": "collapsed stacks", "functions": 3, "functionsInWorkspace": 2}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/app/work.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 25}}, "severity": 3, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "`out` is built by `.append` in a loop; use a list comprehension (measured: 8.0% of run time)", "data": "<any>"}, {"range": {"start": {"line": 10, "character": 18}, "end": {"line": 10, "character": 27}}, "severity": 2, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (measured: 10% of run time)", "data": "<any>"}, {"range": {"start": {"line": 17, "character": 18}, "end": {"line": 17, "character": 24}}, "severity": 4, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (not run in the profile)", "data": "<any>"}]}}
# A malformed profile by command: the same warning, and the command fails.
--> {"jsonrpc": "2.0", "id": 8, "method": "workspace/executeCommand", "params": {"command": "perfhint.loadProfile", "arguments": [{"path": "$WORKDIR/proj/run.collapsed"}]}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "client/unregisterCapability", "params": {"unregisterations": [{"id": "perfhint-profile-file", "method": "workspace/didChangeWatchedFiles"}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "client/registerCapability", "params": {"registrations": [{"id": "perfhint-profile-file", "method": "workspace/didChangeWatchedFiles", "registerOptions": {"watchers": [{"globPattern": "$WORKDIR/proj/run.collapsed"}]}}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
<-- {"jsonrpc": "2.0", "method": "window/showMessage", "params": {"type": 2, "message": "perfhint: cannot load the profile, the previous one stays in force:\n- $WORKDIR/proj/run.collapsed: line 2: collapsed stacks profile: expected `frame;frame;... COUNT`"}}
<-- {"jsonrpc": "2.0", "id": 8, "error": {"code": -32803, "message": "perfhint: cannot load the profile, the previous one stays in force:\n- $WORKDIR/proj/run.collapsed: line 2: collapsed stacks profile: expected `frame;frame;... COUNT`"}}
# Pull diagnostics see the profile in force too.
--> {"jsonrpc": "2.0", "id": 9, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/app/work.py"}}}
<-- {"jsonrpc": "2.0", "id": 9, "result": {"kind": "full", "resultId": "<any>", "items": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 25}}, "severity": 3, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "`out` is built by `.append` in a loop; use a list comprehension (measured: 8.0% of run time)", "data": "<any>"}, {"range": {"start": {"line": 10, "character": 18}, "end": {"line": 10, "character": 27}}, "severity": 2, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (measured: 10% of run time)", "data": "<any>"}, {"range": {"start": {"line": 17, "character": 18}, "end": {"line": 17, "character": 24}}, "severity": 4, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (not run in the profile)", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "id": 10, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 10, "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
