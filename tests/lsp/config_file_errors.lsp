# An invalid configuration file is reported once with window/showMessage (file, line and key);
# with no good configuration before it, the defaults and the editor's settings apply.
write proj/perfhint.toml
select = ["PH701"]
bogus = 1
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"debounceMs": 0}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/a.py", "languageId": "python", "version": 1, "text": "for x in xs:\n    seen = x in [1, 2]\n"}}}
<-- {"jsonrpc": "2.0", "method": "window/showMessage", "params": {"type": 2, "message": "perfhint: invalid configuration file, using the defaults:\n- $WORKDIR/proj/perfhint.toml:2: bogus: unknown key"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/a.py", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 22}}, "severity": 3, "code": "PH701", "codeDescription": "<any>", "source": "perfhint", "message": "Membership test against a list of constants; use a set literal", "data": "<any>"}]}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://$WORKDIR/proj/b.py", "languageId": "python", "version": 1, "text": "x = 1\n"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://$WORKDIR/proj/b.py", "version": 1, "diagnostics": []}}
--> {"jsonrpc": "2.0", "id": 2, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 2, "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
