#!/usr/bin/env python3
"""Soak test: one `perfhint server`, many open documents, thousands of random incremental edits
with hover, code action and pull-diagnostic requests in between, and random cancellations.

Checks, and fails with a message on the first violation:
- every reply is well-formed JSON-RPC for a request we sent: a result, or an error that is a
  cancellation (-32800) or "content modified" (-32801);
- at the end, each document's diagnostics pulled from the server equal those `perfhint check`
  reports for the client's copy of the text (so the server's text equals the client's: every
  document is built from code full of findings, so a lost or misplaced edit shows);
- the server's resident memory does not grow after the first quarter of the edits beyond a small
  allowance for the allocator.

Prints the figures: edits, requests, cancellations, wall time, and RSS at each quarter.

Usage: soak_test.py PERFHINT [--documents N] [--edits N] [--seed N] [--no-memory-check]
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
MARK = re.compile(r"^#\s+\^+ PH\d+.*$", re.MULTILINE)
ALLOWED_ERRORS = {-32800, -32801}
RSS_ALLOWANCE_KB = 4 * 1024
MAX_LINES = 250


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def to_utf16_column(line, column):
    return utf16_length(line[:column])


def from_utf16_column(line, units):
    """The code point index of a UTF-16 column (never inside a surrogate pair)."""
    count = 0
    for index, char in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line)


class Server:
    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.lock = threading.Lock()
        self.replies = {}
        self.arrived = threading.Condition(self.lock)
        self.problem = None
        self.reader = threading.Thread(target=self.read_loop, daemon=True)
        self.reader.start()

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def flush(self):
        self.process.stdin.flush()

    def read_loop(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line == b"\r\n":
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            try:
                message = json.loads(stream.read(length))
            except (TypeError, ValueError) as error:
                self.problem = f"unreadable message from the server: {error}"
                return
            if "id" in message and "method" not in message:
                with self.lock:
                    self.replies[message["id"]] = message
                    self.arrived.notify_all()

    def wait_for(self, ids, timeout=60):
        deadline = time.time() + timeout
        with self.lock:
            while not all(i in self.replies for i in ids):
                if self.problem:
                    fail(self.problem)
                if not self.arrived.wait(max(0.0, deadline - time.time())):
                    missing = [i for i in ids if i not in self.replies][:5]
                    fail(f"no reply within {timeout} s to requests {missing}")
            return [self.replies[i] for i in ids]

    def rss_kb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def fixture_texts():
    texts = []
    for name in sorted(os.listdir(FIXTURES)):
        if name.endswith(".py") and not name.endswith(".fixed.py"):
            with open(os.path.join(FIXTURES, name), encoding="utf-8") as source:
                texts.append(MARK.sub("", source.read()))
    return texts


def random_edit(rng, lines, snippets):
    """A random range of the document and its replacement, as code point positions."""
    start_line = rng.randrange(len(lines))
    start_column = rng.randint(0, len(lines[start_line]))
    end_line = min(len(lines) - 1, start_line + rng.choice([0, 0, 0, 1, 2]))
    end_column = rng.randint(0, len(lines[end_line]))
    if end_line == start_line and end_column < start_column:
        start_column, end_column = end_column, start_column
    choice = rng.random()
    if choice < 0.3 and len(lines) > MAX_LINES:
        # Whole lines out, so that documents keep a steady size and memory can be compared.
        last = min(len(lines) - 1, start_line + rng.randint(1, 8))
        return (start_line, 0, last, 0, "")
    if choice < 0.3:
        # Whole lines of code full of findings, at a line start: keeps the documents rich in
        # findings however much the other edits break them.
        snippet = rng.choice(snippets).split("\n")
        first = rng.randrange(len(snippet))
        text = "\n".join(snippet[first:first + rng.randint(1, 8)]) + "\n"
        return (start_line, 0, start_line, 0, text)
    if choice < 0.55:
        text = rng.choice(["x", " ", "(", ")", ":", "\n", "    ", "in ", "for ", "é", "😀", "#"])
    elif choice < 0.75:
        text = ""
    else:
        snippet = rng.choice(snippets)
        text = snippet[: rng.randint(1, min(len(snippet), 120))]
    return (start_line, start_column, end_line, end_column, text)


def apply_edit(lines, edit):
    start_line, start_column, end_line, end_column, text = edit
    before = lines[start_line][:start_column]
    after = lines[end_line][end_column:]
    lines[start_line:end_line + 1] = (before + text + after).split("\n")


def check_reply(reply, kind):
    if reply.get("jsonrpc") != "2.0":
        fail(f"{kind}: not JSON-RPC 2.0: {reply}")
    if "error" in reply:
        if reply["error"].get("code") not in ALLOWED_ERRORS:
            fail(f"{kind}: unexpected error {reply['error']}")
    elif "result" not in reply:
        fail(f"{kind}: neither result nor error: {reply}")


def diagnostics_from_cli(binary, text):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as file:
        file.write(text)
    try:
        result = subprocess.run([binary, "check", "--output-format", "json", "--exit-zero",
                                 file.name], capture_output=True, text=True, check=False)
    finally:
        os.unlink(file.name)
    if result.returncode != 0:
        fail(f"perfhint check failed: {result.stderr}")
    lines = text.split("\n")
    found = []
    for finding in json.loads(result.stdout):
        row = finding["location"]["row"] - 1
        column = to_utf16_column(lines[row], finding["location"]["column"] - 1)
        found.append((finding["code"], row, column, finding["message"]))
    return sorted(found)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("perfhint")
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--edits", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-memory-check", action="store_true",
                        help="print RSS but do not judge it (sanitizer builds hold freed memory)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    snippets = fixture_texts()

    server = Server(args.perfhint)
    server.send({"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": {
        "capabilities": {"textDocument": {"diagnostic": {"dynamicRegistration": False}}},
        "initializationOptions": {"debounceMs": 0}}})
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    documents = []
    for number in range(args.documents):
        text = snippets[number % len(snippets)]
        uri = f"file:///soak/doc{number}.py"
        documents.append({"uri": uri, "lines": text.split("\n"), "version": 1})
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}})
    server.flush()
    server.wait_for(["init"])

    started = time.time()
    requests = {}  # id -> kind
    cancelled = 0
    next_id = 1
    rss = []
    for edit_number in range(1, args.edits + 1):
        document = rng.choice(documents)
        lines = document["lines"]
        edit = random_edit(rng, lines, snippets)
        start_line, start_column, end_line, end_column, text = edit
        change = {"range": {
            "start": {"line": start_line,
                      "character": to_utf16_column(lines[start_line], start_column)},
            "end": {"line": end_line, "character": to_utf16_column(lines[end_line], end_column)}},
            "text": text}
        apply_edit(lines, edit)
        document["version"] += 1
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": document["uri"], "version": document["version"]},
            "contentChanges": [change]}})

        if rng.random() < 0.3:
            target = rng.choice(documents)
            line = rng.randrange(len(target["lines"]))
            character = to_utf16_column(target["lines"][line],
                                        rng.randint(0, len(target["lines"][line])))
            position = {"line": line, "character": character}
            kind = rng.choice(["textDocument/hover", "textDocument/codeAction",
                               "textDocument/diagnostic"])
            params = {"textDocument": {"uri": target["uri"]}}
            if kind == "textDocument/hover":
                params["position"] = position
            elif kind == "textDocument/codeAction":
                params["range"] = {"start": position, "end": position}
                params["context"] = {"diagnostics": []}
            server.send({"jsonrpc": "2.0", "id": next_id, "method": kind, "params": params})
            requests[next_id] = kind
            if rng.random() < 0.2:
                server.send({"jsonrpc": "2.0", "method": "$/cancelRequest",
                             "params": {"id": rng.randint(max(1, next_id - 5), next_id)}})
                cancelled += 1
            next_id += 1
        if edit_number % 50 == 0:
            server.flush()
        if edit_number % (args.edits // 4) == 0:
            server.flush()
            server.wait_for(list(requests))  # settle before measuring
            rss.append(server.rss_kb())
    server.flush()

    for request_id, reply in zip(requests, server.wait_for(list(requests))):
        check_reply(reply, requests[request_id])

    # Final state: the server's diagnostics for each document equal the CLI's for the client's text.
    pulls = {}
    for document in documents:
        server.send({"jsonrpc": "2.0", "id": f"final-{document['uri']}",
                     "method": "textDocument/diagnostic",
                     "params": {"textDocument": {"uri": document["uri"]}}})
        pulls[document["uri"]] = f"final-{document['uri']}"
    server.flush()
    replies = server.wait_for(list(pulls.values()))
    for document, reply in zip(documents, replies):
        check_reply(reply, "final diagnostic")
        if "result" not in reply:
            fail(f"final diagnostics of {document['uri']} were not computed: {reply}")
        served = sorted((item["code"], item["range"]["start"]["line"],
                         item["range"]["start"]["character"], item["message"])
                        for item in reply["result"]["items"])
        expected = diagnostics_from_cli(args.perfhint, "\n".join(document["lines"]))
        if served != expected:
            fail(f"{document['uri']}: the server's diagnostics differ from the client's text:\n"
                 f"  server: {served[:5]}\n  client: {expected[:5]}")
    elapsed = time.time() - started

    server.send({"jsonrpc": "2.0", "id": "bye", "method": "shutdown"})
    server.send({"jsonrpc": "2.0", "method": "exit"})
    server.flush()
    status = server.process.wait(20)
    if status != 0:
        fail(f"exit status {status} after shutdown and exit")

    findings = sum(len(r["result"]["items"]) for r in replies)
    print(f"soak: {args.documents} documents, {args.edits} edits, {len(requests)} requests, "
          f"{cancelled} cancellations, {elapsed:.1f} s; {findings} findings at the end, equal "
          f"to the CLI's; RSS by quarter: {', '.join(f'{kb / 1024:.1f} MiB' for kb in rss)}")
    if not args.no_memory_check and rss and max(rss[1:], default=0) > rss[0] + RSS_ALLOWANCE_KB:
        fail(f"RSS grew after the first quarter: {rss} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
