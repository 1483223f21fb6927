# Notebook cells with pulled diagnostics: each cell's pull returns that cell's findings, in its
# own lines. An edit in one cell that changes another cell's findings (here: the import the other
# cell relies on goes away) makes the server ask the client to pull again.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"diagnostic": {}}, "workspace": {"diagnostics": {"refreshSupport": true}}}, "initializationOptions": {"debounceMs": 0}}}
<-- {"jsonrpc": "2.0", "id": 1, "result": "<any>"}
--> {"jsonrpc": "2.0", "method": "notebookDocument/didOpen", "params": {"notebookDocument": {"uri": "file:///w/nb.ipynb", "notebookType": "jupyter-notebook", "version": 1, "cells": [{"kind": 2, "document": "vscode-notebook-cell:/w/nb.ipynb#c1"}, {"kind": 2, "document": "vscode-notebook-cell:/w/nb.ipynb#c2"}]}, "cellTextDocuments": [{"uri": "vscode-notebook-cell:/w/nb.ipynb#c1", "languageId": "python", "version": 1, "text": "import re\n"}, {"uri": "vscode-notebook-cell:/w/nb.ipynb#c2", "languageId": "python", "version": 1, "text": "for w in words:\n    re.search('a', w)\n"}]}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "vscode-notebook-cell:/w/nb.ipynb#c1"}}}
<-- {"jsonrpc": "2.0", "id": 2, "result": {"kind": "full", "resultId": "<any>", "items": []}}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "vscode-notebook-cell:/w/nb.ipynb#c2"}}}
<-- {"jsonrpc": "2.0", "id": 3, "result": {"kind": "full", "resultId": "<any>", "items": [{"range": {"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 21}}, "severity": 3, "code": "PH202", "codeDescription": "<any>", "source": "perfhint", "message": "`re.search` with a constant pattern in a loop looks the pattern up on every call; compile it once at module level", "data": {"version": 1}}]}}
# The import becomes `import json`: c2's finding goes, so the client is asked to pull again.
--> {"jsonrpc": "2.0", "method": "notebookDocument/didChange", "params": {"notebookDocument": {"uri": "file:///w/nb.ipynb", "version": 2}, "change": {"cells": {"textContent": [{"document": {"uri": "vscode-notebook-cell:/w/nb.ipynb#c1", "version": 2}, "changes": [{"range": {"start": {"line": 0, "character": 7}, "end": {"line": 0, "character": 9}}, "text": "json"}]}]}}}}
<-- {"jsonrpc": "2.0", "id": "<any>", "method": "workspace/diagnostic/refresh"}
--> {"jsonrpc": "2.0", "id": "<id>", "result": null}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "vscode-notebook-cell:/w/nb.ipynb#c2"}}}
<-- {"jsonrpc": "2.0", "id": 4, "result": {"kind": "full", "resultId": "<any>", "items": []}}
# An edit that changes no finding asks for nothing: the next message is the reply to the pull.
--> {"jsonrpc": "2.0", "method": "notebookDocument/didChange", "params": {"notebookDocument": {"uri": "file:///w/nb.ipynb", "version": 3}, "change": {"cells": {"textContent": [{"document": {"uri": "vscode-notebook-cell:/w/nb.ipynb#c1", "version": 3}, "changes": [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "x = 1\n"}]}]}}}}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "vscode-notebook-cell:/w/nb.ipynb#c1"}}}
<-- {"jsonrpc": "2.0", "id": 5, "result": {"kind": "full", "resultId": "<any>", "items": []}}
