"""Every structured slide type, played by a paired kiosk in real Chromium at both screen orientations:
what shows is the editor's text as text, the parts fit on the screen, the QR code scans, the clock ticks."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.utils import timezone
from PIL import Image as PILImage

from playlists.models import Slide
from playlists.payloads import slide_payload
from tests.e2e.admin_ui import ADMIN_PASSWORD, click_publish, log_in
from tests.e2e.kiosk import paired_kiosk
from tests.factories import make_image, make_organisation, make_playlist, make_screen, make_typed_slide
from tests.servers import DaphneServer

pytestmark = [pytest.mark.e2e, pytest.mark.client_rendering, pytest.mark.django_db(transaction=True)]

HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
QR_URL = "https://example.org/library/events?week=49"
CURRENT = ".slide[data-state='current']"
# A Saturday; the screen shows it as the server's local time whatever the kiosk's own zone.
MARKET = datetime(2026, 12, 5, 14, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
VIEWPORTS = {"landscape": (1920, 1080), "portrait": (1080, 1920)}

# Text elements of the current slide whose box leaves the viewport (cut off at the screen's edge).
OUTSIDE_VIEWPORT = """(selector) => Array.from(document.querySelectorAll(selector + ' *'))
  .filter((el) => el.children.length === 0 && el.textContent.trim())
  .filter((el) => {
    const box = el.getBoundingClientRect();
    return box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1;
  })
  .map((el) => el.className + ': ' + el.textContent.slice(0, 40))"""


def table_value() -> dict:
    return {
        "heading": "Opening hours",
        "table": {
            "columns": [{"type": "text", "heading": "Day"}, {"type": "text", "heading": HOSTILE}],
            "rows": [{"values": ["Monday", "10–18"]}, {"values": ["Sunday", HOSTILE]}],
            "caption": "Closed on public holidays",
        },
        "column_headings": True,
    }


def slides() -> dict[str, tuple[str, dict]]:
    """Name → (type, value): one slide of each type, hostile text in its plain-text fields."""
    return {
        "contacts": (
            "contacts",
            {
                "heading": HOSTILE,
                "people": [
                    {
                        "image": make_image(width=600, height=800),
                        "name": "Anna Jensen",
                        "title": HOSTILE,
                        "phone": "+45 33 66 33 66",
                        "email": "anna@example.org",
                    },
                    {"image": None, "name": "Sara Nielsen", "title": "IT help", "phone": "", "email": ""},
                ],
            },
        ),
        "table": ("table", table_value()),
        "poster": (
            "poster",
            {
                "title": HOSTILE,
                "starts_at": MARKET,
                "ends_at": MARKET + timedelta(hours=4),
                "place": "The reading room",
                "text": HOSTILE,
                "image": make_image(width=1600, height=1200),
                "call_to_action": "Free entry",
            },
        ),
        "book_review": (
            "book_review",
            {
                "cover_image": make_image(width=800, height=1200),
                "title": "Kongens fald",
                "author": HOSTILE,
                "review": "<p>A <b>dazzling</b> novel.</p>",
                "rating": 4,
                "reviewer": "Anna",
            },
        ),
        "qr_code": ("qr_code", {"url": QR_URL, "caption": HOSTILE}),
        "clock": ("clock", {"mode": "clock", "label": HOSTILE}),
        "countdown": (
            "clock",
            {"mode": "countdown", "target": timezone.now() + timedelta(days=3, hours=4), "label": HOSTILE},
        ),
    }


def text(page, selector: str) -> str:
    return page.locator(f"{CURRENT} {selector}").first.text_content()


def check_contacts(page, measured):
    assert text(page, ".slide-heading") == HOSTILE
    assert text(page, ".contact__title") == HOSTILE
    photo = page.locator(f"{CURRENT} img.contact__photo")
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 400
    assert text(page, ".contact__photo--initials") == "SN"


def check_table(page, measured):
    assert page.locator(f"{CURRENT} th").all_text_contents() == ["Day", HOSTILE]
    assert page.locator(f"{CURRENT} td").all_text_contents() == ["Monday", "10–18", "Sunday", HOSTILE]


def check_poster(page, measured):
    assert text(page, ".slide-heading") == HOSTILE and text(page, ".poster__text") == HOSTILE
    assert text(page, ".poster__date") == "Saturday 5 December"
    assert text(page, ".poster__time") == "14:00–18:00"
    assert page.locator(f"{CURRENT} img.poster__image").evaluate("img => img.complete && img.naturalWidth") == 1080


def check_book_review(page, measured):
    assert text(page, ".book-review__author") == HOSTILE
    assert text(page, ".book-review__review b") == "dazzling"
    assert text(page, ".book-review__rating") == "★★★★★"


def check_qr_code(page, measured):
    assert text(page, ".qr-code__caption") == HOSTILE and text(page, ".qr-code__url") == QR_URL
    code = page.locator(f"{CURRENT} img.qr-code__image")
    code.evaluate("img => img.decode()")
    picture = PILImage.open(io.BytesIO(code.screenshot()))
    measured.setdefault("QR code as shown (px)", []).append(f"{picture.width}×{picture.height}")
    assert [result.text for result in zxingcpp.read_barcodes(picture)] == [QR_URL]


def check_clock(page, measured):
    assert text(page, ".clock__label") == HOSTILE
    seconds = text(page, ".clock__seconds")
    page.wait_for_function(
        "s => document.querySelector(\".slide[data-state='current'] .clock__seconds\").textContent !== s", arg=seconds
    )
    assert text(page, ".clock__date").endswith(str(timezone.localtime().year))


def check_countdown(page, measured):
    assert text(page, ".clock__label") == HOSTILE
    units = page.locator(f"{CURRENT} .countdown__unit").all_text_contents()
    assert len(units) == 4 and units[0] == "3days" and units[1] in {"4hours", "3hours"}


CHECKS = {
    "contacts": check_contacts,
    "table": check_table,
    "poster": check_poster,
    "book_review": check_book_review,
    "qr_code": check_qr_code,
    "clock": check_clock,
    "countdown": check_countdown,
}


def test_every_structured_slide_type_shows_on_a_screen_as_the_editor_wrote_it(browser, daphne, measurements, tmp_path):
    tokens = {}
    for name, (block_type, value) in slides().items():
        slide = make_typed_slide(block_type, value, duration=600)
        _, tokens[name] = make_screen(playlist=make_playlist(slides=[slide], title=name), name=name)

    measured = {}
    for orientation, (width, height) in VIEWPORTS.items():
        kiosks = {}
        for name, token in tokens.items():
            context, page = paired_kiosk(browser, token, viewport={"width": width, "height": height})
            page.goto(f"{daphne.url}/screen/?lang=en")
            kiosks[name] = (context, page)
        try:
            for name, (_context, page) in kiosks.items():
                page.wait_for_selector(f"{CURRENT} > section", timeout=15000)
                page.wait_for_timeout(700)  # the fade-in
                page.screenshot(path=tmp_path / f"{name}-{orientation}.png")
                CHECKS[name](page, measured)
                assert page.evaluate("window.pwned") is None, f"{name}: hostile text ran"
                assert page.locator("img[src='x'], #player script").count() == 0, name
                cut_off = page.evaluate(OUTSIDE_VIEWPORT, CURRENT)
                assert cut_off == [], f"{name} ({orientation}) does not fit the screen: {cut_off}"
        finally:
            for context, _ in kiosks.values():
                context.close()
    measurements["structured slides: QR code on screen (px, landscape then portrait)"] = ", ".join(
        measured["QR code as shown (px)"]
    )
    measurements["structured slides: screenshots"] = str(tmp_path)


@pytest.fixture
def admin_daphne(django_db_blocker, server_logs):
    """A daphne process for this test alone: a process whose admin served requests before the test database was
    flushed keeps content type ids in its cache that the flush renumbered, and its next admin save fails."""
    with django_db_blocker.unblock():
        server = DaphneServer(log_dir=server_logs)
    yield server
    server.stop()


def test_an_editor_builds_a_table_slide_in_the_admin(browser, admin_daphne):
    """Wagtail's TypedTableBlock editor works in this admin, and what it saves is what screens get."""
    make_organisation()
    User.objects.create(
        username="editor",
        is_staff=True,
        is_superuser=True,
        password=make_password(ADMIN_PASSWORD, hasher="pbkdf2_sha256"),
    )
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, admin_daphne.url, "editor")
    page.goto(f"{admin_daphne.url}/admin/snippets/playlists/slide/add/")
    page.fill("#id_title", "Opening hours")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_text("Table", exact=True).first.click()
    page.fill("input[name='content-0-value-heading']", "Opening hours")
    for _ in range(2):
        page.get_by_role("button", name="Add column").last.click()
        page.get_by_text("Text", exact=True).last.click()
    page.get_by_role("button", name="Add row").first.click()
    table = "content-0-value-table"
    for column, heading in enumerate(["Day", "Open"]):
        page.fill(f"input[name='{table}-column-{column}-heading']", heading)
    for row, cells in enumerate([["Monday", "8–16"], ["Friday", "8–14"]]):
        for column, cell in enumerate(cells):
            page.fill(f"input[name='{table}-cell-{row}-{column}']", cell)
    click_publish(page)
    page.wait_for_url(f"{admin_daphne.url}/admin/snippets/playlists/slide/")
    page.close()
    assert errors == []
    payload = slide_payload(Slide.objects.get(title="Opening hours", live=True))
    assert (payload["type"], payload["heading"]) == ("table", "Opening hours")
    assert payload["columns"] == ["Day", "Open"] and payload["rows"] == [["Monday", "8–16"], ["Friday", "8–14"]]
