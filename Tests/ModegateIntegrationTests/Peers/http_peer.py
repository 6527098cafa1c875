"""A plain HTTP(S) server on 127.0.0.1 for the HTTP client's tests. Paths:

  /echo            answers JSON: the method, the request's headers and the body's length
  /delay/SECONDS   answers "late" after SECONDS
  /delays          JSON: how many /delay answers are under way and how many were sent
  /stream          a server-sent-event stream: one event, then silence until a client asks for
                   /release (at most 30 s), a second event that says which ended the wait, end
  /silent          sends its head, then nothing for 60 s
  /status/CODE     answers CODE with a short body

Usage: http_peer.py PORT [CERT_PEM KEY_PEM]   (with a certificate it speaks HTTPS only)
"""
import json
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

released = threading.Event()
delays = {"running": 0, "answered": 0}
delays_lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        sys.stderr.write("http_peer: " + (format % args) + "\n")

    def reply(self, status, body, content_type="text/plain", headers=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length) if length else b""
        parts = self.path.strip("/").split("/")
        if parts[0] == "echo":
            payload = {"method": self.command, "headers": {k.lower(): v for k, v in self.headers.items()}, "body_bytes": len(body)}
            self.reply(200, json.dumps(payload), "application/json", {"X-Peer": "echo"})
        elif parts[0] == "delay":
            with delays_lock:
                delays["running"] += 1
            time.sleep(float(parts[1]))
            with delays_lock:
                delays["running"] -= 1
            try:
                self.reply(200, "late")
                with delays_lock:
                    delays["answered"] += 1
            except OSError:
                pass  # the client went away: nothing was answered
        elif parts[0] == "delays":
            with delays_lock:
                self.reply(200, json.dumps(delays), "application/json")
        elif parts[0] == "release":
            released.set()
            self.reply(200, "released")
        elif parts[0] == "stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"event: message\ndata: one\n\n")
            self.wfile.flush()
            released.clear()
            how = "released" if released.wait(30) else "timed out"
            self.wfile.write(("data: two (%s)\n\n" % how).encode())
            self.wfile.flush()
            self.close_connection = True
        elif parts[0] == "silent":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "10")
            self.end_headers()
            self.wfile.flush()
            time.sleep(60)
        elif parts[0] == "status":
            self.reply(int(parts[1]), "status " + parts[1])
        else:
            self.reply(404, "no such path")

    do_GET = handle_any
    do_POST = handle_any
    do_DELETE = handle_any


# The default listen backlog (5) drops the connections of many requests at once, which then
# wait for TCP's SYN retries (1 s, 3 s, …).
ThreadingHTTPServer.request_queue_size = 128
server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
server.daemon_threads = True
if len(sys.argv) > 3:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[2], sys.argv[3])
    server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
