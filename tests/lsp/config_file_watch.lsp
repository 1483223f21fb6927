# Configuration files are watched (registered dynamically when the client allows it); a change
# re-checks open documents with the file's new settings under the editor's, and a change that
# breaks the file is reported while the last good configuration stays in force.
write proj/pyproject.toml
[tool.perfhint]
ignore = ["PH701"]
severity = { PH101 = "error" }
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}, "initializationOptions": {"debounceMs": 0, "severity": {"PH101": "warning"}}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "client/registerCapability", "params": {"registrations": [{"id": "perfhint-configuration-files", "method": "workspace/didChangeWatchedFiles", "registerOptions": {"watchers": [{"globPattern": "**/pyproject.toml"}, {"globPattern": "**/perfhint.toml"}]}}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/pkg/a.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in [1, 2]\nout = []\nfor x in xs:\n    out.append(x + 1)\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/pkg/a.py", "version": 1, "diagnostics": [{"range": "<any>", "severity": 2, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "<any>", "data": "<any>"}]}}
# The file now enables only PH701: the document is re-checked.
write proj/pyproject.toml
[tool.perfhint]
select = ["PH701"]
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://$WORKDIR/proj/pyproject.toml", "type": 2}]}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/pkg/a.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
# The file breaks: reported once, and the last good configuration (select PH701) stays.
write proj/pyproject.toml
[tool.perfhint]
select = "PH701"
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://$WORKDIR/proj/pyproject.toml", "type": 2}]}}
<-- {"jsonrpc": "2.0", "method": "window/showMessage", "params": {"type": 2, "message": "perfhint: invalid configuration file, the last good configuration stays in force:\n- $WORKDIR/proj/pyproject.toml:2: tool.perfhint.select: must be an array of rule codes"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/pkg/a.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
# A file that `exclude` leaves out gets no diagnostics.
write proj/pyproject.toml
[tool.perfhint]
select = ["PH701"]
exclude = ["build"]
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://$WORKDIR/proj/pyproject.toml", "type": 2}]}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/pkg/a.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/build/g.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in [1, 2]\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/build/g.py", "version": 1, "diagnostics": []}}
# A change to another kind of file is not a configuration change.
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://$WORKDIR/proj/setup.cfg", "type": 1}]}}
--> {"jsonrpc": "2.0", "id": 2, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 2, "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
