# Bad input gets the right error reply and the server keeps serving after each one.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
# Not JSON.
--> raw: Content-Length: 9\r\n\r\n{"a": tru
<-- {"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "<any>"}}
# A document text that is not valid UTF-8 is not valid JSON either.
--> raw: Content-Length: 96\r\n\r\n{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"text": "\xff\xfe"}}}
<-- {"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "<any>"}}
# JSON, but not a request: no method, wrong version, an array (batch), params of the wrong type.
--> {"jsonrpc": "2.0", "id": 2}
<-- {"jsonrpc": "2.0", "id": 2, "error": {"code": -32600, "message": "<any>"}}
--> {"jsonrpc": "1.0", "id": 3, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 3, "error": {"code": -32600, "message": "<any>"}}
--> [{"jsonrpc": "2.0", "id": 4, "method": "shutdown"}]
<-- {"jsonrpc": "2.0", "id": null, "error": {"code": -32600, "message": "<any>"}}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": 7}
<-- {"jsonrpc": "2.0", "id": 5, "error": {"code": -32600, "message": "<any>"}}
# Unknown method; unknown notifications are ignored.
--> {"jsonrpc": "2.0", "id": 6, "method": "textDocument/frobnicate", "params": {}}
<-- {"jsonrpc": "2.0", "id": 6, "error": {"code": -32601, "message": "unknown method textDocument/frobnicate"}}
--> {"jsonrpc": "2.0", "method": "$/somethingOptional", "params": {}}
--> {"jsonrpc": "2.0", "method": "custom/notification", "params": {}}
# Params that do not fit the method.
--> {"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {"textDocument": {"uri": 5}}}
<-- {"jsonrpc": "2.0", "id": 7, "error": {"code": -32602, "message": "<any>"}}
# Notifications about documents that are not open, and a change past the end of the text.
--> {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nowhere.py", "version": 2}, "contentChanges": [{"text": "x"}]}}
--> {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///nowhere.py"}}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/a.py", "languageId": "python", "version": 1, "text": "x = 1\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/a.py", "version": 1, "diagnostics": []}}
--> {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///w/a.py", "version": 2}, "contentChanges": [{"range": {"start": {"line": 40, "character": 3}, "end": {"line": 50, "character": 0}}, "text": "for v in vs:\n    seen = v in [1, 2]\n"}]}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/a.py", "version": 2, "diagnostics": [{"range": {"start": {"line": 2, "character": 16}, "end": {"line": 2, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "<any>", "data": "<any>"}]}}
# Framing errors: a Content-Length too short, one too long, a body without a header, garbage.
--> raw: Content-Length: 20\r\n\r\n{"jsonrpc": "2.0", "id": 8, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "<any>"}}
--> {"jsonrpc": "2.0", "id": 9, "method": "textDocument/frobnicate"}
<-- {"jsonrpc": "2.0", "id": 9, "error": {"code": -32601, "message": "<any>"}}
--> raw: Content-Length: 500\r\n\r\n{"jsonrpc": "2.0", "id": 10, "method": "textDocument/frobnicate"}
--> {"jsonrpc": "2.0", "id": 11, "method": "textDocument/frobnicate"}
<-- {"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "<any>"}}
<-- {"jsonrpc": "2.0", "id": 11, "error": {"code": -32601, "message": "<any>"}}
--> raw: \r\n{"jsonrpc": "2.0", "id": 12, "method": "textDocument/frobnicate"}
--> {"jsonrpc": "2.0", "id": 13, "method": "textDocument/frobnicate"}
<-- {"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "<any>"}}
<-- {"jsonrpc": "2.0", "id": 13, "error": {"code": -32601, "message": "<any>"}}
--> raw: garbage garbage\r\n
--> {"jsonrpc": "2.0", "id": 14, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 14, "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
