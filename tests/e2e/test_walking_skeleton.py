"""A new screen is paired in the admin and plays what an editor publishes, live, in real Chromium."""

import time

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User

from tests.e2e.admin_ui import ADMIN_PASSWORD, click_publish, edit_slide_heading, log_in, pair_screen
from tests.factories import make_playlist, make_screen, make_slide

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CURRENT_HEADING = ".slide[data-state='current'] .slide-heading"


@pytest.fixture
def content():
    User.objects.create(
        username="it-admin",
        is_staff=True,
        is_superuser=True,
        password=make_password(ADMIN_PASSWORD, hasher="pbkdf2_sha256"),
    )
    slide = make_slide(heading="Before", duration=60)
    screen, _ = make_screen(paired=False, playlist=make_playlist(slides=[slide]), name="Lobby")
    return slide, screen


def pair_and_publish(browser, content, *, screen_url: str, admin_url: str, timings: dict) -> None:
    slide, screen = content
    kiosk = browser.new_page(viewport={"width": 1280, "height": 720})
    kiosk.goto(f"{screen_url}/screen/")
    code = kiosk.locator("#pairing-code")
    code.wait_for()
    kiosk.wait_for_function("document.querySelector('#pairing-code').textContent.trim().length === 6")

    admin = browser.new_context().new_page()
    log_in(admin, admin_url, "it-admin")
    pair_screen(admin, admin_url, screen.pk, code.text_content().strip())
    kiosk.wait_for_selector(f"{CURRENT_HEADING}:text-is('Before')", timeout=5000)
    assert kiosk.evaluate("document.body.dataset.state") == "playing"

    edit_slide_heading(admin, admin_url, slide.pk, "After")
    started = time.monotonic()
    click_publish(admin)
    kiosk.wait_for_selector(f"{CURRENT_HEADING}:text-is('After')", timeout=5000)
    timings["publish_to_screen_ms"] = round((time.monotonic() - started) * 1000)
    # The kiosk never reloaded: the swap happened over the open WebSocket.
    assert kiosk.evaluate("performance.getEntriesByType('navigation').length") == 1
    kiosk.close()
    admin.close()


def test_pair_then_publish_reaches_the_screen_live(browser, daphne, content, measurements):
    timings = {}
    pair_and_publish(browser, content, screen_url=daphne.url, admin_url=daphne.url, timings=timings)
    measurements["e2e publish → screen, one process, in-memory layer (ms)"] = timings["publish_to_screen_ms"]


@pytest.mark.redis
def test_a_publish_through_one_process_reaches_a_screen_on_another(browser, daphne_pair, content, measurements):
    screen_server, admin_server = daphne_pair
    timings = {}
    pair_and_publish(browser, content, screen_url=screen_server.url, admin_url=admin_server.url, timings=timings)
    measurements["e2e publish → screen, two processes over Redis (ms)"] = timings["publish_to_screen_ms"]
