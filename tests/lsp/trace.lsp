# $/setTrace turns on $/logTrace for each message received (with its params when verbose); each
# message is traced at the level in force when it arrived.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "$/setTrace", "params": {"value": "messages"}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/frobnicate", "params": {}}
<-- {"jsonrpc": "2.0", "method": "$/logTrace", "params": {"message": "Received request 'textDocument/frobnicate - (2)'."}}
<-- {"jsonrpc": "2.0", "id": 2, "error": {"code": -32601, "message": "unknown method textDocument/frobnicate"}}
--> {"jsonrpc": "2.0", "method": "$/setTrace", "params": {"value": "verbose"}}
<-- {"jsonrpc": "2.0", "method": "$/logTrace", "params": {"message": "Received notification '$/setTrace'."}}
--> {"jsonrpc": "2.0", "method": "$/setTrace", "params": {"value": "off"}}
<-- {"jsonrpc": "2.0", "method": "$/logTrace", "params": {"message": "Received notification '$/setTrace'.", "verbose": "{\"value\":\"off\"}"}}
--> {"jsonrpc": "2.0", "id": 3, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 3, "result": null}
