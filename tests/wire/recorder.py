"""A loopback HTTP server that records the request bodies SDKs send, and a guard that keeps tests on loopback."""
from __future__ import annotations

import gzip
import http.server
import ipaddress
import socket
import threading
from dataclasses import dataclass, field

# every SDK reads what it needs from this answer: Mixpanel's status, Amplitude's code, Segment's success
ANSWER = b'{"status": 1, "code": 200, "success": true}'


@dataclass
class Request:
    method: str
    target: str
    body: bytes

    def line(self) -> str:
        """The request as one line of a bodies file: the body of a POST, the target (path and query) of a GET."""
        text = self.body.decode("utf-8") if self.method == "POST" else self.target
        assert "\n" not in text, "a captured body spans several lines"
        return text


@dataclass
class Recorder:
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def lines(self) -> list[str]:
        with self.lock:
            return [r.line() for r in self.requests]


def start(recorder: Recorder) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def _record(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            with recorder.lock:
                recorder.requests.append(Request(self.command, self.path, body))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(ANSWER)))
            self.end_headers()
            self.wfile.write(ANSWER)

        do_POST = do_GET = _record

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def is_loopback(host: object) -> bool:
    if host in ("localhost", None):
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


class LoopbackOnly:
    """Refuses every connection and name look-up that is not loopback, and remembers what was refused."""

    def __init__(self, monkeypatch) -> None:
        self.refused: list[str] = []
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
        real_getaddrinfo = socket.getaddrinfo

        def check(address) -> None:
            host = address[0] if isinstance(address, tuple) else None
            if isinstance(address, tuple) and not is_loopback(host):
                self.refused.append(str(host))
                raise OSError(f"test network guard: connection to {host} refused (loopback only)")

        def connect(sock, address):
            check(address)
            return real_connect(sock, address)

        def connect_ex(sock, address):
            check(address)
            return real_connect_ex(sock, address)

        def getaddrinfo(host, *args, **kwargs):
            if not is_loopback(host):
                self.refused.append(str(host))
                raise socket.gaierror(f"test network guard: look-up of {host} refused (loopback only)")
            return real_getaddrinfo(host, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
