#!/usr/bin/env python3
"""`perfhint server --port N` serves one client on 127.0.0.1: initialize, shutdown, exit 0."""
import json
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(binary):
    port = free_port()
    server = subprocess.Popen([binary, "server", "--port", str(port)])
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
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    assert receive() == {"jsonrpc": "2.0", "id": 2, "result": None}
    send({"jsonrpc": "2.0", "method": "exit"})
    status = server.wait(timeout=10)
    assert status == 0, "exit status %d" % status
    print("tcp: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
