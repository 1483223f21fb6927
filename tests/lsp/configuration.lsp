# Settings from initializationOptions and didChangeConfiguration: an invalid value is reported
# and the last good settings stay; a valid change re-publishes open documents.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"ignore": ["PH701"], "debounceMs": 0}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/s.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in [1, 2]\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/s.py", "version": 1, "diagnostics": []}}
--> {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"perfhint": {"select": ["PH999"], "debounceMs": -4}}}}
<-- {"jsonrpc": "2.0", "method": "window/showMessage", "params": {"type": 2, "message": "perfhint: invalid settings, keeping the previous ones:\n- debounceMs must be a whole number of milliseconds from 0 to 60000\n- unknown rule code or prefix in select: 'PH999'"}}
--> {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"perfhint": {"ignore": [], "severity": {"PH701": "error"}}}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/s.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 1, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
