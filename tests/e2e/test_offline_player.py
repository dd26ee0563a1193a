"""A paired screen that reloads without a network shows its last content at once, from its service worker."""

import time

import pytest

from tests.e2e.kiosk import paired_kiosk
from tests.factories import make_playlist, make_screen, make_slide

pytestmark = [pytest.mark.e2e, pytest.mark.client_rendering, pytest.mark.django_db(transaction=True)]

CURRENT_HEADING = ".slide[data-state='current'] .slide-heading"
# Generous on purpose: the 2 s target is measured and reported, not asserted (a busy CI machine is no screen).
OFFLINE_BOOT_WAIT_MS = 10000
SERVICE_WORKER_READY = """Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 10000)),
])"""


def test_a_screen_reloaded_offline_shows_its_last_content_from_its_service_worker(browser, daphne, measurements):
    slide = make_slide(heading="Still here offline", duration=60)
    _, token = make_screen(playlist=make_playlist(slides=[slide]), name="Lobby")

    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.goto(f"{daphne.url}/screen/")
        kiosk.wait_for_selector(f"{CURRENT_HEADING}:text-is('Still here offline')", timeout=10000)
        assert kiosk.evaluate(SERVICE_WORKER_READY), "no service worker became active"
        # Once the worker has claimed the page, the next load goes through it.
        kiosk.wait_for_function("navigator.serviceWorker.controller !== null", timeout=10000)

        context.set_offline(True)
        started = time.monotonic()
        kiosk.reload(wait_until="commit", timeout=OFFLINE_BOOT_WAIT_MS)
        kiosk.wait_for_selector(f"{CURRENT_HEADING}:text-is('Still here offline')", timeout=OFFLINE_BOOT_WAIT_MS)
        elapsed_ms = round((time.monotonic() - started) * 1000)
        measurements["offline boot → content visible (ms)"] = elapsed_ms

        assert kiosk.evaluate("navigator.onLine") is False
        assert kiosk.evaluate("performance.getEntriesByType('navigation')[0].type") == "reload"
        assert kiosk.evaluate("navigator.serviceWorker.controller !== null")
        assert kiosk.evaluate("document.body.dataset.state") == "playing"
    finally:
        context.set_offline(False)
        context.close()
