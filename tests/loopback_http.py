"""A real HTTP server on 127.0.0.1 that counts the requests it gets (no CKAN):
the SSRF tests of tokyo_validation prove "refused without connecting" with it.
Only loopback traffic: `routes` maps a path to (status, headers, body);
`handler(method, path, body)` answers GETs and POSTs `routes` does not name
(the importer's tests serve a small CKAN Action API with it)."""
from __future__ import annotations

import http.server
import threading
from typing import Any, Callable, Optional

Route = tuple[int, dict[str, str], bytes]


class CountingServer:
    def __init__(self, routes: Optional[dict[str, Route]] = None,
                 handler: Optional[Callable[[str, str, bytes], Route]] = None):
        self.routes = routes or {}
        self.handler = handler
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def answer(self, sent: bytes) -> None:
                outer.requests.append(self.path)
                if self.path not in outer.routes and outer.handler:
                    status, headers, body = outer.handler(self.command, self.path, sent)
                else:
                    status, headers, body = outer.routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                self.answer(b"")

            def do_POST(self):  # noqa: N802
                self.answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> CountingServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
