#!/usr/bin/env python3
"""Inputs at the edge: 5,000 nested parentheses, 5,000 nested blocks, a 1 MB line, a 20 MB file
and a document with a NUL character, through `perfhint check` and `perfhint server`.

Each must be handled without a crash and with the right answer: the CLI exits 0 or 1 with the
findings expected, the server answers a diagnostic pull for every document and still answers
`shutdown`. Times are printed, not judged (the benchmark is the place for speed).

Usage: large_inputs_test.py PERFHINT
"""
import json
import os
import subprocess
import sys
import tempfile
import time

FINDING = "x in [1, 2]"  # PH701 when it sits in a loop


def fail(step, detail):
    print(f"FAILED [{step}]: {detail}")
    sys.exit(1)


def inputs():
    """(name, text, expected PH701 count) for each edge case."""
    depth = 5000
    yield ("5,000 nested parentheses",
           "for x in xs:\n    y = " + "(" * depth + FINDING + ")" * depth + "\n", 1)
    lines = [" " * level + f"for x{level} in y:" for level in range(depth)]
    lines.append(" " * depth + "z = " + FINDING)
    yield ("5,000 nested blocks", "\n".join(lines) + "\n", 1)
    items = ", ".join(["1"] * (1024 * 1024 // 3))
    yield ("a 1 MB line", f"for x in xs:\n    y = x in [{items}]\n", 1)
    unit = "def f(xs):\n    total = 0\n    for x in xs:\n        total += x * 2\n    return total\n\n\n"
    tail = "for x in xs:\n    y = " + FINDING + "\n"
    yield ("a 20 MB file", unit * (20 * 1024 * 1024 // len(unit)) + tail, 1)


def check_cli(binary, name, text, expected):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "edge.py")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        started = time.time()
        result = subprocess.run([binary, "check", "--select", "PH701", "--output-format", "json",
                                 path], capture_output=True, text=True, check=False)
        elapsed = time.time() - started
    if result.returncode not in (0, 1):
        fail(f"check: {name}", f"exit status {result.returncode}: {result.stderr[-500:]}")
    found = len(json.loads(result.stdout))
    if found != expected:
        fail(f"check: {name}", f"{found} PH701 findings, expected {expected}")
    print(f"check, {name} ({len(text) / 1e6:.1f} MB): {found} findings in {elapsed:.2f} s")


class Server:
    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def reply(self, request_id):
        while True:
            length = None
            while True:
                line = self.process.stdout.readline()
                if not line:
                    fail("server", f"the server closed its output before replying to {request_id}")
                if line == b"\r\n":
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(self.process.stdout.read(length))
            if message.get("id") == request_id and "method" not in message:
                return message


def check_server(binary, cases):
    server = Server(binary)
    server.send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "capabilities": {"textDocument": {"diagnostic": {}}},
        "initializationOptions": {"select": ["PH701"]}}})
    server.reply(0)
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    for number, (name, text, expected) in enumerate(cases, 1):
        uri = f"file:///edge/doc{number}.py"
        started = time.time()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}})
        server.send({"jsonrpc": "2.0", "id": number, "method": "textDocument/diagnostic",
                     "params": {"textDocument": {"uri": uri}}})
        reply = server.reply(number)
        elapsed = time.time() - started
        items = reply.get("result", {}).get("items")
        if items is None or len(items) != expected:
            fail(f"server: {name}", f"expected {expected} diagnostics, got {str(reply)[:300]}")
        server.send({"jsonrpc": "2.0", "method": "textDocument/didClose",
                     "params": {"textDocument": {"uri": uri}}})
        print(f"server, {name}: open and pull in {elapsed:.2f} s")
    server.send({"jsonrpc": "2.0", "id": "bye", "method": "shutdown"})
    server.reply("bye")
    server.send({"jsonrpc": "2.0", "method": "exit"})
    status = server.process.wait(60)
    if status != 0:
        fail("server", f"exit status {status} after shutdown and exit")


def main(binary):
    cases = list(inputs())
    for name, text, expected in cases:
        check_cli(binary, name, text, expected)
    # A NUL character: the CLI reports such a file as binary (tests/cli); an editor may still
    # send one, and the server analyses the text around it.
    cases.append(("a NUL character", "x = 1\0\nfor x in xs:\n    y = " + FINDING + "\n", 1))
    check_server(binary, cases)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
