"""A real HTTP server on 127.0.0.1 that counts the requests it gets (no CKAN):
the SSRF tests of tokyo_validation prove "refused without connecting" with it.
Only loopback traffic: `routes` maps a path to (status, headers, body)."""
from __future__ import annotations

import http.server
import threading
from typing import Any, Optional


class CountingServer:
    def __init__(self, routes: Optional[dict[str, tuple[int, dict[str, str], bytes]]] = None):
        self.routes = routes or {}
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                outer.requests.append(self.path)
                status, headers, body = outer.routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

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

    def __enter__(self) -> "CountingServer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
