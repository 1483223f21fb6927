# Lifecycle: requests before initialize are refused, initialize announces the capabilities,
# requests after shutdown are invalid, and exit after shutdown ends with status 0.
--> {"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}
<-- {"jsonrpc": "2.0", "id": 1, "error": {"code": -32002, "message": "the server is not initialized yet"}}
--> {"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {
      "capabilities": {
        "positionEncoding": "utf-16",
        "textDocumentSync": {"openClose": true, "change": 2, "save": {"includeText": false}},
        "notebookDocumentSync": {"notebookSelector": [{"notebook": {"notebookType": "jupyter-notebook"}, "cells": [{"language": "python"}]}], "save": false},
        "hoverProvider": true,
        "codeLensProvider": {"resolveProvider": false},
        "inlayHintProvider": true,
        "codeActionProvider": {"codeActionKinds": ["quickfix", "source.fixAll.perfhint"], "resolveProvider": true},
        "diagnosticProvider": {"identifier": "perfhint", "interFileDependencies": false, "workspaceDiagnostics": true},
        "executeCommandProvider": {"commands": ["perfhint.applyAllFixes", "perfhint.loadProfile", "perfhint.showProfile"]},
        "workspace": {"workspaceFolders": {"supported": true, "changeNotifications": true}}
      },
      "serverInfo": {"name": "perfhint", "version": "<any>"}}}
--> {"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": {"capabilities": {}}}
<-- {"jsonrpc": "2.0", "id": 3, "error": {"code": -32600, "message": "initialize was already received"}}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 4, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "id": 4, "result": null}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///a.py"}, "position": {"line": 0, "character": 0}}}
<-- {"jsonrpc": "2.0", "id": 5, "error": {"code": -32600, "message": "the server is shutting down"}}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
