# A client that pulls diagnostics and accepts workspace/diagnostic/refresh is told to pull again
# when the settings change; its next pull reflects them. (Without refresh support it would see
# the change only on its next edit.)
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"diagnostic": {}}, "workspace": {"diagnostics": {"refreshSupport": true}}}, "initializationOptions": {"ignore": ["PH701"], "debounceMs": 0}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/r.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in [1, 2]\n"}}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///w/r.py"}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {"kind": "full", "resultId": "<any>", "items": []}}
--> {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"perfhint": {"ignore": []}}}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "workspace/diagnostic/refresh"}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///w/r.py"}}}
<-- {"jsonrpc": "2.0", "id": 3, "result": {"kind": "full", "resultId": "<any>", "items": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "id": 4, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 4, "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
