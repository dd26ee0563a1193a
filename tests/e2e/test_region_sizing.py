"""Every slide type sized by its region, in real Chromium: full screen, in a sidebar and in a ticker strip, its text
stays inside the region and visible, a strip shows one line, and full-screen sizes are what they always were."""

import io
import os
from concurrent.futures import ThreadPoolExecutor
from copy import deepcopy

import pytest
from django.core.management import call_command

from playlists.models import Playlist
from playlists.slide_types import SLIDE_BLOCKS
from tests.manifests import playlist_slides

pytestmark = [pytest.mark.e2e, pytest.mark.client_rendering, pytest.mark.django_db(transaction=True)]

FULL_SCREEN, SIDEBAR, TICKER = (1920, 1080), (480, 1080), (1920, 120)

# One region of the given size in the corner of the screen; body[data-shown] tells which slide is up.
PAGE = """<!doctype html>
<link rel="stylesheet" href="/screen/css/screen.css">
<div id="player"></div>
<script type="module">
import { createLayout } from "/screen/js/layout.js";
const layout = createLayout(document.getElementById("player"), {
  onShow: (slide) => { document.body.dataset.shown = slide ? slide.id : ""; },
});
window.showIn = (slide, [width, height]) => layout.load({
  version: String(slide.id),
  layout: {key: `${width}x${height}`, columns: `${width}px`, rows: `${height}px`, areas: ["r"],
           regions: [{name: "r", playlists: [slide.id]}]},
  playlists: {[slide.id]: {id: slide.id, version: "1", slides: [slide]}},
});
</script>"""

SHOWN = """([id, width, height]) => {
  const region = document.querySelector(".layout[data-state='current'] .region");
  return document.body.dataset.shown === String(id) && region.clientWidth === width && region.clientHeight === height
    && region.dataset.shape !== undefined && document.querySelectorAll(".slide").length === 1;
}"""

# Each piece of text the slide renders, as the viewer sees it: its box cut by the slide's own clipping containers
# (a text box with a maximum height, a heading ending in "…"), not by the region or the slide's outer box.
SHOWN_TEXT = """() => {
  const region = document.querySelector(".layout[data-state='current'] .region");
  const root = region.querySelector(".slide[data-state='current'] > *");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length || getComputedStyle(el).visibility !== "visible") continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    let {left, top, right, bottom} = range.getBoundingClientRect();
    for (let clip = el; clip !== root; clip = clip.parentElement) {
      if (getComputedStyle(clip).overflow === "visible") continue;
      const c = clip.getBoundingClientRect();
      [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
    }
    texts.push({text: node.textContent.trim().slice(0, 30), cls: el.className, left, top, right, bottom});
  }
  const r = region.getBoundingClientRect();
  return {region: {left: r.left, top: r.top, right: r.right, bottom: r.bottom}, texts,
          overflow: [root.scrollWidth - root.clientWidth, root.scrollHeight - root.clientHeight]};
}"""

# Full-screen heading sizes before slides were sized by their region: N vmin at 1920×1080 (1vmin = 10.8 px).
FULL_SCREEN_HEADINGS = {
    "image_text": (".slide-heading", 7),
    "news": (".news__title", 6.5),
    "calendar": (".calendar__heading", 4.5),
    "contacts": (".slide-heading", 7),
    "table": (".slide-heading", 7),
    "poster": (".slide-heading", 7),
    "book_review": (".slide-heading", 7),
    "qr_code": (".qr-code__caption", 6.5),
    "clock": (".clock__time", 26),
    "countdown": (".countdown__value", 16),
}


