# A client with workspace/configuration is asked for the `perfhint` section after `initialized`
# and when told the configuration changed; the answer applies to open documents.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"workspace": {"configuration": true}}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "workspace/configuration", "params": {"items": [{"section": "perfhint"}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": [{"ignore": ["PH701"]}]}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/q.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in [1, 2]\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/q.py", "version": 1, "diagnostics": []}}
--> {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": null}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "workspace/configuration", "params": {"items": [{"section": "perfhint"}]}}
--> {"jsonrpc": "2.0", "id": "<id>", "result": [{"ignore": []}]}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/q.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
