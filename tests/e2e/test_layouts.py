"""A screen with a main + ticker layout, in real Chromium: both regions play, and a publish into the ticker's
playlist changes the ticker only, while the main region plays on undisturbed."""

import os
import time

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User

from tests.e2e.admin_ui import ADMIN_PASSWORD, click_publish, edit_slide_heading, log_in
from tests.e2e.kiosk import paired_kiosk
from tests.factories import make_layout, make_playlist, make_screen, make_slide
from tests.servers import DaphneServer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def heading_in(region: str) -> str:
    return f".region[data-region='{region}'] .slide[data-state='current'] .slide-heading"


def box(page, region: str) -> dict:  # a page or a frame locator
    return page.locator(f".layout[data-state='current'] .region[data-region='{region}']").bounding_box()


def test_a_layout_shows_both_regions_and_a_ticker_publish_changes_only_the_ticker(browser, server_logs, measurements):
    User.objects.create(
        username="it-admin",
        is_staff=True,
        is_superuser=True,
        password=make_password(ADMIN_PASSWORD, hasher="pbkdf2_sha256"),
    )
    ticker_slide = make_slide(heading="Bus 5A runs as usual", duration=60)
    main = make_playlist(slides=[make_slide(heading="Welcome to the town hall", duration=60)], title="Main")
    ticker = make_playlist(slides=[ticker_slide], title="Ticker")
    layout = make_layout(template="main_ticker", regions=[("main", main), ("ticker", ticker)])
    _, token = make_screen(layout=layout, playlist=main, name="Entrance")

    # A server of its own: its admin caches content types, which the next test's database flush renumbers.
    server = DaphneServer(log_dir=server_logs)
    context, kiosk = paired_kiosk(browser, token)
    admin = browser.new_context().new_page()
    try:
        kiosk.goto(f"{server.url}/screen/")
        kiosk.wait_for_selector(f"{heading_in('main')}:text-is('Welcome to the town hall')", timeout=10000)
        kiosk.wait_for_selector(f"{heading_in('ticker')}:text-is('Bus 5A runs as usual')", timeout=10000)
        assert kiosk.evaluate("document.body.dataset.state") == "playing"
        main_box, ticker_box = box(kiosk, "main"), box(kiosk, "ticker")
        assert main_box["y"] + main_box["height"] <= ticker_box["y"] + 1, "the ticker is below the main region"
        assert ticker_box["width"] == main_box["width"] == 1280 and ticker_box["height"] < main_box["height"] / 4
        assert kiosk.locator(".region[data-region='ticker']").get_attribute("data-shape") == "strip"
        if os.environ.get("LAYOUT_SCREENSHOT"):
            kiosk.screenshot(path=os.environ["LAYOUT_SCREENSHOT"])
        # Tag the main region's slide element: it must survive the ticker's publish untouched.
        kiosk.evaluate(
            "document.querySelector(\".region[data-region='main'] .slide[data-state='current']\").dataset.kept = 'yes'"
        )

        log_in(admin, server.url, "it-admin")
        edit_slide_heading(admin, server.url, ticker_slide.pk, "Bus 5A is 10 minutes late")
        started = time.monotonic()
        click_publish(admin)
        kiosk.wait_for_selector(f"{heading_in('ticker')}:text-is('Bus 5A is 10 minutes late')", timeout=5000)
        measurements["e2e publish → ticker region (ms)"] = round((time.monotonic() - started) * 1000)

        kept = kiosk.locator(".region[data-region='main'] .slide[data-kept='yes']")
        assert kept.count() == 1 and kept.get_attribute("data-state") == "current", "the main region was redrawn"
        assert kiosk.locator(".region[data-region='main'] .slide").count() == 1
        assert kiosk.evaluate("performance.getEntriesByType('navigation').length") == 1
    finally:
        admin.close()
        context.close()
        server.stop()


def test_the_admin_preview_of_a_layout_plays_every_region(browser, daphne):
    from django.test import RequestFactory

    sidebar = make_playlist(slides=[make_slide(heading="Opening hours")], title="Sidebar")
    main = make_playlist(slides=[make_slide(heading="Welcome")], title="Main")
    layout = make_layout(template="main_sidebar", regions=[("main", main), ("sidebar", sidebar)])
    html = layout.serve_preview(RequestFactory().get("/"), layout.default_preview_mode).render().content.decode()

    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    try:
        page.goto(f"{daphne.url}/screen/css/screen.css")  # any page of the server: the preview's scripts load from it
        page.set_content(html)
        screen = page.frame_locator("#preview-screen")  # the screen-sized frame the preview draws in
        screen.locator(f"{heading_in('main')}:text-is('Welcome')").wait_for(timeout=10000)
        screen.locator(f"{heading_in('sidebar')}:text-is('Opening hours')").wait_for(timeout=10000)
        main_box, sidebar_box = box(screen, "main"), box(screen, "sidebar")
        assert sidebar_box["x"] >= main_box["x"] + main_box["width"] - 1 and sidebar_box["width"] < main_box["width"]
    finally:
        page.close()
