# A client without resolve support gets every edit in the list; safe-only fix-all is absent when
# unsafe fixes are off and the only fix is unsafe.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/c.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in [1, 2]  # noqa: E501\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/c.py", "version": 1, "diagnostics": "<any>"}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///w/c.py"}, "range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "context": {"diagnostics": []}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": [
      {"title": "Use a set literal (PH701, unsafe)", "kind": "quickfix", "diagnostics": "<any>", "edit": "<any>"},
      {"title": "Ignore PH701 on this line", "kind": "quickfix", "diagnostics": "<any>",
       "edit": {"changes": {"file:///w/c.py": [{"range": {"start": {"line": 1, "character": 36}, "end": {"line": 1, "character": 36}}, "newText": ", PH701"}]}}}]}
