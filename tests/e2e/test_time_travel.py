"""Schedules in real Chromium: a screen switches a region at the scheduled minute by its own clock, offline;
and the admin's time-travel preview plays what a screen would show at the chosen moment."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.e2e.kiosk import paired_kiosk
from tests.factories import (
    make_campaign,
    make_layout,
    make_organisation,
    make_playlist,
    make_screen,
    make_slide,
    make_user,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
WORKDAYS = {
    "rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "starts": time(8),
    "ends": time(16),
    "first_day": date(2026, 1, 1),
}
AFTER_HOURS = {"rule": "FREQ=DAILY", "starts": time(16), "ends": time(8), "first_day": date(2026, 1, 1)}


def heading_in(region: str) -> str:
    return f".region[data-region='{region}'] .slide[data-state='current'] .slide-heading"


def library_screen():
    """A main + ticker layout: opening hours on weekdays 08–16, "we open at 8" overnight, news always."""
    organisation = make_organisation("Biblioteket")
    opening = make_playlist(
        slides=[make_slide(heading="Welcome, we are open", organisation=organisation)],
        title="Opening hours",
        organisation=organisation,
        schedules=[WORKDAYS],
    )
    closed = make_playlist(
        slides=[make_slide(heading="We open at 8", organisation=organisation)],
        title="After hours",
        organisation=organisation,
        schedules=[AFTER_HOURS],
    )
    news = make_playlist(
        slides=[make_slide(heading="New books this week", organisation=organisation, duration=600)],
        title="News",
        organisation=organisation,
    )
    layout = make_layout(
        template="main_ticker",
        regions=[("main", opening), ("main", closed), ("ticker", news)],
        organisation=organisation,
    )
    return make_screen(layout=layout, organisation=organisation, name="Library entrance")


def next_workday() -> date:
    """The first Monday–Friday from today: inside the 7 days the manifest's timeline covers."""
    today = timezone.localdate()
    return next(today + timedelta(days=n) for n in range(7) if (today + timedelta(days=n)).weekday() < 5)


def test_a_screen_switches_at_the_scheduled_minute_by_its_own_clock_while_offline(browser, daphne):
    _, token = library_screen()
    context, kiosk = paired_kiosk(browser, token)
    # Every heading the main region ever shows, in order.
    context.add_init_script("""
        window.mainHeadings = [];
        new MutationObserver(() => {
            const shown = document.querySelector(".region[data-region='main'] .slide[data-state='current'] .slide-heading");
            const text = shown && shown.textContent;
            if (text && window.mainHeadings[window.mainHeadings.length - 1] !== text) window.mainHeadings.push(text);
        }).observe(document, {childList: true, subtree: true, attributes: true});
    """)
    try:
        kiosk.clock.install(time=datetime.combine(next_workday(), time(7, 59, 30), COPENHAGEN))
        kiosk.goto(f"{daphne.url}/screen/")
        kiosk.wait_for_selector(f"{heading_in('main')}:text-is('We open at 8')", timeout=10000)
        kiosk.wait_for_selector(f"{heading_in('ticker')}:text-is('New books this week')", timeout=10000)
        kiosk.evaluate(
            "document.querySelector(\".region[data-region='ticker'] .slide[data-state='current']\").dataset.kept = 'yes'"
        )

        context.set_offline(True)
        kiosk.clock.pause_at(datetime.combine(next_workday(), time(7, 59, 59), COPENHAGEN))
        assert kiosk.evaluate("window.mainHeadings") == ["We open at 8"], "opening hours not a second early"
        kiosk.clock.run_for(1500)
        kiosk.wait_for_selector(f"{heading_in('main')}:text-is('Welcome, we are open')", timeout=10000)
        assert kiosk.evaluate("window.mainHeadings") == ["We open at 8", "Welcome, we are open"]
        assert kiosk.locator(".region[data-region='ticker'] .slide[data-kept='yes']").count() == 1, (
            "the ticker played on"
        )
    finally:
        context.close()


def preview_html(client, screen, day: date, at: str) -> str:
    query = {"screen": screen.pk, "date": day.isoformat(), "time": at}
    response = client.get(reverse("time_travel:preview"), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_time_travel_preview_plays_what_the_screen_shows_at_that_moment(browser, daphne, client):
    screen, _ = library_screen()
    client.force_login(make_user(organisation=screen.organisation, roles=("Editor",)))
    flu = make_playlist(
        slides=[make_slide(heading="Flu shots today", organisation=screen.organisation)],
        title="Flu",
        organisation=screen.organisation,
    )
    day = next_workday()
    make_campaign(
        playlist=flu,
        starts=datetime.combine(day, time(11), COPENHAGEN),
        ends=datetime.combine(day, time(12), COPENHAGEN),
        screens=[screen],
    )
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(f"{daphne.url}/screen/css/screen.css")  # any page of the server: the preview's scripts load from it
        for at, main in (("09:30", "Welcome, we are open"), ("20:00", "We open at 8")):
            page.set_content(preview_html(client, screen, next_workday(), at))
            frame = page.frame_locator("#preview-screen")
            frame.locator(f"{heading_in('main')}:text-is('{main}')").wait_for(timeout=10000)
            frame.locator(f"{heading_in('ticker')}:text-is('New books this week')").wait_for(timeout=10000)
            assert frame.locator(".campaign").count() == 0
        page.set_content(preview_html(client, screen, day, "11:15"))
        frame = page.frame_locator("#preview-screen")
        frame.locator(
            ".campaign[data-state='current'] .slide[data-state='current'] .slide-heading:text-is('Flu shots today')"
        ).wait_for(timeout=10000)
        covering = frame.locator(".campaign").bounding_box()
        assert (covering["width"], covering["height"]) == (1920, 1080), "full screen, over the layout"
        frame.locator(f"{heading_in('main')}:text-is('Welcome, we are open')").wait_for(state="attached", timeout=10000)
    finally:
        page.close()
