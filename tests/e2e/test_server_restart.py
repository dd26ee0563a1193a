"""The server goes away and comes back: the screen keeps playing, then picks up what changed meanwhile."""

import time

import pytest

from tests.e2e.kiosk import paired_kiosk
from tests.e2e.test_walking_skeleton import CURRENT_HEADING
from tests.factories import make_playlist, make_screen, make_slide
from tests.servers import DaphneServer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_screen_plays_through_a_server_restart_and_catches_up(browser, server_logs, measurements):
    slide = make_slide(heading="Before the restart", duration=60)
    _, token = make_screen(playlist=make_playlist(slides=[slide]), name="Lobby")
    server = DaphneServer(log_dir=server_logs)
    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.goto(f"{server.url}/screen/")
        kiosk.wait_for_selector(f"{CURRENT_HEADING}:text-is('Before the restart')", timeout=10000)

        server.stop()
        slide.content = [("image_text", {"heading": "Changed while it was down", "text": "", "image": None})]
        slide.save_revision().publish()  # nobody to push to: the screen must catch up by itself
        time.sleep(3)
        assert kiosk.locator(f"{CURRENT_HEADING}:text-is('Before the restart')").is_visible()  # never blank
        assert kiosk.evaluate("document.body.dataset.state") == "playing"

        restarting = time.monotonic()
        server = DaphneServer(log_dir=server_logs, port=server.port)
        kiosk.wait_for_selector(f"{CURRENT_HEADING}:text-is('Changed while it was down')", timeout=45000)
        seconds = round(time.monotonic() - restarting, 1)
        measurements["server restarted → screen shows what changed meanwhile, incl. server start (s)"] = seconds
    finally:
        context.close()
        server.stop()
