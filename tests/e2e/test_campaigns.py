"""A campaign on a real screen in Chromium: it takes over at its start by the screen's clock, a queued one
follows, and the screen's own slide is back at the end without a blank frame."""

import time as clock
from datetime import datetime, time

import pytest
from django.utils import timezone

from tests.e2e.kiosk import paired_kiosk
from tests.factories import make_campaign, make_layout, make_organisation, make_playlist, make_screen, make_slide

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def reported_slide(screen, kiosk, expected: int) -> int | None:
    """The slide the screen's last status report names, once it names `expected` (or after 10 s)."""
    deadline = clock.monotonic() + 10
    while clock.monotonic() < deadline:
        kiosk.clock.run_for(1000)  # reports go out at most every 5 s, by the screen's clock
        screen.refresh_from_db()
        if (screen.status or {}).get("slide") == expected:
            break
        clock.sleep(0.2)
    return (screen.status or {}).get("slide")


CAMPAIGN_HEADING = ".campaign[data-state='current'] .slide[data-state='current'] .slide-heading"


def test_campaigns_take_over_queue_and_hand_back_the_very_same_slide(browser, daphne):
    organisation = make_organisation("Borgerservice")
    welcome = make_slide(heading="Welcome to the town hall", duration=3600, organisation=organisation)
    own = make_playlist(slides=[welcome], organisation=organisation)
    news = make_playlist(
        slides=[make_slide(heading="Bus 5A runs as usual", duration=3600, organisation=organisation)],
        title="News",
        organisation=organisation,
    )
    layout = make_layout(regions=[("main", own), ("ticker", news)], organisation=organisation)
    screen, token = make_screen(layout=layout, organisation=organisation)
    zone = timezone.get_current_timezone()
    day = timezone.localdate()
    at = lambda hours, minutes, seconds=0: datetime.combine(day, time(hours, minutes, seconds), zone)  # noqa: E731
    flu_slide = make_slide(heading="Flu shots today", organisation=organisation)
    flu = make_playlist(slides=[flu_slide], title="Flu", organisation=organisation)
    vote = make_playlist(
        slides=[make_slide(heading="Vote here on Tuesday", organisation=organisation)],
        title="Vote",
        organisation=organisation,
    )
    make_campaign(playlist=flu, starts=at(11, 0), ends=at(11, 1), screens=[screen], priority=1, title="Flu")
    make_campaign(playlist=vote, starts=at(11, 0), ends=at(11, 2), locations=[screen.location], title="Vote")

    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.clock.install(time=at(10, 59, 40))
        kiosk.goto(f"{daphne.url}/screen/")
        kiosk.wait_for_selector(
            ".region[data-region='main'] .slide[data-state='current'] .slide-heading:text-is('Welcome to the town hall')",
            timeout=10000,
        )
        kiosk.evaluate(
            "document.querySelector(\".region[data-region='main'] .slide[data-state='current']\").dataset.kept = 'yes'"
        )
        kiosk.wait_for_function(
            "() => document.querySelector('.campaign') === null && window.localStorage.getItem('infoscreen.campaigns') !== null",
            timeout=10000,
        )

        kiosk.clock.pause_at(at(10, 59, 59))
        assert kiosk.locator(".campaign").count() == 0, "not a second early"
        kiosk.clock.run_for(1500)
        kiosk.wait_for_selector(f"{CAMPAIGN_HEADING}:text-is('Flu shots today')", timeout=10000)
        box = kiosk.locator(".campaign").bounding_box()
        assert (box["width"], box["height"]) == (1280, 720), "full screen, ticker included"
        assert reported_slide(screen, kiosk, flu_slide.pk) == flu_slide.pk, "the status names what is on screen"

        kiosk.clock.run_for(60 * 1000)  # 11:01: the higher priority is over, the queued campaign plays on
        kiosk.wait_for_selector(f"{CAMPAIGN_HEADING}:text-is('Vote here on Tuesday')", timeout=10000)

        kiosk.clock.run_for(60 * 1000)  # 11:02: over
        kiosk.wait_for_selector(".campaign", state="detached", timeout=10000)
        assert (
            kiosk.locator(".region[data-region='main'] .slide[data-state='current'][data-kept='yes']").count() == 1
        ), "the slide that played underneath is on screen at once"
        assert reported_slide(screen, kiosk, welcome.pk) == welcome.pk
    finally:
        context.close()
