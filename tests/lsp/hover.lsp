# Hover: on a flagged range, the finding explained with its loop depth; on a code in a noqa
# comment, that rule's documentation; elsewhere nothing.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/h.py", "languageId": "python", "version": 1, "text": "for a in b:\n    for c in a:\n        print(c in [1, 2])\nprint(1 in [1, 2])  # noqa: PH701\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/h.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 2, "character": 19}, "end": {"line": 2, "character": 25}}, "severity": 2, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal (inside 2 nested loops)", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///w/h.py"}, "position": {"line": 2, "character": 20}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {"contents": {"kind": "markdown", "value": "<prefix>**PH701 list-membership-literal**: Membership test against a list of constants; use a set literal (inside 2 nested loops)\n\nThis runs inside 2 nested loops: its cost is multiplied by the iterations of each.\n\n**Why it is slow.** `x in [a, b, c]` compares"}, "range": {"start": {"line": 2, "character": 19}, "end": {"line": 2, "character": 25}}}}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///w/h.py"}, "position": {"line": 3, "character": 31}}}
<-- {"jsonrpc": "2.0", "id": 3, "result": {"contents": {"kind": "markdown", "value": "<prefix>## PH701 list-membership-literal\n\nMembership test against a list or tuple"}, "range": {"start": {"line": 3, "character": 28}, "end": {"line": 3, "character": 33}}}}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///w/h.py"}, "position": {"line": 0, "character": 1}}}
<-- {"jsonrpc": "2.0", "id": 4, "result": null}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///w/not-open.py"}, "position": {"line": 0, "character": 1}}}
<-- {"jsonrpc": "2.0", "id": 5, "result": null}
