"""A simulated day of play in Chromium: does the screen client leak memory or DOM nodes?

Serves the client from a local HTTP server, answers its WebSocket in the page (Playwright's
WebSocket routing: welcome, a manifest of three image slides, heartbeat and proof-of-play acks),
installs a fake clock, and runs 24 simulated hours of play in steps of one hour. After each step it
collects garbage and reads the JS heap and the DOM node count through the DevTools protocol.

    python bench/longrun.py [--hours 24] [--slide-seconds 10]
"""

import argparse
import functools
import http.server
import io
import json
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def site(directory: Path) -> None:
    """/screen/ is the client; /media/ holds three images."""
    (directory / "screen").symlink_to(ROOT / "frontend")
    media = directory / "media"
    media.mkdir()
    for n, colour in enumerate([(20, 70, 120), (120, 60, 20), (30, 110, 60)]):
        buffer = io.BytesIO()
        Image.new("RGB", (1920, 1080), colour).save(buffer, format="JPEG")
        (media / f"slide-{n}.jpg").write_bytes(buffer.getvalue())


def manifest(slide_seconds: int) -> dict:
    slides = [
        {
            "id": n + 1,
            "type": "image_text",
            "title": f"Slide {n}",
            "duration": slide_seconds,
            "heading": f"Slide {n}",
            "text_html": "<p>A day of play.</p>",
            "image": {"url": f"/media/slide-{n}.jpg", "width": 1920, "height": 1080, "alt": ""},
        }
        for n in range(3)
    ]
    layout = {"key": "full", "columns": "1fr", "rows": "1fr", "areas": ["main"], "regions": [{"name": "main", "playlists": [1]}]}
    playlist = {"id": 1, "title": "Day", "version": "day", "slides": slides}
    return {"version": "longrun", "layout": layout, "playlists": {"1": playlist}}


def fake_server(socket, body: dict) -> None:
    def on_message(text):
        message = json.loads(text)
        if message["type"] == "hello":
            socket.send(json.dumps({"type": "welcome", "screen": {"id": 1, "name": "Bench", "location": "Here"}}))
            socket.send(json.dumps({"type": "manifest", "manifest": body}))
        elif message["type"] == "heartbeat":
            socket.send(json.dumps({"type": "heartbeat.ack"}))
        elif message["type"] == "played":
            socket.send(json.dumps({"type": "played.ack", "ids": [e["id"] for e in message["events"]]}))

    socket.on_message(on_message)


def measure(page, cdp) -> tuple[float, int]:
    cdp.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["JSHeapUsedSize"] / 2**20, int(metrics["Nodes"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--slide-seconds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        site(Path(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=directory))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}/screen/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1920, "height": 1080})
            context.add_init_script("localStorage.setItem('infoscreen.token', 'bench-token')")
            page = context.new_page()
            page.clock.install()
            page.route_web_socket("**/ws/screen/", lambda ws: fake_server(ws, manifest(args.slide_seconds)))
            page.goto(url)
            page.clock.run_for(10_000)  # first connect and first slide
            page.wait_for_selector(".slide[data-state='current']")
            cdp = context.new_cdp_session(page)
            cdp.send("Performance.enable")
            page.clock.run_for(3_600_000)  # one hour to settle before the baseline
            heap0, nodes0 = measure(page, cdp)
            print(f"hour 1: heap {heap0:.2f} MiB, {nodes0} DOM nodes", flush=True)
            for hour in range(2, args.hours + 1):
                page.clock.run_for(3_600_000)
                heap, nodes = measure(page, cdp)
                print(f"hour {hour}: heap {heap:.2f} MiB, {nodes} DOM nodes", flush=True)
            shown = page.evaluate("document.querySelectorAll('.slide').length")
            browser.close()
        server.shutdown()
    growth = (heap - heap0) / heap0 * 100
    print(f"after {args.hours} simulated hours: heap {heap0:.2f} → {heap:.2f} MiB ({growth:+.1f} %), "
          f"DOM nodes {nodes0} → {nodes}, slides in the DOM at the end: {shown}")
    sys.exit(0)


if __name__ == "__main__":
    main()
