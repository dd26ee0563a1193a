"""Media slides in real Chromium against real daphne: each type shows, a video ends its own slide, and a video
that is missing, undecodable or stalled is skipped and reported in the screen's status."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from screens.fleet.models import Screen
from tests.e2e.kiosk import paired_kiosk
from tests.factories import VIDEO_FILE, make_image, make_playlist, make_screen, make_slide, make_video

pytestmark = [pytest.mark.e2e, pytest.mark.client_rendering, pytest.mark.django_db(transaction=True)]

CURRENT = ".slide[data-state='current']"


def current_type(kiosk) -> str | None:
    return kiosk.evaluate(f'document.querySelector("{CURRENT}")?.dataset.slideType ?? null')


def wait_for(condition, timeout: float, message: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    raise AssertionError(message)


def reported_errors(screen) -> list[str]:
    return [error["message"] for error in (Screen.objects.get(pk=screen.pk).status or {}).get("errors", [])]


def still(heading: str, duration: int = 2):
    return make_slide(heading=heading, duration=duration)


def video_slide(video, **fields):
    return make_slide(content=[("video", {"video": video, "sound": False})], **fields)


def test_image_text_and_slideshow_show_their_renditions(browser, daphne):
    photo, logo = make_image(width=1600, height=1200), make_image(width=600, height=200, title="Logo")
    image_text = make_slide(
        content=[
            (
                "image_text",
                {
                    "heading": "Half and half",
                    "text": "",
                    "image": photo,
                    "layout": "image_left",
                    "box_position": "top-right",
                    "logo": logo,
                },
            )
        ],
        duration=60,
    )
    shows = [{"image": make_image(width=1200, height=900, title=f"View {n}"), "duration": 1} for n in range(2)]
    slideshow = make_slide(content=[("slideshow", {"images": shows, "transition": "zoom"})])
    _, token = make_screen(playlist=make_playlist(slides=[slideshow, image_text]))

    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.goto(f"{daphne.url}/screen/")
        kiosk.wait_for_selector(f"{CURRENT} .slideshow__frame[data-state='current'] img", timeout=10000)
        first = kiosk.get_attribute(f"{CURRENT} .slideshow__frame[data-state='current'] img", "alt")
        kiosk.wait_for_function(
            "document.querySelectorAll(\".slideshow__frame[data-state='current']\")[0]?.querySelector('img').alt"
            f" !== {first!r}",
            timeout=3000,
        )
        zoom = kiosk.evaluate(
            "getComputedStyle(document.querySelector(\".slideshow__frame[data-state='current'] img\")).animationName"
        )
        assert zoom == "ken-burns"

        kiosk.wait_for_selector(f"{CURRENT} .image-text--image-left", timeout=5000)
        image = kiosk.locator(f"{CURRENT} .image-text__image")
        kiosk.wait_for_function(
            f'document.querySelector("{CURRENT} .image-text__image").naturalWidth > 0', timeout=5000
        )
        assert "fill-960x1080" in image.evaluate("img => img.currentSrc")
        box = image.bounding_box()
        assert (box["x"], box["width"], box["height"]) == (0, 640, 720), "the image fills the left half"
        text = kiosk.locator(f"{CURRENT} .image-text__box").bounding_box()
        assert text["x"] >= 640 and text["y"] < 100, "the text is at the top of the right half"
        assert kiosk.locator(f"{CURRENT} .image-text__logo").get_attribute("alt") == "Logo"

        kiosk.set_viewport_size({"width": 720, "height": 1280})
        kiosk.wait_for_function(
            f"document.querySelector(\"{CURRENT} .image-text__image\").currentSrc.includes('fill-1080x960')",
            timeout=5000,
        )
        box = image.bounding_box()
        assert (box["y"], box["width"], box["height"]) == (0, 720, 640), "on a portrait screen, the top half"
    finally:
        context.close()


def test_a_video_plays_to_its_end_and_then_the_next_slide_shows(browser, daphne, measurements):
    screen, token = make_screen(
        playlist=make_playlist(
            slides=[still("Before the video"), video_slide(make_video(), duration=60), still("After the video", 60)]
        )
    )
    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.goto(f"{daphne.url}/screen/")
        wait_for(lambda: current_type(kiosk) == "video", 15, "the video slide never showed")
        shown = time.monotonic()
        kiosk.wait_for_function(f'document.querySelector("{CURRENT} video").currentTime > 0', timeout=5000)
        assert kiosk.evaluate(f'document.querySelector("{CURRENT} video").muted') is True
        kiosk.wait_for_selector(f"{CURRENT} .slide-heading:text-is('After the video')", timeout=10000)
        measurements["3 s video slide on screen, shown → next slide (s)"] = round(time.monotonic() - shown, 2)
        assert reported_errors(screen) == []
    finally:
        context.close()


def test_a_missing_and_an_undecodable_video_are_skipped_and_reported(browser, daphne):
    missing = make_video(title="Gone")
    missing.file.storage.delete(missing.file.name)
    garbage = make_video(title="Garbage", content=b"this is not a video" * 100, name="garbage.mp4")
    gone_slide, garbage_slide = video_slide(missing), video_slide(garbage)
    screen, token = make_screen(
        playlist=make_playlist(slides=[still("First"), gone_slide, garbage_slide, still("Last", 60)])
    )
    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.goto(f"{daphne.url}/screen/")
        kiosk.wait_for_selector(f"{CURRENT} .slide-heading:text-is('Last')", timeout=15000)
        errors = wait_for(lambda: len(reported_errors(screen)) >= 2 and reported_errors(screen), 15, "not reported")
    finally:
        context.close()
    assert f"slide {gone_slide.pk}: video failed to load ({missing.url})" in errors
    assert any(e.startswith(f"slide {garbage_slide.pk}: video ") and garbage.url in e for e in errors), errors


class StallingServer:
    """Serves the demo clip announcing its whole length, sends the first half, then sends nothing more."""

    def __init__(self):
        body = VIDEO_FILE.read_bytes()
        release = self.release = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "video/mp4")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                release.wait(60)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/stalled.mp4"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def test_a_stalled_video_is_skipped_after_15_s_without_progress_and_reported(browser, daphne):
    video = make_video(title="Stalls")
    stalled = video_slide(video, duration=60)
    screen, token = make_screen(playlist=make_playlist(slides=[still("First"), stalled, still("Next", 60)]))
    server = StallingServer()
    # The video's requests go to a server that stops sending mid-file. Service workers are blocked so that
    # every request is the page's own, which the route sees.
    context, kiosk = paired_kiosk(browser, token, service_workers="block")
    context.route(f"**{video.url}", lambda route: route.continue_(url=server.url))
    # A fake clock, so that the 15 s without progress pass in a moment; the network stall is real.
    kiosk.clock.install()
    try:
        kiosk.goto(f"{daphne.url}/screen/")
        wait_for(lambda: current_type(kiosk) == "video", 20, "the video slide never showed")
        position = f'document.querySelector("{CURRENT} video")?.currentTime ?? -1'
        stuck_at = wait_for(
            lambda: (
                (before := kiosk.evaluate(position)) >= 0
                and not time.sleep(1)
                and kiosk.evaluate(position) == before
                and [before]
            ),
            15,
            "the video never stopped progressing",
        )[0]
        assert stuck_at < 3, "it stalled before its end"
        # The clock also runs in real time: a few seconds have passed since the last progress.
        kiosk.clock.fast_forward(10000)
        assert current_type(kiosk) == "video", "skipped before 15 s without progress"
        kiosk.clock.fast_forward(6000)
        kiosk.wait_for_selector(f"{CURRENT} .slide-heading:text-is('Next')", timeout=5000)
        kiosk.clock.fast_forward(6000)  # the status report's own 5 s spacing
        errors = wait_for(lambda: reported_errors(screen), 15, "the stall was not reported")
    finally:
        context.close()
        server.stop()
    assert errors == [f"slide {stalled.pk}: video stalled for 15 s ({video.url})"]


def test_a_cached_video_plays_offline_from_the_service_worker(browser, daphne, measurements):
    video = make_video(title="Offline clip")
    _, token = make_screen(
        playlist=make_playlist(slides=[still("Before the video"), video_slide(video), still("After the video", 3)])
    )
    cached = f"caches.open('infoscreen-media-v1').then((cache) => cache.match({video.url!r})).then(Boolean)"
    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.goto(f"{daphne.url}/screen/")
        kiosk.wait_for_function("navigator.serviceWorker.controller !== null", timeout=10000)
        started = time.monotonic()
        wait_for(lambda: kiosk.evaluate(cached), 30, "the video never reached the service worker's cache")
        measurements["video in the service worker's cache after the worker took over (s)"] = round(
            time.monotonic() - started, 1
        )

        context.set_offline(True)
        kiosk.reload(wait_until="commit")
        wait_for(lambda: current_type(kiosk) == "video", 20, "the video slide never showed offline")
        # The <video> reads by byte ranges; the worker cuts them from the whole cached file.
        kiosk.wait_for_function(f'document.querySelector("{CURRENT} video").currentTime > 1', timeout=5000)
        kiosk.wait_for_selector(f"{CURRENT} .slide-heading:text-is('After the video')", timeout=10000)
        assert kiosk.evaluate("navigator.onLine") is False
    finally:
        context.set_offline(False)
        context.close()
