"""A scripted HTTP server on 127.0.0.1 for the web tests: no internet, ever.

    with WebServer() as site:
        site.page("/berita/1", html)                       # 200, text/html; charset=utf-8
        site.route("/sibuk", Reply(429, headers={"Retry-After": "0"}), Reply(200, b"ok"))
        site.url("/berita/1")                               # http://127.0.0.1:<port>/berita/1

A route answers with its replies in turn, repeating the last one. `requests` logs
(method, path, headers) of every request served, for checking what the client sent.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow server)
    content_type: str | None = "text/html; charset=utf-8"
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, list[Reply | Callable]] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server._serve(self)

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.handle_error = lambda request, address: None  # a client that hung up early
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "WebServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}{path}"

    def route(self, path: str, *replies: Reply | Callable) -> None:
        """Answer `path` (with its query, if given one) by these replies in turn."""
        self.routes[path] = list(replies)

    def page(self, path: str, body: bytes | str, **reply) -> None:
        self.route(path, Reply(200, body, **reply))

    def hits(self, path: str) -> list[dict[str, str]]:
        """Headers of the requests made for `path`."""
        return [headers for _, p, headers in self.requests if p == path]

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.requests.append((handler.command, path, {k.lower(): v for k, v in handler.headers.items()}))
            replies = self.routes.get(path) or self.routes.get(path.split("?")[0])
            reply = (replies.pop(0) if len(replies) > 1 else replies[0]) if replies else Reply(404, "tidak ditemukan")
        if callable(reply):
            reply = reply(handler)
        if reply.delay:
            time.sleep(reply.delay)
        body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
        try:
            handler.send_response(reply.status)
            if reply.content_type:
                handler.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if reply.send_length and "Content-Length" not in reply.headers:
                handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            for start in range(0, len(body), 65536):
                handler.wfile.write(body[start:start + 65536])
        except (BrokenPipeError, ConnectionResetError):
            pass


# --- the news sites of tests/fixtures/web -------------------------------------------------
FIXTURES = __import__("pathlib").Path(__file__).resolve().parent / "fixtures" / "web"
HTML = "text/html; charset=utf-8"
XML = "application/xml"

ANTARA = "/berita/3921/pemkot-medan-lindungi-12500-pekerja-rentan"
ANTARA_AMP = "/amp/berita/3921/pemkot-medan-lindungi-12500-pekerja-rentan"
LIPUTAN6 = "/regional/read/5521/pemprov-jambi-tanggung-iuran-8000-nelayan"
WORDPRESS = "/2024/02/20/disnaker-kaltara-gelar-sosialisasi-jamsostek/"
TRIBUN = "/2024/03/05/12500-pekerja-rentan-di-medan-kini-terlindungi"

NEWS_SITE = {  # path -> (fixture file, content type)
    ANTARA: ("antara_rilis.html", HTML),
    ANTARA_AMP: ("antara_rilis_amp.html", HTML),
    LIPUTAN6: ("liputan6_hal1.html", HTML),
    LIPUTAN6 + "?page=2": ("liputan6_hal2.html", HTML),
    WORDPRESS: ("wordpress_lama.html", HTML),
    "/rss": ("rss.xml", "application/rss+xml; charset=utf-8"),
    "/sitemap.xml": ("sitemap_index.xml", XML),
    "/sitemap-news.xml": ("sitemap_news.xml", XML),
    "/sitemap-2023.xml": ("sitemap_2023.xml", XML),
}


def fixture(name: str, server: WebServer) -> str:
    """A fixture file with {base} replaced by the server's address."""
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", server.url(""))


def serve(server: WebServer, routes: dict[str, tuple[str, str]]) -> WebServer:
    for path, (name, content_type) in routes.items():
        server.page(path, fixture(name, server), content_type=content_type)
    return server
