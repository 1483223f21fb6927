# Code actions for a finding: its fix (unsafe, so not preferred), "Ignore on this line", and
# fix-all; a client that resolves actions gets noqa and fix-all edits from codeAction/resolve.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"codeAction": {"resolveSupport": {"properties": ["edit"]}}}}, "initializationOptions": {"unsafeFixes": true}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/c.py", "languageId": "python", "version": 7, "text": "for x in xs:\n    seen = x in [1, 2]  # fast enough?\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/c.py", "version": 7, "diagnostics": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///w/c.py"}, "range": {"start": {"line": 1, "character": 18}, "end": {"line": 1, "character": 18}}, "context": {"diagnostics": []}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": [
      {"title": "Use a set literal (PH701, unsafe)", "kind": "quickfix", "diagnostics": "<any>",
       "edit": {"changes": {"file:///w/c.py": [
         {"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 17}}, "newText": "{"},
         {"range": {"start": {"line": 1, "character": 21}, "end": {"line": 1, "character": 22}}, "newText": "}"}]}}},
      {"title": "Ignore PH701 on this line", "kind": "quickfix", "diagnostics": "<any>",
       "data": {"action": "noqa", "uri": "file:///w/c.py", "version": 7, "line": 1, "code": "PH701"}},
      {"title": "perfhint: Fix all", "kind": "source.fixAll.perfhint",
       "data": {"action": "fixAll", "uri": "file:///w/c.py", "version": 7}}]}
--> {"jsonrpc": "2.0", "id": 3, "method": "codeAction/resolve", "params": {"title": "Ignore PH701 on this line", "kind": "quickfix", "data": {"action": "noqa", "uri": "file:///w/c.py", "version": 7, "line": 1, "code": "PH701"}}}
<-- {"jsonrpc": "2.0", "id": 3, "result": {"title": "Ignore PH701 on this line", "kind": "quickfix",
      "data": {"action": "noqa", "uri": "file:///w/c.py", "version": 7, "line": 1, "code": "PH701"},
      "edit": {"changes": {"file:///w/c.py": [{"range": {"start": {"line": 1, "character": 38}, "end": {"line": 1, "character": 38}}, "newText": "  # noqa: PH701"}]}}}}
--> {"jsonrpc": "2.0", "id": 4, "method": "codeAction/resolve", "params": {"title": "perfhint: Fix all", "kind": "source.fixAll.perfhint", "data": {"action": "fixAll", "uri": "file:///w/c.py", "version": 7}}}
<-- {"jsonrpc": "2.0", "id": 4, "result": {"title": "perfhint: Fix all", "kind": "source.fixAll.perfhint",
      "data": {"action": "fixAll", "uri": "file:///w/c.py", "version": 7},
      "edit": {"changes": {"file:///w/c.py": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "newText": "{1, 2}"}]}}}}
# Only fix-all when the client asks for source actions (as on save).
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///w/c.py"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 2, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}}
<-- {"jsonrpc": "2.0", "id": 5, "result": [{"title": "perfhint: Fix all", "kind": "source.fixAll.perfhint", "data": {"action": "fixAll", "uri": "file:///w/c.py", "version": 7}}]}
# After an edit, resolving an action listed for the old version is refused.
--> {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///w/c.py", "version": 8}, "contentChanges": [{"text": "x = 1\n"}]}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/c.py", "version": 8, "diagnostics": []}}
--> {"jsonrpc": "2.0", "id": 6, "method": "codeAction/resolve", "params": {"title": "perfhint: Fix all", "data": {"action": "fixAll", "uri": "file:///w/c.py", "version": 7}}}
<-- {"jsonrpc": "2.0", "id": 6, "error": {"code": -32801, "message": "the document changed since the action was listed"}}
