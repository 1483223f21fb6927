# Each workspace folder gets its own editor settings (workspace/configuration with the folder's
# scopeUri), which come above its configuration files; the editor's `exclude` globs are relative
# to the folder's root. workspace/didChangeWorkspaceFolders adds and removes folders: a removed
# folder's files that had findings get one empty report in the next workspace/diagnostic.
write a/m.py
for x in xs:
    seen = x in [1, 2]
out = []
for x in xs:
    out.append(x + 1)
write b/pyproject.toml
[tool.perfhint]
ignore = ["PH701"]
write b/n.py
for x in xs:
    seen = x in [1, 2]
out = []
for x in xs:
    out.append(x + 1)
write b/sub/skip.py
for x in xs:
    seen = x in [1, 2]
write b/other/sub/skip.py
x = 1
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"workspace": {"configuration": true}, "textDocument": {"diagnostic": {}}}, "workspaceFolders": [{"uri": "file://$WORKDIR/a", "name": "a"}]}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "workspace/configuration", "params": {"items": [{"section": "perfhint"}, {"scopeUri": "file://$WORKDIR/a", "section": "perfhint"}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": [{}, {"select": ["PH701"]}]}
--> {"jsonrpc": "2.0", "id": 2, "method": "workspace/diagnostic", "params": {"previousResultIds": []}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {"items": [{"kind": "full", "resultId": "0f755c68fbd4dc0d-2", "uri": "file://$WORKDIR/a/m.py", "version": null, "items": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}]}}
# Folder a leaves and folder b comes; b's settings are asked for with its scope. The editor's
# select overrides b's pyproject.toml (which ignores PH701), extendSelect adds PH101, and
# "sub/skip.py" excludes b/sub/skip.py but not b/other/sub/skip.py.
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWorkspaceFolders", "params": {"event": {"added": [{"uri": "file://$WORKDIR/b", "name": "b"}], "removed": [{"uri": "file://$WORKDIR/a", "name": "a"}]}}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "workspace/configuration", "params": {"items": [{"section": "perfhint"}, {"scopeUri": "file://$WORKDIR/b", "section": "perfhint"}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": [{}, {"select": ["PH701"], "extendSelect": ["PH101"], "exclude": ["sub/skip.py"]}]}
--> {"jsonrpc": "2.0", "id": 3, "method": "workspace/diagnostic", "params": {"previousResultIds": []}}
<-- {"jsonrpc": "2.0", "id": 3, "result": {"items": [{"kind": "full", "uri": "file://$WORKDIR/a/m.py", "version": null, "items": []}, {"kind": "full", "resultId": "0f755c68fbd4dc0d-3", "uri": "file://$WORKDIR/b/n.py", "version": null, "items": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}, {"range": {"start": {"line": 4, "character": 4}, "end": {"line": 4, "character": 21}}, "severity": 4, "code": "PH101", "codeDescription": "<any>", "source": "perfhint", "message": "`out` is built by `.append` in a loop; use a list comprehension", "data": "<any>"}]}, {"kind": "full", "resultId": "78a1ef167053da53-3", "uri": "file://$WORKDIR/b/other/sub/skip.py", "version": null, "items": []}]}}
# The removed folder's file is cleared once only.
--> {"jsonrpc": "2.0", "id": 4, "method": "workspace/diagnostic", "params": {"previousResultIds": [{"uri": "file://$WORKDIR/b/n.py", "value": "0f755c68fbd4dc0d-3"}, {"uri": "file://$WORKDIR/b/other/sub/skip.py", "value": "78a1ef167053da53-3"}]}}
<-- {"jsonrpc": "2.0", "id": 4, "result": {"items": [{"kind": "unchanged", "resultId": "0f755c68fbd4dc0d-3", "uri": "file://$WORKDIR/b/n.py", "version": null}, {"kind": "unchanged", "resultId": "78a1ef167053da53-3", "uri": "file://$WORKDIR/b/other/sub/skip.py", "version": null}]}}
