# workspace/diagnostic reports every Python file of every workspace folder, each file under its
# nearest configuration file: folder a runs PH701 only, folder b PH101 only and excludes its gen
# directory. An open document is reported from the editor's text with its version; other files
# from disk with version null and a result id made of a hash of their content and the settings
# generation. Result ids sent back in previousResultIds give "unchanged" for untouched files.
write a/pyproject.toml
[tool.perfhint]
select = ["PH701"]
write a/m.py
for x in xs:
    seen = x in [1, 2]
out = []
for x in xs:
    out.append(x + 1)
write a/open.py
x = 1
write b/pyproject.toml
[tool.perfhint]
select = ["PH101"]
exclude = ["gen"]
write b/n.py
for x in xs:
    seen = x in [1, 2]
out = []
for x in xs:
    out.append(x + 1)
write b/gen/g.py
for x in xs:
    seen = x in [1, 2]
write b/notes.txt
not python
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"diagnostic": {}}}, "workspaceFolders": [{"uri": "file://$WORKDIR/a", "name": "a"}, {"uri": "file://$WORKDIR/b", "name": "b"}]}}
<-- {"jsonrpc": "2.0", "id": 1, "result": {"capabilities": {"positionEncoding": "utf-16", "textDocumentSync": "<any>", "notebookDocumentSync": "<any>", "hoverProvider": true, "codeLensProvider": "<any>", "inlayHintProvider": true, "codeActionProvider": "<any>", "diagnosticProvider": {"identifier": "perfhint", "interFileDependencies": false, "workspaceDiagnostics": true}, "executeCommandProvider": "<any>", "workspace": {"workspaceFolders": {"supported": true, "changeNotifications": true}}}, "serverInfo": "<any>"}}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://$WORKDIR/a/open.py", "languageId": "python", "version": 3, "text": "for x in xs:\n    seen = x in [1, 2]\n"}}}
--> {"jsonrpc": "2.0", "id": 2, "method": "workspace/diagnostic", "params": {"previousResultIds": []}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {"items": [{"kind": "full", "resultId": "0f755c68fbd4dc0d-1", "uri": "file://$WORKDIR/a/m.py", "version": null, "items": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}, {"kind": "full", "resultId": "1", "uri": "file://$WORKDIR/a/open.py", "version": 3, "items": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}, {"kind": "full", "resultId": "0f755c68fbd4dc0d-1", "uri": "file://$WORKDIR/b/n.py", "version": null, "items": [{"range": {"start": {"line": 4, "character": 4}, "end": {"line": 4, "character": 21}}, "severity": 4, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "`out` is built by `.append` in a loop; use a list comprehension", "data": "<any>"}]}]}}
# b/n.py changes on disk; the client sends back the result ids it holds.
write b/n.py
x = 2
--> {"jsonrpc": "2.0", "id": 3, "method": "workspace/diagnostic", "params": {"previousResultIds": [{"uri": "file://$WORKDIR/a/m.py", "value": "0f755c68fbd4dc0d-1"}, {"uri": "file://$WORKDIR/a/open.py", "value": "1"}, {"uri": "file://$WORKDIR/b/n.py", "value": "0f755c68fbd4dc0d-1"}]}}
<-- {"jsonrpc": "2.0", "id": 3, "result": {"items": [{"kind": "unchanged", "resultId": "0f755c68fbd4dc0d-1", "uri": "file://$WORKDIR/a/m.py", "version": null}, {"kind": "unchanged", "resultId": "1", "uri": "file://$WORKDIR/a/open.py", "version": 3}, {"kind": "full", "resultId": "78a555167056bd7c-1", "uri": "file://$WORKDIR/b/n.py", "version": null, "items": []}]}}
# The open document changes in the editor: a new version and result id.
--> {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file://$WORKDIR/a/open.py", "version": 4}, "contentChanges": [{"text": "x = 3\n"}]}}
--> {"jsonrpc": "2.0", "id": 4, "method": "workspace/diagnostic", "params": {"previousResultIds": [{"uri": "file://$WORKDIR/a/m.py", "value": "0f755c68fbd4dc0d-1"}, {"uri": "file://$WORKDIR/a/open.py", "value": "1"}, {"uri": "file://$WORKDIR/b/n.py", "value": "78a555167056bd7c-1"}]}}
<-- {"jsonrpc": "2.0", "id": 4, "result": {"items": [{"kind": "unchanged", "resultId": "0f755c68fbd4dc0d-1", "uri": "file://$WORKDIR/a/m.py", "version": null}, {"kind": "full", "resultId": "2", "uri": "file://$WORKDIR/a/open.py", "version": 4, "items": []}, {"kind": "unchanged", "resultId": "78a555167056bd7c-1", "uri": "file://$WORKDIR/b/n.py", "version": null}]}}
# A result id from older settings is not reused: a configuration change re-reports the file.
--> {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"perfhint": {"ignore": ["PH7"]}}}}
--> {"jsonrpc": "2.0", "id": 5, "method": "workspace/diagnostic", "params": {"previousResultIds": [{"uri": "file://$WORKDIR/a/m.py", "value": "0f755c68fbd4dc0d-1"}]}}
<-- {"jsonrpc": "2.0", "id": 5, "result": {"items": [{"kind": "full", "resultId": "0f755c68fbd4dc0d-2", "uri": "file://$WORKDIR/a/m.py", "version": null, "items": []}, {"kind": "full", "resultId": "3", "uri": "file://$WORKDIR/a/open.py", "version": 4, "items": []}, {"kind": "full", "resultId": "78a555167056bd7c-2", "uri": "file://$WORKDIR/b/n.py", "version": null, "items": []}]}}
