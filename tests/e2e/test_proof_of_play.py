"""Proof of play across an outage, in Chromium: every slide shown is stored exactly once, none lost."""

import time
from datetime import UTC, datetime
from itertools import pairwise

import pytest

from screens.proof_of_play.models import PlayEvent
from tests.e2e.kiosk import paired_kiosk
from tests.factories import make_playlist, make_screen, make_slide
from tests.servers import DaphneServer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SLIDE_SECONDS = 2


def wait_for(condition, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_plays_during_a_server_outage_are_stored_once_each_with_no_gaps(browser, server_logs):
    slides = [make_slide(heading=f"Slide {n}", duration=SLIDE_SECONDS) for n in range(2)]
    screen, token = make_screen(playlist=make_playlist(slides=slides), name="Lobby")
    server = DaphneServer(log_dir=server_logs)
    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.goto(f"{server.url}/screen/")
        kiosk.wait_for_selector(".slide[data-state='current']", timeout=10000)
        time.sleep(3)
        server.stop()
        down_from = time.time()
        time.sleep(4 * SLIDE_SECONDS)  # the screen keeps playing and keeps its proof of play
        server = DaphneServer(log_dir=server_logs, port=server.port)
        # After reconnecting the client sends what it buffered.
        after_outage = datetime.fromtimestamp(down_from + 2 * SLIDE_SECONDS, tz=UTC)
        wait_for(lambda: PlayEvent.objects.filter(screen=screen, started_at__gt=after_outage).exists(), timeout=30)
    finally:
        context.close()
        server.stop()
    events = list(PlayEvent.objects.filter(screen=screen).order_by("started_at"))
    assert len({e.event_id for e in events}) == len(events)
    assert {e.slide_id for e in events} <= {s.pk for s in slides}
    # Back to back, with nothing missing: each slide starts where the previous one ended.
    for previous, following in pairwise(events):
        gap = (following.started_at - previous.started_at).total_seconds() - previous.duration
        assert abs(gap) < 1.0, f"{gap:.1f} s between plays: an event is missing"
    assert events[0].started_at.timestamp() < down_from < events[-1].started_at.timestamp()
