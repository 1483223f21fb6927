#!/usr/bin/env python3
"""Replays one LSP transcript against `perfhint server` over pipes and checks every reply exactly.

A transcript is a list of blocks, each starting with a marker at the start of a line:
  --> JSON        a message the client sends (the JSON may span several lines)
  --> raw: TEXT   bytes sent as they are, with \\r \\n \\\\ \\xHH escapes (for framing errors)
  <-- JSON        the next message the server must send, compared exactly: same keys, same
                  values, except that the string "<any>" matches any value, "<prefix>TEXT"
                  any string that starts with TEXT, and "<id>" the id of the last request the
                  server sent (to answer it with `--> ` and "<id>")
  exit N          the server must exit with status N
  write PATH      writes the lines that follow to PATH under a scratch directory (for
                  configuration files); blank lines and # lines are dropped, as everywhere
Everywhere, $WORKDIR stands for that scratch directory (created per run, removed after).
Lines starting with # are comments. Server messages `window/logMessage` and `$/logTrace` are
skipped unless the next expected message is one of them.
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 10
NOISE = {"window/logMessage", "$/logTrace"}


def parse_blocks(text):
    blocks = []
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("--> ") or line.startswith("<-- ") or line.startswith("exit "):
            blocks.append([line[:4].strip(), line[4:] if not line.startswith("exit") else line[5:]])
        elif line.startswith("write "):
            blocks.append(["write", line[6:]])
        elif blocks and line.strip():
            blocks[-1][1] += "\n" + line
    return blocks


def unescape(text):
    """\\r, \\n, \\\\ and \\xHH escapes to bytes."""
    out = bytearray()
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            code = text[i + 1]
            if code == "x":
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
            out += {"r": b"\r", "n": b"\n", "\\": b"\\"}[code]
            i += 2
            continue
        out += text[i].encode()
        i += 1
    return bytes(out)


class Server:
    def __init__(self, binary):
        # Hover quotes the user's own `perfhint measure` figures from the cache directory: none
        # of the person running the tests may show up in the replies.
        # The server only reads there, so a directory that does not exist will do.
        no_cache = os.path.join(tempfile.gettempdir(), "perfhint-no-cache-%d" % os.getpid())
        env = dict(os.environ, XDG_CACHE_HOME=no_cache)
        self.process = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.buffer = b""

    def send_bytes(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _fill(self):
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT_SECONDS)
        if not ready:
            raise AssertionError("timed out waiting for the server")
        chunk = os.read(self.process.stdout.fileno(), 65536)
        if not chunk:
            raise AssertionError("the server closed its output")
        self.buffer += chunk

    def receive(self):
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        header, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        length = None
        for line in header.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise AssertionError("reply without Content-Length: %r" % header)
        while len(self.buffer) < length:
            self._fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return json.loads(body)


def matches(expected, actual, context):
    if expected == "<any>":
        return True
    if expected == "<id>":
        return actual == context.get("id")
    if isinstance(expected, str) and expected.startswith("<prefix>"):
        return isinstance(actual, str) and actual.startswith(expected[len("<prefix>"):])
    if isinstance(expected, dict):
        return (isinstance(actual, dict) and expected.keys() == actual.keys()
                and all(matches(expected[k], actual[k], context) for k in expected))
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(expected) == len(actual)
                and all(matches(e, a, context) for e, a in zip(expected, actual)))
    return expected == actual and type(expected) == type(actual)


def substitute(value, context):
    if value == "<id>":
        return context.get("id")
    if isinstance(value, dict):
        return {k: substitute(v, context) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, context) for v in value]
    return value


def run(binary, path):
    workdir = tempfile.mkdtemp(prefix="perfhint-lsp-")
    try:
        return run_in(binary, path, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_in(binary, path, workdir):
    server = Server(binary)
    context = {}
    try:
        text = open(path, encoding="utf-8").read().replace("$WORKDIR", workdir)
        for kind, payload in parse_blocks(text):
            if kind == "write":
                name, _, content = payload.partition("\n")
                target = os.path.join(workdir, name)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w", encoding="utf-8") as out:
                    out.write(content + "\n")
            elif kind == "-->":
                if payload.startswith("raw: "):
                    server.send_bytes(unescape(payload[5:]))
                else:
                    server.send(substitute(json.loads(payload), context))
            elif kind == "<--":
                expected = json.loads(payload)
                while True:
                    actual = server.receive()
                    if actual.get("method") in NOISE and expected.get("method") != actual.get("method"):
                        continue
                    break
                if "method" in actual and "id" in actual:
                    context["id"] = actual["id"]
                if not matches(expected, actual, context):
                    raise AssertionError("unexpected reply\nexpected: %s\nactual:   %s"
                                         % (json.dumps(expected, sort_keys=True),
                                            json.dumps(actual, sort_keys=True)))
            elif kind == "exit":
                status = server.process.wait(timeout=TIMEOUT_SECONDS)
                if status != int(payload):
                    raise AssertionError("exit status %d, expected %s" % (status, payload))
    except Exception as error:
        server.process.kill()
        print("%s: FAILED: %s" % (os.path.basename(path), error))
        stderr = server.process.stderr.read().decode(errors="replace")
        if stderr:
            print("server stderr:\n" + stderr)
        return 1
    server.process.kill()
    print("%s: passed" % os.path.basename(path))
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2]))
