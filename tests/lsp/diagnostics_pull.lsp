# A client that pulls diagnostics gets no pushes; a second pull of unchanged text is "unchanged".
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"diagnostic": {"dynamicRegistration": false}}}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/p.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in [1, 2]\n"}}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///w/p.py"}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {"kind": "full", "resultId": "<any>", "items": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///w/p.py"}, "previousResultId": "1"}}
<-- {"jsonrpc": "2.0", "id": 3, "result": {"kind": "unchanged", "resultId": "1"}}
--> {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///w/p.py", "version": 2}, "contentChanges": [{"text": "x = 1\n"}]}}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///w/p.py"}, "previousResultId": "1"}}
<-- {"jsonrpc": "2.0", "id": 4, "result": {"kind": "full", "resultId": "2", "items": []}}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///w/closed.py"}}}
<-- {"jsonrpc": "2.0", "id": 5, "error": {"code": -32602, "message": "document is not open: file:///w/closed.py"}}
