#!/usr/bin/env python3
"""Clients that misbehave: `perfhint server` over stdio must stay bounded and exit cleanly.

- one that sends 10,000 hover requests without reading a reply: the server stops reading once
  its queue of unsent replies is full (the client's writes then block), its memory stays bounded,
  and every reply arrives, in order, once the client reads;
- one that sends a 50 MB message: it is answered, and the server keeps serving;
- one that disconnects in the middle of a message, and one that vanishes without `exit`: the
  server exits by itself, with status 1 (no `shutdown` came first), within a few seconds.

Prints the figures it measured; fails with a message naming the step that went wrong.
"""
import fcntl
import json
import os
import select
import subprocess
import sys
import time

REQUESTS = 10_000
DOCUMENT = "for x in xs:\n    seen = x in [1, 2]\n"
MEMORY_LIMIT_KB = 100 * 1024
# Sanitizer builds reserve shadow memory and hold freed blocks: their RSS says nothing here.
CHECK_MEMORY = "--no-memory-check" not in sys.argv


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def fail(step, detail):
    print(f"FAILED [{step}]: {detail}")
    sys.exit(1)


class Client:
    def __init__(self, binary):
        self.server = subprocess.Popen(
            [binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)
        self.pending = b""

    def send(self, message):
        self.server.stdin.write(frame(message))
        self.server.stdin.flush()

    def receive(self, timeout=20):
        """One message, or None when none arrives before the timeout."""
        deadline = time.time() + timeout
        while True:
            header_end = self.pending.find(b"\r\n\r\n")
            if header_end >= 0:
                headers = self.pending[:header_end].decode()
                length = int(headers.split(":")[1])
                end = header_end + 4 + length
                if len(self.pending) >= end:
                    body = self.pending[header_end + 4:end]
                    self.pending = self.pending[end:]
                    return json.loads(body)
            remaining = deadline - time.time()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.server.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.server.stdout.fileno(), 1 << 16)
                if not chunk:
                    return None
                self.pending += chunk

    def initialize(self):
        self.send({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                   "params": {"capabilities": {}}})
        if (self.receive() or {}).get("id") != 0:
            fail("initialize", "no reply")
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def rss_kb(self):
        with open(f"/proc/{self.server.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def wait_exit(self, step, timeout=10):
        try:
            return self.server.wait(timeout)
        except subprocess.TimeoutExpired:
            self.server.kill()
            fail(step, f"the server did not exit within {timeout} s")


def unread_replies(binary):
    client = Client(binary)
    client.initialize()
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///w/a.py", "languageId": "python", "version": 1, "text": DOCUMENT}}})
    hover = lambda n: frame({"jsonrpc": "2.0", "id": n, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": "file:///w/a.py"}, "position": {"line": 1, "character": 19}}})

    stdin = client.server.stdin.fileno()
    fcntl.fcntl(stdin, fcntl.F_SETFL, fcntl.fcntl(stdin, fcntl.F_GETFL) | os.O_NONBLOCK)
    unsent = b"".join(hover(n) for n in range(1, REQUESTS + 1))
    total = len(unsent)
    stalled_since = None
    while unsent:
        try:
            unsent = unsent[os.write(stdin, unsent):]
            stalled_since = None
        except BlockingIOError:
            stalled_since = stalled_since or time.time()
            if time.time() - stalled_since > 2:
                break
            time.sleep(0.01)
    if not unsent:
        fail("backpressure", f"the server read all {REQUESTS} requests without any reply read")
    accepted = total - len(unsent)
    paused_rss = client.rss_kb()
    if CHECK_MEMORY and paused_rss > MEMORY_LIMIT_KB:
        fail("backpressure", f"server RSS {paused_rss} KiB while paused")

    # Now read: the server resumes, and every request gets its reply, in order.
    expected = 1
    while expected <= REQUESTS:
        if unsent:
            ready_to_write = select.select([], [stdin], [], 0)[1]
            if ready_to_write:
                try:
                    unsent = unsent[os.write(stdin, unsent):]
                except BlockingIOError:
                    pass
        message = client.receive(timeout=0.05 if unsent else 20)
        if message is None:
            if unsent:
                continue
            fail("backpressure", f"no reply for request {expected}")
        if "id" not in message:
            continue  # diagnostics
        if message["id"] != expected or "result" not in message:
            fail("backpressure", f"expected the reply to {expected}, got {message}")
        expected += 1
    final_rss = client.rss_kb()
    fcntl.fcntl(stdin, fcntl.F_SETFL, fcntl.fcntl(stdin, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    client.send({"jsonrpc": "2.0", "id": "bye", "method": "shutdown"})
    client.send({"jsonrpc": "2.0", "method": "exit"})
    if client.wait_exit("backpressure") != 0:
        fail("backpressure", "exit status after shutdown and exit is not 0")
    print(f"backpressure: {accepted} of {total} request bytes accepted while no reply was read; "
          f"RSS {paused_rss} KiB paused, {final_rss} KiB after {REQUESTS} replies")


def huge_message(binary):
    """50 MB is under the 64 MiB message limit: read, answered, and the server goes on."""
    client = Client(binary)
    client.initialize()
    padding = "x = 1\n" * (50 * 1024 * 1024 // 6)
    started = time.time()
    client.send({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": "file:///w/big.py"}, "position": {"line": 0, "character": 0},
        "padding": padding}})
    reply = client.receive()
    while reply is not None and "id" not in reply:
        reply = client.receive()  # a log message about the unknown document
    if not reply or reply.get("id") != 1 or reply.get("result", "missing") is not None:
        fail("50 MB message", f"expected a null hover for id 1, got {reply}")
    elapsed = time.time() - started
    peak_kb = client.rss_kb()
    client.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    reply = client.receive()
    if not reply or reply.get("id") != 2 or "result" not in reply:
        fail("50 MB message", f"the server stopped serving after it: {reply}")
    client.send({"jsonrpc": "2.0", "method": "exit"})
    client.wait_exit("50 MB message")
    print(f"50 MB message: answered in {elapsed:.2f} s, RSS {peak_kb} KiB after it; "
          "the server kept serving")


def disconnect_mid_message(binary):
    client = Client(binary)
    client.initialize()
    client.server.stdin.write(b'Content-Length: 100\r\n\r\n{"jsonrpc": "2.0", "id": 5, "me')
    client.server.stdin.close()
    status = client.wait_exit("disconnect mid-message")
    if status != 1:
        fail("disconnect mid-message", f"exit status {status}, expected 1")
    print("disconnect mid-message: exited with status 1")


def vanish(binary):
    client = Client(binary)
    client.initialize()
    client.server.stdin.close()
    client.server.stdout.close()
    status = client.wait_exit("vanished client")
    if status != 1:
        fail("vanished client", f"exit status {status}, expected 1")
    print("vanished client: exited with status 1")


def main(binary):
    unread_replies(binary)
    huge_message(binary)
    disconnect_mid_message(binary)
    vanish(binary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))  # [--no-memory-check]
