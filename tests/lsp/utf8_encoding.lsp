# A client that offers utf-8 gets it, and positions count bytes: the emoji before the list is
# four bytes (two UTF-16 units).
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"general": {"positionEncodings": ["utf-16", "utf-8"]}}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": {"capabilities": {"positionEncoding": "utf-8", "textDocumentSync": "<any>", "notebookDocumentSync": "<any>", "hoverProvider": true, "codeLensProvider": "<any>", "inlayHintProvider": true, "codeActionProvider": "<any>", "diagnosticProvider": "<any>", "executeCommandProvider": "<any>", "workspace": "<any>"}, "serverInfo": "<any>"}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/e.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = '😀' and x in [1, 2]\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/e.py", "version": 1, "diagnostics": [
      {"range": {"start": {"line": 1, "character": 27}, "end": {"line": 1, "character": 33}},
       "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint",
       "message": "Membership test against a list of constants; use a set literal",
       "data": {"version": 1, "fix": {"title": "Use a set literal", "safe": false, "edits": [
         {"range": {"start": {"line": 1, "character": 27}, "end": {"line": 1, "character": 28}}, "newText": "{"},
         {"range": {"start": {"line": 1, "character": 32}, "end": {"line": 1, "character": 33}}, "newText": "}"}]}}}]}}
