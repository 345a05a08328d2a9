#!/usr/bin/env python3
"""Serves a folder over HTTP on localhost for the demo and the tests.

Unlike `python3 -m http.server` it sends `Access-Control-Allow-Origin: *`
(so a page on another port can load the widget), `application/wasm` and
JavaScript module types, and no caching. Optional extra headers (a
Content-Security-Policy for a test page) come from `--header NAME:VALUE`.

    python3 scripts/serve.py DIR [--port 8080] [--header 'Content-Security-Policy: ...']
"""
import argparse
import functools
import http.server
import socketserver
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
    }
    extra_headers = []

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        for name, value in self.extra_headers:
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    verbose = False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--header", action="append", default=[],
                    help="an extra response header, NAME:VALUE")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    headers = []
    for h in a.header:
        name, _, value = h.partition(":")
        headers.append((name.strip(), value.strip()))
    handler = type("H", (Handler,), {"extra_headers": headers})
    handler = functools.partial(handler, directory=a.dir)
    with Server(("127.0.0.1", a.port), handler) as httpd:
        httpd.verbose = a.verbose
        print(f"Serving {a.dir} at http://127.0.0.1:{httpd.server_address[1]}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
