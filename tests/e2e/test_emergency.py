"""Break glass, in real Chromium against real daphne: an emergency message started in the admin interrupts the
slide a screen is playing, the screen's acknowledgement reaches the admin's status page, and ending it restores
the slide."""

import time

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User

from organisations.services import organisation_member_add
from screens.emergencies.models import EmergencyAck
from tests.e2e.admin_ui import ADMIN_PASSWORD, log_in
from tests.e2e.kiosk import paired_kiosk
from tests.factories import make_layout, make_organisation, make_playlist, make_screen, make_slide

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAIN_SLIDE = ".region[data-region='main'] .slide[data-state='current']"
CURRENT_HEADING = f"{MAIN_SLIDE} .slide-heading"
SUMMARY = "[data-emergency-summary]"
# When the overlay was first painted, by the kiosk's wall clock (the same clock as this process's).
RECORD_PAINT = """
new MutationObserver((changes, observer) => {
  if (!document.querySelector('.emergency')) return;
  observer.disconnect();
  requestAnimationFrame(() => requestAnimationFrame(() => { window.emergencyPaintedAt = performance.timeOrigin + performance.now(); }));
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture
def content():
    organisation = make_organisation("Borgerservice")
    publisher = User.objects.create(
        username="publisher", password=make_password(ADMIN_PASSWORD, hasher="pbkdf2_sha256")
    )
    organisation_member_add(organisation=organisation, user=publisher, roles=["Publisher"])
    slide = make_slide(heading="Opening hours", duration=60, organisation=organisation)
    ticker = make_playlist(
        slides=[make_slide(heading="Bus 5A", duration=60, organisation=organisation)], title="Ticker"
    )
    main = make_playlist(slides=[slide], organisation=organisation)
    layout = make_layout(
        template="main_ticker", regions=[("main", main), ("ticker", ticker)], organisation=organisation
    )
    screen, token = make_screen(layout=layout, name="Lobby", organisation=organisation)
    return screen, token


def covered_by_emergency(kiosk) -> list[bool]:
    """Whether the message covers the middle of the main region and of the ticker below it."""
    return kiosk.evaluate("[360, 700].map((y) => Boolean(document.elementFromPoint(640, y).closest('.emergency')))")


def test_an_emergency_interrupts_the_slide_is_acknowledged_and_ends(browser, daphne, content, measurements):
    screen, token = content
    context, kiosk = paired_kiosk(browser, token)
    context.add_init_script(RECORD_PAINT)
    kiosk.goto(f"{daphne.url}/screen/")
    kiosk.wait_for_selector(f"{CURRENT_HEADING}:text-is('Opening hours')", timeout=10_000)
    # Marks the slide element: after the emergency, the very same element is on screen, never rebuilt.
    kiosk.evaluate(f"document.querySelector(\"{MAIN_SLIDE}\").dataset.beforeEmergency = 'yes'")

    admin = browser.new_context().new_page()
    log_in(admin, daphne.url, "publisher")
    admin.goto(f"{daphne.url}/admin/emergency/")
    admin.fill("#id_heading", "Fire alarm")
    admin.fill("#id_text", "Leave the building by the nearest exit.")
    admin.click("form.emergency-form button[type=submit]")
    admin.wait_for_selector("#emergency-confirm")

    clicked_at = time.time() * 1000
    admin.click("#emergency-confirm")
    kiosk.wait_for_selector(".emergency .emergency__heading:text-is('Fire alarm')", timeout=5_000)
    kiosk.wait_for_function("window.emergencyPaintedAt !== undefined", timeout=5_000)
    measurements["e2e emergency: confirm click → message painted on the screen (ms)"] = round(
        kiosk.evaluate("window.emergencyPaintedAt") - clicked_at
    )
    assert covered_by_emergency(kiosk) == [True, True]
    assert kiosk.locator(".emergency__text").text_content() == "Leave the building by the nearest exit."
    assert kiosk.evaluate("performance.getEntriesByType('navigation').length") == 1  # over the open socket

    admin.wait_for_selector(f"{SUMMARY}:text-is('Acknowledged by 1 of 1 screen')", timeout=5_000)
    measurements["e2e emergency: confirm click → “acknowledged by 1 of 1” in the admin (ms)"] = round(
        time.time() * 1000 - clicked_at
    )
    assert admin.locator("[data-emergency-missing]").text_content().strip() == "None: every screen has shown it."
    assert EmergencyAck.objects.filter(screen=screen).count() == 1

    # A screen rebooting during the emergency shows it from its own storage, before its socket is even open.
    with kiosk.expect_websocket() as reconnected:
        kiosk.reload(wait_until="domcontentloaded")
        assert covered_by_emergency(kiosk) == [True, True]
    # Once connected again, the server sends it again right after welcome (and the screen acknowledges it again).
    reconnected.value.wait_for_event("framereceived", lambda frame: '"type":"emergency"' in frame, timeout=10_000)
    kiosk.wait_for_selector(f"{CURRENT_HEADING}:text-is('Opening hours')", state="attached", timeout=10_000)
    kiosk.evaluate(f"document.querySelector(\"{MAIN_SLIDE}\").dataset.beforeEmergency = 'yes'")

    ended_at = time.time() * 1000
    admin.click("#emergency-end")
    kiosk.wait_for_selector(".emergency", state="detached", timeout=5_000)
    measurements["e2e emergency: end click → slide back on the screen (ms)"] = round(time.time() * 1000 - ended_at)
    assert covered_by_emergency(kiosk) == [False, False]
    assert kiosk.locator(CURRENT_HEADING).text_content() == "Opening hours"
    assert kiosk.evaluate(f'document.querySelector("{MAIN_SLIDE}").dataset.beforeEmergency') == "yes"
    assert kiosk.evaluate("localStorage.getItem('infoscreen.emergencies')") is None
    context.close()
    admin.close()
