"""A real HTTP server on 127.0.0.1 for feed tests: fixture files, and the ways remote sites misbehave.

Routes:
  /files/<name>        a file from the server's directory (a copy of tests/fixtures/feeds; tests may
                       change it), with "{{BASE}}" replaced by the server's own address
  /images/<name>.png   a small generated picture
  /huge                3 MB without a Content-Length (the size shows only while streaming)
  /huge-declared       a Content-Length of 3 MB, announced up front
  /slow                answers after 3 seconds
  /drip                headers at once, then one byte every 0.2 s for a minute
  /redirect?to=<url>   302 to <url>
  /redirect-loop       302 to itself
  /status/<code>       that status, empty
  /page?<name>=<value> an HTML page with these response headers
"""

import io
import shutil
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from PIL import Image as PILImage

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
TYPES = {".rss": "application/rss+xml", ".atom": "application/atom+xml", ".ics": "text/calendar; charset=utf-8"}


def png(colour=(30, 110, 160), size=(640, 360)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


class Handler(BaseHTTPRequestHandler):
    server: "FeedServer"

    def log_message(self, *args):
        pass

    def send(self, status: int, body: bytes = b"", content_type: str = "text/plain", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path, query = urlsplit(self.path).path, urlsplit(self.path).query
        self.server.requests[path] += 1
        try:
            self.route(path, dict(parse_qsl(query)), parse_qsl(query))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher gave up on us, as it should

    def route(self, path: str, query: dict, pairs: list):
        base = self.server.url
        if path.startswith("/files/"):
            file = self.server.directory / path.removeprefix("/files/")
            if not file.is_file():
                return self.send(404)
            body = file.read_bytes().replace(b"{{BASE}}", base.encode())
            return self.send(200, body, TYPES.get(file.suffix, "text/html; charset=utf-8"))
        if path.startswith("/images/"):
            return self.send(200, png(), "image/png")
        if path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(3 * 16):
                self.wfile.write(b"<!-- filler -->" * 4096 + b"\n")
            return None
        if path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(3_000_000))
            self.end_headers()
            return None
        if path == "/slow":
            time.sleep(3)
            return self.send(200, (FIXTURES / "news.rss").read_bytes(), TYPES[".rss"])
        if path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(300):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
            return None
        if path == "/redirect":
            return self.send(302, headers=[("Location", query["to"])])
        if path == "/redirect-loop":
            return self.send(302, headers=[("Location", "/redirect-loop")])
        if path.startswith("/status/"):
            return self.send(int(path.removeprefix("/status/")))
        if path == "/page":
            return self.send(200, b"<!doctype html><title>Page</title><h1>A page</h1>", "text/html", pairs)
        return self.send(404)


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self.directory = Path(tempfile.mkdtemp(prefix="feed-fixtures-"))
        shutil.copytree(FIXTURES, self.directory, dirs_exist_ok=True)
        self.requests: Counter = Counter()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def file_url(self, name: str) -> str:
        return f"{self.url}/files/{name}"

    def write(self, name: str, text: str) -> str:
        """Put (or change) a file the server serves; returns its address."""
        (self.directory / name).write_text(text)
        return self.file_url(name)

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        shutil.rmtree(self.directory, ignore_errors=True)
