# A client without workspace folders names its root in rootUri: that directory is the one
# folder workspace/diagnostic walks (and the base of the editor's `exclude` globs).
write root/pkg/a.py
x = 1
write root/pkg/b.py
x = 1
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://$WORKDIR/root", "capabilities": {}, "initializationOptions": {"exclude": ["pkg/b.py"]}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "workspace/diagnostic", "params": {"previousResultIds": []}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {"items": [{"kind": "full", "resultId": "78a1ef167053da53-1", "uri": "file://$WORKDIR/root/pkg/a.py", "version": null, "items": []}]}}
