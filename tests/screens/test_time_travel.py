"""Time travel: what a screen shows at a chosen moment, computed by the timeline screens follow."""

import json
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from screens.time_travel.lookup import loop_position, screen_at
from tests.factories import (
    make_campaign,
    make_layout,
    make_organisation,
    make_playlist,
    make_screen,
    make_slide,
    make_user,
)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
WORKDAYS = {
    "rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "starts": time(8),
    "ends": time(16),
    "first_day": date(2026, 1, 1),
}
# Sunday 28 March 2027 is the spring DST change; Monday 29 March 2027 the first working day after it.
MONDAY = date(2027, 3, 29)


def local(day: date, hours: int, minutes: int = 0) -> datetime:
    return datetime.combine(day, time(hours, minutes), COPENHAGEN)


def test_the_loop_position_is_the_item_on_screen_after_that_many_seconds():
    assert loop_position([10, 20, 30], 0) == 0
    assert loop_position([10, 20, 30], 9.9) == 0
    assert loop_position([10, 20, 30], 10) == 1
    assert loop_position([10, 20, 30], 59) == 2
    assert loop_position([10, 20, 30], 60) == 0, "it loops"
    assert loop_position([10, 20, 30], 3600 + 15) == 1
    assert loop_position([], 5) is None


@pytest.fixture
def library(db):
    organisation = make_organisation("Biblioteket")
    office = make_playlist(
        slides=[
            make_slide(heading="Open today", title="Open today", organisation=organisation, duration=10),
            make_slide(heading="Self service", title="Self service", organisation=organisation, duration=20),
        ],
        title="Opening hours",
        organisation=organisation,
        schedules=[WORKDAYS],
    )
    weekend = make_playlist(
        slides=[make_slide(heading="Events", title="Weekend events", organisation=organisation)],
        title="Weekend",
        organisation=organisation,
        schedules=[{**WORKDAYS, "rule": "FREQ=WEEKLY;BYDAY=SA,SU", "starts": time(0), "ends": time(0)}],
    )
    ticker = make_playlist(
        slides=[make_slide(heading="News", title="News", organisation=organisation)],
        title="Ticker",
        organisation=organisation,
    )
    layout = make_layout(
        template="main_ticker",
        regions=[("main", office), ("main", weekend), ("ticker", ticker)],
        organisation=organisation,
        name="Library layout",
    )
    screen, _ = make_screen(layout=layout, organisation=organisation, name="Library entrance")
    return screen, office, weekend, ticker


def test_a_weekday_morning_plays_opening_hours_and_the_ticker(library):
    screen, office, weekend, ticker = library
    moment = local(
        MONDAY,
        8,
        0,
    ) + timedelta(seconds=15)
    shown = screen_at(screen, moment)
    assert shown.layout == "Library layout" and shown.orientation == "landscape"
    main, bar = shown.regions
    assert [p.title for p in main.playlists] == ["Opening hours"]
    assert (main.starts, main.ends) == (local(MONDAY, 8), local(MONDAY, 16))
    assert main.on_screen["title"] == "Self service", "15 s in: the first slide (10 s) is over"
    assert [p.title for p in bar.playlists] == ["Ticker"]


def test_the_weekend_and_the_night_across_the_dst_change(library):
    screen, *_ = library
    sunday = screen_at(screen, local(MONDAY - timedelta(days=1), 2, 30))  # a time the clock skips: after the jump
    assert [p.title for p in sunday.regions[0].playlists] == ["Weekend"]
    assert sunday.regions[0].ends == local(MONDAY, 0)
    night = screen_at(screen, local(MONDAY, 6))
    assert night.regions[0].playlists == [] and night.regions[0].on_screen is None
    assert night.regions[0].ends == local(MONDAY, 8)


def test_a_slide_past_its_expiry_is_not_shown_then(library):
    screen, office, *_ = library
    first = office.items.first().slide
    first.expire_at = local(MONDAY, 9)
    first.save()
    before, after = screen_at(screen, local(MONDAY, 8, 30)), screen_at(screen, local(MONDAY, 10))
    assert [s["title"] for s in before.regions[0].playlists[0].slides] == ["Open today", "Self service"]
    assert [s["title"] for s in after.regions[0].playlists[0].slides] == ["Self service"]


def test_a_campaign_covers_the_screen_in_its_window_with_the_layout_playing_underneath(library):
    screen, *_ = library
    flu = make_playlist(
        slides=[make_slide(heading="Flu shots", title="Flu shots", organisation=screen.organisation)],
        title="Flu campaign",
        organisation=screen.organisation,
    )
    make_campaign(
        playlist=flu,
        starts=local(MONDAY, 9),
        ends=local(MONDAY, 10),
        locations=[screen.location],
        title="Flu shots today",
    )
    during, after = screen_at(screen, local(MONDAY, 9, 30)), screen_at(screen, local(MONDAY, 10))
    assert during.campaign.title == "Flu shots today"
    assert (during.campaign.starts, during.campaign.ends) == (local(MONDAY, 9), local(MONDAY, 10))
    assert [s["title"] for s in during.campaign.playlist.slides] == ["Flu shots"]
    assert [p.title for p in during.regions[0].playlists] == ["Opening hours"], "the layout plays on underneath"
    assert after.campaign is None
    assert [row["campaign"] for row in during.campaigns["track"]] == [
        row["campaign"] for row in after.campaigns["track"]
    ]


@pytest.mark.django_db
def test_the_admin_page_and_its_preview_for_a_member_of_the_screens_organisation(client, library):
    screen, *_ = library
    client.force_login(make_user(organisation=screen.organisation, roles=("Editor",)))
    url = reverse("time_travel:index")
    assert "Library entrance" in client.get(url).content.decode()
    page = client.get(url, {"screen": screen.pk, "date": MONDAY.isoformat(), "time": "09:00"}).content.decode()
    assert 'data-region="main"' in page and "Opening hours" in page and "Self service" in page
    preview = client.get(
        reverse("time_travel:preview"), {"screen": screen.pk, "date": MONDAY.isoformat(), "time": "09:00"}
    )
    assert preview.status_code == 200
    srcdoc = preview.content.decode()
    moment = re.search(r"id=&quot;preview-at&quot;.*?&gt;(.*?)&lt;/script", srcdoc).group(1)
    assert json.loads(moment.replace("&quot;", '"')) == local(MONDAY, 9).isoformat()


@pytest.mark.django_db
def test_another_organisations_screen_cannot_be_chosen(client, library):
    screen, *_ = library
    client.force_login(make_user(organisation=make_organisation("Borgerservice"), roles=("Screen admin",)))
    query = {"screen": screen.pk, "date": MONDAY.isoformat(), "time": "09:00"}
    page = client.get(reverse("time_travel:index"), query).content.decode()
    assert "Library entrance" not in page and "Opening hours" not in page
    assert client.get(reverse("time_travel:preview"), query).status_code == 400


@pytest.mark.django_db
def test_a_malformed_date_gets_a_form_error_not_a_stack_trace(client, library):
    screen, *_ = library
    client.force_login(make_user(organisation=screen.organisation, roles=("Screen admin",)))
    response = client.get(reverse("time_travel:index"), {"screen": screen.pk, "date": "31-31-2027", "time": "25:00"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter a valid date." in page and "Enter a valid time." in page
    assert "data-time-travel-result" not in page
