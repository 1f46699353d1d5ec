"""Fixtures for the document tests: a local HTTP server on 127.0.0.1 that stops itself."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class LocalSite:
    """Routes of a tiny web site: path -> (status, content type, body bytes, extra headers)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
        self.hang = threading.Event()  # set on teardown: a hanging request then ends
        self.requests: list[str] = []
        self.base = ""

    def add(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", status: int = 200, headers: dict[str, str] | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, content_type, data, dict(headers or {}))
        return self.base + path


@pytest.fixture
def local_site(monkeypatch):
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)  # talk to 127.0.0.1 directly, whatever the machine's proxy
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    site = LocalSite()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            site.requests.append(self.path)
            if self.path == "/hang":
                site.hang.wait(10)  # longer than any client timeout in the tests; released on teardown
                return
            if self.path == "/drip":  # headers at once, then a byte every 50 ms until teardown or 10 s
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "1000000")
                self.end_headers()
                for _ in range(200):
                    if site.hang.wait(0.05):
                        return
                    try:
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    except (BrokenPipeError, ConnectionResetError):
                        return
                return
            if self.path not in site.routes:
                self.send_error(404, "Not Found")
                return
            status, content_type, data, headers = site.routes[self.path]
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            headers = {"Content-Length": str(len(data)), **headers}
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.hang.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
