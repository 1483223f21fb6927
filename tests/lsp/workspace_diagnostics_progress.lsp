# With a workDoneToken the server reports progress (begin, one report per batch of files, end);
# with a partialResultToken the reports go out in $/progress batches and the answer's list is
# empty. Progress tokens may be integers or strings.
write w/a.py
for x in xs:
    seen = x in [1, 2]
write w/b.py
x = 1
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"diagnostic": {}}, "window": {"workDoneProgress": true}}, "workspaceFolders": [{"uri": "file://$WORKDIR/w", "name": "w"}]}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "workspace/diagnostic", "params": {"previousResultIds": [], "workDoneToken": "work-1", "partialResultToken": 7}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": "work-1", "value": {"kind": "begin", "title": "perfhint: checking the workspace", "cancellable": true, "percentage": 0}}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": 7, "value": {"items": [{"kind": "full", "resultId": "<any>", "uri": "file://$WORKDIR/w/a.py", "version": null, "items": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}, {"kind": "full", "resultId": "78a1ef167053da53-1", "uri": "file://$WORKDIR/w/b.py", "version": null, "items": []}]}}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": "work-1", "value": {"kind": "report", "percentage": 100, "message": "2/2 files"}}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": "work-1", "value": {"kind": "end", "message": "2 files checked"}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {"items": []}}
# Progress only: the reports come in the answer.
--> {"jsonrpc": "2.0", "id": 3, "method": "workspace/diagnostic", "params": {"previousResultIds": [{"uri": "file://$WORKDIR/w/b.py", "value": "78a1ef167053da53-1"}], "workDoneToken": 8}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": 8, "value": {"kind": "begin", "title": "perfhint: checking the workspace", "cancellable": true, "percentage": 0}}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": 8, "value": {"kind": "report", "percentage": 100, "message": "2/2 files"}}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": 8, "value": {"kind": "end", "message": "2 files checked"}}}
<-- {"jsonrpc": "2.0", "id": 3, "result": {"items": [{"kind": "full", "resultId": "<any>", "uri": "file://$WORKDIR/w/a.py", "version": null, "items": "<any>"}, {"kind": "unchanged", "resultId": "78a1ef167053da53-1", "uri": "file://$WORKDIR/w/b.py", "version": null}]}}
# A token of another type is refused.
--> {"jsonrpc": "2.0", "id": 4, "method": "workspace/diagnostic", "params": {"previousResultIds": [], "workDoneToken": [1]}}
<-- {"jsonrpc": "2.0", "id": 4, "error": {"code": -32602, "message": "invalid params for workspace/diagnostic: workDoneToken: expected an integer or a string"}}
# With its folder removed the workspace is empty: begin and end, and the removed folder's file
# with findings is cleared.
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWorkspaceFolders", "params": {"event": {"added": [], "removed": [{"uri": "file://$WORKDIR/w", "name": "w"}]}}}
--> {"jsonrpc": "2.0", "id": 5, "method": "workspace/diagnostic", "params": {"previousResultIds": [], "workDoneToken": "work-2"}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": "work-2", "value": {"kind": "begin", "title": "perfhint: checking the workspace", "cancellable": true, "percentage": 0}}}
<-- {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": "work-2", "value": {"kind": "end", "message": "0 files checked"}}}
<-- {"jsonrpc": "2.0", "id": 5, "result": {"items": [{"kind": "full", "uri": "file://$WORKDIR/w/a.py", "version": null, "items": []}]}}