def demo_slides() -> list[dict]:
    """The demo's slide of every type, its countdown also as a clock, each shown for as long as the test takes."""
    # In a thread of its own: publishing pushes to screens with async_to_sync, which Playwright's loop here forbids.
    with ThreadPoolExecutor(1) as worker:
        worker.submit(call_command, "load_demo", stdout=io.StringIO()).result()
    slides = playlist_slides(Playlist.objects.get(title="Lobby").pk)
    countdown = next(slide for slide in slides if slide["type"] == "clock")
    slides.append({**deepcopy(countdown), "mode": "clock", "label": "Town hall"})
    assert {slide["type"] for slide in slides} == {name for name, _ in SLIDE_BLOCKS}
    return [{**slide, "duration": 600} for slide in slides]


def name_of(slide: dict) -> str:
    return "countdown" if slide.get("mode") == "countdown" else slide["type"]


def misplaced(shown: dict) -> list[str]:
    """Text cut away entirely, or outside the region."""
    region = shown["region"]
    problems = [f"overflows its slide by {shown['overflow']}"] if max(shown["overflow"]) > 1 else []
    for text in shown["texts"]:
        if text["right"] - text["left"] < 1 or text["bottom"] - text["top"] < 1:
            problems.append(f"{text['cls']} ({text['text']}) is cut away")
        elif not (
            region["left"] - 1 <= text["left"]
            and text["right"] <= region["right"] + 1
            and region["top"] - 1 <= text["top"]
            and text["bottom"] <= region["bottom"] + 1
        ):
            problems.append(f"{text['cls']} ({text['text']}) leaves the region: {text}")
    return problems


def one_line(shown: dict) -> bool:
    """Every piece of text shares one horizontal band."""
    texts = shown["texts"]
    return max(text["top"] for text in texts) < min(text["bottom"] for text in texts)


def full_screen_heading_changed(page, name: str) -> list[str]:
    if name not in FULL_SCREEN_HEADINGS:
        return []
    selector, vmin = FULL_SCREEN_HEADINGS[name]
    font = page.locator(f".slide[data-state='current'] {selector}").first.evaluate(
        "el => getComputedStyle(el).fontSize"
    )
    return (
        []
        if abs(float(font.removesuffix("px")) - vmin * 10.8) < 0.01
        else [f"{selector} is {font}, was {vmin * 10.8:.1f}px"]
    )


def test_every_slide_type_fits_its_region_full_screen_in_a_sidebar_and_in_a_ticker(browser, daphne, measurements):
    slides = demo_slides()
    screenshots = os.environ.get("SIZING_SCREENSHOTS")  # a directory: the region as shown, for a look
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, reduced_motion="reduce")
    page = context.new_page()
    failures = []
    try:
        # The page is the test's own, served at the server's origin, where the client's files are.
        page.route(
            f"{daphne.url}/region-sizing",
            lambda route: route.fulfill(body=PAGE, content_type="text/html; charset=utf-8"),
        )
        page.goto(f"{daphne.url}/region-sizing")
        page.wait_for_function("() => Boolean(window.showIn)")
        renders = 0
        for size in (FULL_SCREEN, SIDEBAR, TICKER):
            where = "×".join(map(str, size))
            for number, slide in enumerate(slides, start=1):
                renders += 1
                page.evaluate("([slide, size]) => showIn(slide, size)", [{**slide, "id": renders}, list(size)])
                page.wait_for_function(SHOWN, arg=[renders, *size], timeout=10000)
                name = name_of(slide)
                if screenshots:
                    page.locator(".layout[data-state='current'] .region").screenshot(
                        path=f"{screenshots}/{number:02}-{name}-{where}.png"
                    )
                shown = page.evaluate(SHOWN_TEXT)
                problems = misplaced(shown)
                if size == TICKER and shown["texts"] and not one_line(shown):
                    problems.append(f"not one line: {shown['texts']}")
                if size == FULL_SCREEN:
                    problems += full_screen_heading_changed(page, name)
                failures += [f"{name} at {where}: {problem}" for problem in problems]
        measurements["region sizing: slides rendered (3 region sizes)"] = renders
    finally:
        context.close()
    assert failures == [], "\n".join(failures)
