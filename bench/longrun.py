"""A simulated day of play in Chromium: does the screen client leak memory or DOM nodes?

The client is served from a local HTTP server (with its service worker: 127.0.0.1 is a secure
context) and plays a playlist of five 1920×1080 image slides with cross-fades. Its WebSocket ends
in a fake server inside the page (bench/fake_screen_server.js), which answers as the real one
does, so status reports go out and proof-of-play batches are acknowledged. Every few simulated
hours the fake server pushes a new edition of the playlist (new texts, one new image), as an
editor's publish would.

Time is Playwright's fake clock, paused: the bench advances it one slide at a time, then waits in
real time until the next slide is on screen with its image decoded, so simulated time never runs
ahead of the real work (loading, decoding, the service worker). Every simulated hour, at a slide
boundary (the outgoing slide still fading), it forces two full garbage collections through the
DevTools protocol and reads the JS heap, Blink's heap and the DOM node count.

    python bench/longrun.py [--hours 24] [--slide-seconds 10] [--publish-hours 4] [--snapshots]
"""

import argparse
import functools
import http.server
import io
import json
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import heapsnapshot  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SLIDES = 5
IMAGES = 6  # each edition uses five of them, so a publish swaps one image for another
START = datetime.fromisoformat("2026-11-23T06:00:00+01:00")
FIRST_CONNECT_MS = 3_500  # the client's random first-connect delay (at most 3 s) and the handshake
HOUR_MS = 3_600_000
MIB = 2**20


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def site(directory: Path) -> None:
    """/screen/ is the client; /media/ holds the slide images."""
    (directory / "screen").symlink_to(ROOT / "frontend")
    media = directory / "media"
    media.mkdir()
    for n in range(IMAGES):
        image = Image.linear_gradient("L").resize((1920, 1080)).convert("RGB")
        ImageDraw.Draw(image).ellipse((200 * n, 100, 200 * n + 800, 900), fill=(40 * n, 120, 200 - 30 * n))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=85)
        (media / f"image-{n}.jpg").write_bytes(buffer.getvalue())


def edition(number: int, slide_seconds: int) -> dict:
    """The manifest of the playlist's `number`th publish, shaped as screens/layouts/manifest.py builds it."""
    slides = []
    for n in range(SLIDES):
        url = f"/media/image-{(number + n) % IMAGES}.jpg"
        slides.append(
            {
                "id": n + 1,
                "type": "image_text",
                "title": f"Slide {n + 1}",
                "duration": slide_seconds,
                "heading": f"Edition {number}, slide {n + 1}",
                "text_html": f"<p>Opening hours, events and news, edition {number}.</p>",
                "image": {"url": url, "width": 1920, "height": 1080, "alt": ""},
                "media": [{"url": url, "kind": "image"}],
            }
        )
    layout = {
        "key": "full",
        "columns": "1fr",
        "rows": "1fr",
        "areas": ["main"],
        "regions": [{"name": "main", "playlists": [1]}],
    }
    playlist = {"id": 1, "title": "Lobby", "version": f"lobby-{number}", "slides": slides}
    return {"version": f"edition-{number}", "layout": layout, "playlists": {"1": playlist}}


@dataclass
class Sample:
    at_ms: int
    js_heap: float  # MiB, V8 heap in use after full GCs
    blink_heap: float  # MiB, Blink's (DOM) heap in use after full GCs
    nodes: int  # DOM nodes alive, attached or not
    listeners: int


def measure(cdp, at_ms: int) -> Sample:
    for _ in range(2):  # the second collects what the first's finalisers let go
        cdp.send("HeapProfiler.collectGarbage")
    usage = cdp.send("Runtime.getHeapUsage")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return Sample(
        at_ms,
        usage["usedSize"] / MIB,
        usage.get("embedderHeapUsedSize", 0) / MIB,
        int(metrics["Nodes"]),
        int(metrics["JSEventListeners"]),
    )


class Screen:
    """The page, its fake clock and the slide it should be showing."""

    def __init__(self, page, slide_seconds: int, acks_played: bool):
        self.page = page
        self.slide_seconds = slide_seconds
        self.acks_played = acks_played
        self.elapsed_ms = 0
        self.number = 0
        self.manifest = edition(0, slide_seconds)
        self.position = 0

    def run_for(self, ms: int) -> None:
        self.page.clock.run_for(ms)
        self.elapsed_ms += ms

    def wait_for_current(self) -> None:
        slide = self.manifest["playlists"]["1"]["slides"][self.position]
        heading = json.dumps(slide["heading"])
        # A locator, not wait_for_selector: the element handle that returns would keep every slide alive.
        self.page.locator(
            f".slide[data-state='current'][data-slide-id='{slide['id']}'] h1:text-is({heading})"
        ).wait_for()

    def start(self) -> None:
        self.page.evaluate(
            "([manifest, acks]) => { benchServer.manifest = manifest; benchServer.acksPlayed = acks; }",
            [self.manifest, self.acks_played],
        )
        self.run_for(FIRST_CONNECT_MS)
        self.wait_for_current()

    def next_slide(self) -> None:
        self.run_for(self.slide_seconds * 1000)
        self.position = (self.position + 1) % SLIDES
        self.wait_for_current()

    def publish(self) -> None:
        self.number += 1
        self.manifest = edition(self.number, self.slide_seconds)
        self.page.evaluate("manifest => benchServer.publish(manifest)", self.manifest)
        self.run_for(100)  # the push's latency; the new edition starts from its first slide
        self.position = 0
        self.wait_for_current()


