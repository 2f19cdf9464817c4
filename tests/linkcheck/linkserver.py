"""A real threaded HTTP server on a loopback address, with one endpoint per link outcome.

Used by the link-checker tests and by ``benchmarks/links_benchmark.py``. Every endpoint
counts its requests by method, so tests can prove that nothing was sent (the guard, the
cache) or that only headers were read (the 4 GiB body).
"""

from __future__ import annotations

import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

BIG_BODY = 4 * 1024**3  # 4 GiB announced and offered
DRIP_SECONDS = 30.0
BOMB_BYTES = 1024**3  # what the gzip bomb inflates to


@cache
def gzip_bomb() -> bytes:
    """About 1 MB of gzip that inflates to 1 GiB of zeros (built in chunks, never whole)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024**2)
    parts = [packer.compress(zeros) for _ in range(BOMB_BYTES // len(zeros))]
    return b"".join(parts) + packer.flush()


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512

    def __init__(self, host: str, latency: float = 0.0) -> None:
        super().__init__((host, 0), _Handler)
        self.latency = latency
        self.hits: Counter[tuple[str, str]] = Counter()
        self.body_bytes_sent = 0
        self.lock = threading.Lock()
        self.rate_limited_once: set[str] = set()
        self.headers_seen: list[dict[str, str]] = []

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def count(self, method: str, path: str) -> None:
        with self.lock:
            self.hits[(method, path)] += 1

    def requests_to(self, path: str) -> int:
        return sum(n for (_, p), n in self.hits.items() if p == path)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: LinkServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def _send(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET" and body:
            self.wfile.write(body)

    def _answer(self, method: str) -> None:
        path = self.path.split("?")[0]
        self.server.count(method, path)
        with self.server.lock:
            self.server.headers_seen.append(dict(self.headers.items()))
        if self.server.latency:
            time.sleep(self.server.latency)
        head, _, rest = path.strip("/").partition("/")
        handler = getattr(self, f"_route_{head.replace('-', '_')}", None)
        if handler is None:
            self._send(404, body=b"not found")
        else:
            handler(method, rest)

    # --- one method per endpoint -------------------------------------------------------

    def _route_(self, method: str, rest: str) -> None:  # the front page, "/"
        self._send(200, {"Content-Type": "text/html"}, b"<title>Home</title>")

    def _route_ok(self, method: str, rest: str) -> None:
        self._send(200, {"Content-Type": "text/html"}, b"<title>fine</title>")

    def _route_gone(self, method: str, rest: str) -> None:
        self._send(410)

    def _route_error(self, method: str, rest: str) -> None:
        self._send(500)

    def _route_moved(self, method: str, rest: str) -> None:
        self._send(301, {"Location": f"/ok/{rest}"})

    def _route_temporary(self, method: str, rest: str) -> None:
        self._send(302, {"Location": "/ok/temporary"})

    def _route_loop(self, method: str, rest: str) -> None:
        self._send(301, {"Location": "/loop/"})

    def _route_chain(self, method: str, rest: str) -> None:
        self._send(302, {"Location": f"/chain/{int(rest or 0) + 1}"})

    def _route_to_front(self, method: str, rest: str) -> None:
        self._send(301, {"Location": "/"})

    def _route_to_error_page(self, method: str, rest: str) -> None:
        self._send(302, {"Location": "/ok/404.html"})

    def _route_no_head(self, method: str, rest: str) -> None:
        self._send(405 if method == "HEAD" else 200)

    def _route_forbid_head(self, method: str, rest: str) -> None:
        self._send(403 if method == "HEAD" else 200)

    def _route_bot_wall(self, method: str, rest: str) -> None:
        self._send(403, {"cf-mitigated": "challenge", "Server": "cloudflare"})

    def _route_rate_limited(self, method: str, rest: str) -> None:
        with self.server.lock:
            first = self.path not in self.server.rate_limited_once
            self.server.rate_limited_once.add(self.path)
        if first:
            self._send(429, {"Retry-After": "1"})
        else:
            self._send(200)

    def _route_rate_limited_long(self, method: str, rest: str) -> None:
        self._send(429, {"Retry-After": "3600"})

    def _route_flaky(self, method: str, rest: str) -> None:
        """Down for its first two requests (a HEAD and the GET fallback), up afterwards."""
        self._send(503 if self.server.requests_to(self.path) <= 2 else 200)

    def _route_redirect(self, method: str, rest: str) -> None:
        self._send(302, {"Location": "http://" + rest})

    def _route_go(self, method: str, rest: str) -> None:
        """Redirect to whatever the rest of the path spells, percent-decoded."""
        self._send(302, {"Location": unquote(rest)})

    def _route_rate_limited_garbage(self, method: str, rest: str) -> None:
        self._send(429, {"Retry-After": unquote(rest) or "soon"})

    def _route_slow_body(self, method: str, rest: str) -> None:
        """Headers at once, then the body one byte every 0.2 s (for at most 20 s)."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass
        self.close_connection = True

    def _route_gzip_bomb(self, method: str, rest: str) -> None:
        """gzip whatever the client asked for (Accept-Encoding is ignored, as an attacker would)."""
        body = gzip_bomb()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            self.close_connection = True

    def _route_big(self, method: str, rest: str) -> None:
        if method == "HEAD":
            self._send(405)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(BIG_BODY))
        self.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(BIG_BODY // len(chunk)):
                self.wfile.write(chunk)
                with self.server.lock:
                    self.server.body_bytes_sent += len(chunk)
        except OSError:
            self.close_connection = True

    def _route_drip(self, method: str, rest: str) -> None:
        """Headers one line every 0.3 s for 30 s: every read succeeds, the answer never ends."""
        self.send_response(200)
        self.flush_headers()
        try:
            ends = time.monotonic() + DRIP_SECONDS
            while time.monotonic() < ends:
                self.wfile.write(b"X-Drip: 1\r\n")
                self.wfile.flush()
                time.sleep(0.3)
            self.wfile.write(b"Content-Length: 0\r\n\r\n")
        except OSError:
            pass
        self.close_connection = True


@contextmanager
def serving(host: str = "127.0.0.1", latency: float = 0.0) -> Iterator[LinkServer]:
    server = LinkServer(host, latency)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
