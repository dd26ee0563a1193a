"""News, calendar and web page slides as a paired screen shows them, in real Chromium."""

from datetime import timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.utils import timezone

from tests.e2e.admin_ui import ADMIN_PASSWORD, log_in
from tests.e2e.kiosk import paired_kiosk
from tests.factories import make_playlist, make_screen
from tests.playlists.test_feed_slide_types import feed_slide
from tests.servers import DaphneServer

pytestmark = [pytest.mark.e2e, pytest.mark.client_rendering, pytest.mark.django_db(transaction=True)]

CURRENT = ".slide[data-state='current']"
NASTY = "<img src=x onerror=window.__pwned=1>"


def daily_calendar() -> str:
    start = timezone.localdate() - timedelta(days=7)
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            "BEGIN:VEVENT",
            "UID:open@test",
            "SUMMARY:Åbent hus",
            "LOCATION:Rådhushallen",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            "RRULE:FREQ=DAILY",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )


def test_feed_slides_play_on_a_screen(browser, daphne, feed_server):
    # Markup written as text in a feed (escaped twice) reaches the screen as text: the screen must not parse it.
    rss = (feed_server.directory / "news.rss").read_text()
    rss = rss.replace(
        "Vejarbejde på Randersvej &amp; Nørrebrogade", "&amp;lt;img src=x onerror=window.__pwned=1&amp;gt;"
    )
    news_url = feed_server.write("e2e.rss", rss)
    calendar_url = feed_server.write("e2e.ics", daily_calendar())
    slides = [
        feed_slide("news", {"url": news_url, "entries": 2, "show_images": True}, title="News", duration=6),
        feed_slide("calendar", {"url": calendar_url, "span": "today"}, title="Calendar", duration=4),
        feed_slide("web_page", {"url": f"{feed_server.url}/page"}, title="Page", duration=4),
    ]
    _, token = make_screen(playlist=make_playlist(slides=slides))

    context, kiosk = paired_kiosk(browser, token)
    kiosk.goto(f"{daphne.url}/screen/")

    # News: the first entry with the server's own copy of its picture, then the next, as plain text.
    first = kiosk.locator(f"{CURRENT} .news__entry[data-state='current']")
    first.locator(".news__title:text-is('Ny legeplads åbner i Mølleparken')").wait_for(timeout=20_000)
    picture = first.locator("img.news__image")
    assert picture.get_attribute("src").startswith("/media/feeds/")
    assert kiosk.evaluate("(img) => img.naturalWidth > 0", picture.element_handle())
    kiosk.locator(f"{CURRENT} .news__entry[data-state='current'] .news__title").filter(has_text="onerror").wait_for(
        timeout=10_000
    )
    assert kiosk.locator(f"{CURRENT} .news__title").nth(1).text_content() == NASTY
    assert kiosk.evaluate("window.__pwned") is None

    # Calendar: today's events, time and place.
    event = kiosk.locator(f"{CURRENT} .calendar__event")
    event.locator(".calendar__title:text-is('Åbent hus')").wait_for(timeout=20_000)
    assert event.locator(".calendar__location").text_content() == "Rådhushallen"
    assert event.locator(".calendar__time").text_content() == "All day"

    # Web page: loaded by the screen itself, in a sandboxed frame.
    kiosk.locator(f"{CURRENT} iframe.web-page__frame").wait_for(timeout=20_000)
    assert kiosk.locator(f"{CURRENT} iframe").get_attribute("sandbox") == "allow-scripts allow-same-origin"
    assert kiosk.frame_locator(f"{CURRENT} iframe").locator("h1").text_content(timeout=10_000) == "A page"
    context.close()


BAD_ADDRESSES = [
    ("news", "/files/news.rss", "/files/broken.rss", "This address does not give an RSS or Atom feed."),
    ("calendar", "/files/events.ics", "/files/news.rss", "This address does not give an iCal (.ics) calendar."),
    (
        "web_page",
        "/page",
        "/page?X-Frame-Options=DENY",
        "The site forbids being shown inside other sites (X-Frame-Options: DENY).",
    ),
]


@pytest.fixture
def admin_daphne(django_db_setup, django_db_blocker, server_logs):
    """A daphne of this test's own: the admin caches content type ids, which the flush after a test renumbers,
    so a shared server that served this admin would fail the next test's admin."""
    with django_db_blocker.unblock():
        server = DaphneServer(log_dir=server_logs)
    yield server
    server.stop()


def test_an_editor_is_told_what_is_wrong_with_an_address(browser, admin_daphne, feed_server):
    daphne = admin_daphne
    User.objects.create(
        username="editor-it",
        is_staff=True,
        is_superuser=True,
        password=make_password(ADMIN_PASSWORD, hasher="pbkdf2_sha256"),
    )
    page = browser.new_context().new_page()
    log_in(page, daphne.url, "editor-it")
    for block_type, good, bad, message in BAD_ADDRESSES:
        slide = feed_slide(block_type, {"url": feed_server.url + good})
        page.goto(f"{daphne.url}/admin/snippets/playlists/slide/edit/{slide.pk}/")
        page.fill("input[name='content-0-value-url']", feed_server.url + bad)
        page.locator("footer button[type=submit]").first.click()
        page.get_by_text(message).wait_for(timeout=20_000)
    page.context.close()
