#!/usr/bin/env python3
"""workspace/diagnostic over many files: the exact sequence of partial results and progress
reports batch by batch, and cancellation by $/cancelRequest and by window/workDoneProgress/cancel
while the run is in flight (answered RequestCancelled, progress ended, the server still serving)."""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_transcript import Server  # noqa: E402  (framing over pipes)

REQUEST_CANCELLED = -32800
FLAGGED = "for x in xs:\n    seen = x in [1, 2]\n"


def write_files(root, count, text):
    for index in range(count):
        with open(os.path.join(root, "f%04d.py" % index), "w", encoding="utf-8") as out:
            out.write(text)


def start(binary, folder):
    server = Server(binary)
    server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": {"capabilities": {"textDocument": {"diagnostic": {}}},
                            "workspaceFolders": [{"uri": "file://" + folder, "name": "w"}]}})
    expect(server.receive().get("id") == 1, "initialize answered")
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    return server


def receive(server):
    while True:
        message = server.receive()
        if message.get("method") not in ("window/logMessage", "$/logTrace"):
            return message


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


def progress(token, value):
    return {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": token, "value": value}}


def check_batches(binary, workdir):
    """80 files: batches of 32, 32 and 16, each a partial result followed by a report."""
    folder = os.path.join(workdir, "batches")
    os.makedirs(folder)
    write_files(folder, 80, FLAGGED)
    server = start(binary, folder)
    try:
        server.send({"jsonrpc": "2.0", "id": 2, "method": "workspace/diagnostic",
                     "params": {"previousResultIds": [], "workDoneToken": "w",
                                "partialResultToken": "p"}})
        expect(receive(server) == progress("w", {"kind": "begin",
                                                 "title": "perfhint: checking the workspace",
                                                 "cancellable": True, "percentage": 0}),
               "progress begins")
        start_index = 0
        for size, percentage in ((32, 40), (32, 80), (16, 100)):
            batch = receive(server)
            expect(batch["params"]["token"] == "p", "a partial result: %s" % batch)
            uris = [item["uri"] for item in batch["params"]["value"]["items"]]
            expect(uris == ["file://%s/f%04d.py" % (folder, i)
                            for i in range(start_index, start_index + size)],
                   "the batch holds the next %d files in order: %s" % (size, uris))
            expect(all(len(item["items"]) == 1 for item in batch["params"]["value"]["items"]),
                   "every file has its finding")
            start_index += size
            expect(receive(server) == progress("w", {"kind": "report", "percentage": percentage,
                                                     "message": "%d/80 files" % start_index}),
                   "a report after the batch")
        expect(receive(server) == progress("w", {"kind": "end", "message": "80 files checked"}),
               "progress ends")
        expect(receive(server) == {"jsonrpc": "2.0", "id": 2, "result": {"items": []}},
               "the answer is empty after partial results")
    finally:
        server.process.kill()


def check_cancellation(binary, workdir):
    folder = os.path.join(workdir, "large")
    os.makedirs(folder)
    write_files(folder, 1000, FLAGGED * 10)
    server = start(binary, folder)
    try:
        # $/cancelRequest right behind the request: answered at once, the run then stops.
        server.send({"jsonrpc": "2.0", "id": 2, "method": "workspace/diagnostic",
                     "params": {"previousResultIds": [], "workDoneToken": "w1"}})
        server.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 2}})
        messages = []
        while not (messages and messages[-1].get("params", {}).get("value", {}).get("kind")
                   == "end"):
            messages.append(receive(server))
        answers = [m for m in messages if m.get("id") == 2]
        expect(len(answers) == 1 and answers[0]["error"]["code"] == REQUEST_CANCELLED,
               "answered RequestCancelled: %s" % answers)
        expect(messages[0]["params"]["value"]["kind"] == "begin", "progress begins")
        expect(messages[-1] == progress("w1", {"kind": "end", "message": "cancelled"}),
               "progress ends as cancelled")
        reports = [m for m in messages if m.get("method") == "$/progress"
                   and m["params"]["value"]["kind"] == "report"]
        expect(len(reports) < 100, "the run stopped early (%d reports)" % len(reports))

        # The user cancels the progress: the run stops, ends its progress, then answers.
        server.send({"jsonrpc": "2.0", "id": 3, "method": "workspace/diagnostic",
                     "params": {"previousResultIds": [], "workDoneToken": 9}})
        server.send({"jsonrpc": "2.0", "method": "window/workDoneProgress/cancel",
                     "params": {"token": 9}})
        messages = []
        while not messages or messages[-1].get("id") != 3:
            messages.append(receive(server))
        expect(messages[0]["params"]["value"]["kind"] == "begin", "progress begins")
        expect(messages[-2] == progress(9, {"kind": "end", "message": "cancelled"}),
               "progress ends before the answer: %s" % messages[-2])
        expect(messages[-1]["error"]["code"] == REQUEST_CANCELLED,
               "answered RequestCancelled: %s" % messages[-1])

        # Still serving: a full run over a smaller folder answers every file.
        small = os.path.join(workdir, "batches")
        server.send({"jsonrpc": "2.0", "method": "workspace/didChangeWorkspaceFolders",
                     "params": {"event": {"added": [{"uri": "file://" + small, "name": "s"}],
                                          "removed": [{"uri": "file://" + folder, "name": "w"}]}}})
        server.send({"jsonrpc": "2.0", "id": 4, "method": "workspace/diagnostic",
                     "params": {"previousResultIds": []}})
        answer = receive(server)
        expect(answer.get("id") == 4, "answered: %s" % answer)
        expect(len(answer["result"]["items"]) == 80, "a later run reports all 80 files")
    finally:
        server.process.kill()


def main(binary):
    workdir = tempfile.mkdtemp(prefix="perfhint-workspace-")
    try:
        check_batches(binary, workdir)
        check_cancellation(binary, workdir)
    except AssertionError as error:
        print("FAILED: %s" % error)
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
