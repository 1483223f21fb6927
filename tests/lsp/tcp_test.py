#!/usr/bin/env python3
"""`perfhint server --port N` serves one client on 127.0.0.1: initialize, shutdown, exit 0; with
`--log-file` its log messages are also appended to that file."""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(binary):
    port = free_port()
    log = os.path.join(tempfile.mkdtemp(), "perfhint.log")
    server = subprocess.Popen([binary, "server", "--port", str(port), "--log-file", log])
    deadline = time.time() + 10
    while True:
        try:
            client = socket.create_connection(("127.0.0.1", port), timeout=10)
            break
        except OSError:
            if time.time() > deadline:
                server.kill()
                print("FAILED: the server did not listen on port %d" % port)
                return 1
            time.sleep(0.05)
    stream = client.makefile("rwb")

    def send(message):
        body = json.dumps(message).encode()
        stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stream.flush()

    def receive():
        length = None
        while True:
            line = stream.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(stream.read(length))

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    reply = receive()
    assert reply["id"] == 1 and reply["result"]["serverInfo"]["name"] == "perfhint", reply
    send({"jsonrpc": "2.0", "method": "custom/unknown", "params": {}})
    assert receive() == {"jsonrpc": "2.0", "method": "window/logMessage",
                         "params": {"type": 4, "message": "ignoring unknown notification custom/unknown"}}
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    assert receive() == {"jsonrpc": "2.0", "id": 2, "result": None}
    send({"jsonrpc": "2.0", "method": "exit"})
    status = server.wait(timeout=10)
    assert status == 0, "exit status %d" % status
    logged = open(log, encoding="utf-8").read()
    assert logged.endswith(" ignoring unknown notification custom/unknown\n"), logged
    print("tcp: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