def play(page, cdp, args) -> tuple[list[Sample], dict]:
    """Plays `args.hours` simulated hours; samples after the first full cycle, then hourly."""
    began = time.monotonic()
    screen = Screen(page, args.slide_seconds, not args.no_acks)
    screen.start()
    for _ in range(SLIDES):
        screen.next_slide()
    samples = [measure(cdp, screen.elapsed_ms)]
    snapshots = {}
    publish_every = args.publish_hours * HOUR_MS
    next_publish = publish_every // 2 if publish_every else None  # away from the hourly samples
    for hour in range(1, args.hours + 1):
        while screen.elapsed_ms < hour * HOUR_MS:
            if next_publish is not None and screen.elapsed_ms >= next_publish:
                screen.publish()
                next_publish += publish_every
            else:
                screen.next_slide()
        samples.append(measure(cdp, screen.elapsed_ms))
        print(report_line(samples[-1]), flush=True)
        if args.snapshots and hour in (args.baseline_hour, args.hours):
            snapshots[hour] = heapsnapshot.summarise(heapsnapshot.take(cdp))
    state = page.evaluate("""() => ({
        server: benchServer.counts,
        unacknowledged: JSON.parse(localStorage.getItem('infoscreen.played') || '[]').length,
        slides_in_dom: document.querySelectorAll('.slide').length,
        service_worker: Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
    })""")
    return samples, {
        "publishes": screen.number,
        "snapshots": snapshots,
        "real_seconds": time.monotonic() - began,
        **state,
    }


def report_line(sample: Sample) -> str:
    return (
        f"{sample.at_ms / HOUR_MS:6.2f} h: JS heap {sample.js_heap:.3f} MiB, Blink heap {sample.blink_heap:.3f} MiB, "
        f"{sample.nodes} DOM nodes, {sample.listeners} listeners"
    )


def growth(before: float, after: float) -> str:
    return f"{before:.3f} → {after:.3f} MiB ({(after - before) / before * 100:+.1f} %)"


def summary(samples: list[Sample], state: dict, args) -> None:
    first, end = samples[0], samples[-1]
    baseline = samples[args.baseline_hour]
    print(
        f"\nafter {args.hours} simulated hours ({state['real_seconds']:.0f} s of real time; {state['publishes']} publishes; "
        f"service worker: {state['service_worker']}):"
    )
    print(
        f"  JS heap from the first sample ({first.at_ms / 1000:.0f} s, one full cycle): {growth(first.js_heap, end.js_heap)}"
    )
    print(f"  JS heap from the warmed-up baseline (hour {args.baseline_hour}): {growth(baseline.js_heap, end.js_heap)}")
    hourly = [s.blink_heap for s in samples[1:]]
    print(
        f"  Blink heap: {first.blink_heap:.3f} MiB at the first sample, {min(hourly):.3f}–{max(hourly):.3f} MiB over the hourly ones"
    )
    print(
        f"  DOM nodes min/max over the samples: {min(s.nodes for s in samples)}/{max(s.nodes for s in samples)}; "
        f"slides in the DOM at the end: {state['slides_in_dom']}"
    )
    print(
        f"  fake server: {json.dumps(state['server'])}; played events not yet acknowledged: {state['unacknowledged']}"
    )
    if state["snapshots"]:
        before, after = state["snapshots"][args.baseline_hour], state["snapshots"][args.hours]
        print(
            f"\nheap snapshot, hour {args.baseline_hour} → hour {args.hours}: "
            f"{heapsnapshot.total_bytes(before) / MIB:.3f} → {heapsnapshot.total_bytes(after) / MIB:.3f} MiB; grew most:"
        )
        for group, count0, count1, gained in heapsnapshot.growth(before, after):
            print(f"  {gained:+9,d} B  {count0:6d} → {count1:6d}  {group[:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--slide-seconds", type=int, default=10)
    parser.add_argument("--publish-hours", type=int, default=4, help="a new edition every N simulated hours (0: never)")
    parser.add_argument("--baseline-hour", type=int, default=2, help="the warmed-up baseline")
    parser.add_argument("--snapshots", action="store_true", help="compare heap snapshots at the baseline and the end")
    parser.add_argument("--no-acks", action="store_true", help="the fake server never acknowledges proof of play")
    parser.add_argument(
        "--js-flags", default="", help="V8 flags for Chromium, e.g. --jitless to rule out compiled code"
    )
    args = parser.parse_args()
    if not 1 <= args.baseline_hour <= args.hours:
        parser.error("--baseline-hour must be between 1 and --hours")
    with tempfile.TemporaryDirectory() as directory:
        site(Path(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=directory))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            flags = [f"--js-flags={args.js_flags}"] if args.js_flags else []
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS + flags)
            context = browser.new_context(viewport={"width": 1920, "height": 1080})
            context.add_init_script("localStorage.setItem('infoscreen.token', 'bench-token')")
            context.add_init_script(path=Path(__file__).with_name("fake_screen_server.js"))
            page = context.new_page()
            page.clock.install(time=START)
            page.clock.pause_at(START + timedelta(minutes=1))  # time runs between these two calls: stay ahead of it
            page.goto(f"http://127.0.0.1:{server.server_port}/screen/")
            cdp = context.new_cdp_session(page)
            cdp.send("Performance.enable")
            samples, state = play(page, cdp, args)
            browser.close()
        server.shutdown()
    summary(samples, state, args)


if __name__ == "__main__":
    main()
