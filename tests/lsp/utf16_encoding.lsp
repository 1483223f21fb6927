# Without a choice offered, positions are UTF-16 code units: the emoji before the list counts
# two, and a position past the end of a line is clamped to the line's end.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/e.py", "languageId": "python", "version": 1, "text": "for x in xs:\r\n    seen = '😀' and x in [1, 2]\r\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/e.py", "version": 1, "diagnostics": [
      {"range": {"start": {"line": 1, "character": 25}, "end": {"line": 1, "character": 31}},
       "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint",
       "message": "Membership test against a list of constants; use a set literal",
       "data": "<any>"}]}}
# Insert ", 3" before the closing bracket (UTF-16 column 30), then replace past the line's end.
--> {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///w/e.py", "version": 2}, "contentChanges": [
      {"range": {"start": {"line": 1, "character": 30}, "end": {"line": 1, "character": 30}}, "text": ", 3"},
      {"range": {"start": {"line": 1, "character": 99}, "end": {"line": 1, "character": 120}}, "text": "  # done"}]}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/e.py", "version": 2, "diagnostics": [
      {"range": {"start": {"line": 1, "character": 25}, "end": {"line": 1, "character": 34}},
       "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint",
       "message": "Membership test against a list of constants; use a set literal",
       "data": {"version": 2, "fix": {"title": "Use a set literal", "safe": false, "edits": [
         {"range": {"start": {"line": 1, "character": 25}, "end": {"line": 1, "character": 26}}, "newText": "{"},
         {"range": {"start": {"line": 1, "character": 33}, "end": {"line": 1, "character": 34}}, "newText": "}"}]}}}]}}
# The text is now "    seen = '😀' and x in [1, 2, 3]  # done": hover on the comment shows nothing.
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///w/e.py"}, "position": {"line": 1, "character": 38}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": null}
