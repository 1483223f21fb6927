# perfhint.applyAllFixes sends the fix-all edit to the client through workspace/applyEdit.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"workspace": {"applyEdit": true}}, "initializationOptions": {"perfhint": {"unsafeFixes": true}}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/x.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in ['a', 'b']\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": "<any>"}
--> {"jsonrpc": "2.0", "id": 2, "method": "workspace/executeCommand", "params": {"command": "perfhint.applyAllFixes", "arguments": ["file:///w/x.py"]}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "workspace/applyEdit", "params": {"label": "perfhint: Fix all", "edit": {"changes": {"file:///w/x.py": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 26}}, "newText": "{'a', 'b'}"}]}}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": null}
--> {"jsonrpc": "2.0", "id": "<id>", "result": {"applied": true}}
--> {"jsonrpc": "2.0", "id": 3, "method": "workspace/executeCommand", "params": {"command": "perfhint.unknown", "arguments": []}}
<-- {"jsonrpc": "2.0", "id": 3, "error": {"code": -32602, "message": "unknown command perfhint.unknown"}}
