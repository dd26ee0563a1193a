"""The manifest carries when each region plays what: schedules resolved into a timeline, slides' expiries."""

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.content_keys import layout_key, playlist_key
from screens.layouts.manifest import manifest_for
from tests.factories import make_layout, make_playlist, make_slide

pytestmark = pytest.mark.django_db

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
WORKDAYS = {
    "rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "starts": time(8),
    "ends": time(16),
    "first_day": date(2026, 1, 1),
}


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(COPENHAGEN)


def test_a_scheduled_playlist_plays_in_its_windows_and_the_other_region_always():
    office = make_playlist(slides=[make_slide(heading="Open")], title="Office hours", schedules=[WORKDAYS])
    ticker = make_playlist(slides=[make_slide(heading="News")], title="Ticker")
    layout = make_layout(regions=[("main", office), ("ticker", ticker)])
    timeline = manifest_for(layout_key(layout.pk)).body["timeline"]

    today = timezone.localdate()
    assert local(timeline["from"]) == datetime.combine(today, time.min, COPENHAGEN)
    assert local(timeline["until"]).date() == today + timedelta(days=7)
    assert timeline["regions"]["ticker"] == [
        {"from": timeline["from"], "until": timeline["until"], "playlists": [ticker.pk]}
    ]
    playing = [row for row in timeline["regions"]["main"] if row["playlists"]]
    workdays = [today + timedelta(days=n) for n in range(7) if (today + timedelta(days=n)).weekday() < 5]
    assert [local(row["from"]).date() for row in playing] == workdays
    for row in playing:
        assert (local(row["from"]).time(), local(row["until"]).time()) == (time(8), time(16))
        assert row["playlists"] == [office.pk]
    # Between the windows the region says explicitly that nothing plays, so every instant resolves.
    rows = timeline["regions"]["main"]
    assert rows[0]["from"] == timeline["from"] and rows[-1]["until"] == timeline["until"]
    assert all(a["until"] == b["from"] for a, b in pairwise(rows))


def test_the_timeline_carries_local_offsets_and_the_version_holds_between_builds():
    playlist = make_playlist(slides=[make_slide()], schedules=[WORKDAYS])
    first, second = (manifest_for(playlist_key(playlist.pk)) for _ in range(2))
    assert first.version == second.version, "resolved from the day's start, not from the moment of the build"
    assert first.body["timeline"]["from"][-6:] in {"+01:00", "+02:00"}


def test_a_playlists_expiry_ends_its_intervals():
    playlist = make_playlist(slides=[make_slide()])
    expiry = timezone.localtime().replace(microsecond=0) + timedelta(days=2)
    playlist.expire_at = expiry
    playlist.save()
    rows = manifest_for(playlist_key(playlist.pk)).body["timeline"]["regions"]["main"]
    assert [row["playlists"] for row in rows] == [[playlist.pk], []]
    assert datetime.fromisoformat(rows[0]["until"]) == expiry


def test_a_slide_carries_its_expiry_so_a_screen_takes_it_off_on_time_offline():
    expiry = timezone.now().replace(microsecond=0) + timedelta(hours=3)
    lasting, expiring = make_slide(heading="Stays"), make_slide(heading="Goes", expire_at=expiry)
    playlist = make_playlist(slides=[lasting, expiring])
    slides = manifest_for(playlist_key(playlist.pk)).body["playlists"][str(playlist.pk)]["slides"]
    assert [slide["until"] for slide in slides] == [None, timezone.localtime(expiry).isoformat()]


def test_a_schedule_changes_screens_only_once_the_playlist_is_published():
    playlist = make_playlist(slides=[make_slide()])
    before = manifest_for(playlist_key(playlist.pk)).body["timeline"]
    draft = playlist.get_latest_revision_as_object()
    draft.schedules.add(draft.schedules.model(**WORKDAYS))
    draft.save_revision()
    assert manifest_for(playlist_key(playlist.pk)).body["timeline"] == before
    playlist.get_latest_revision().publish()
    rows = manifest_for(playlist_key(playlist.pk)).body["timeline"]["regions"]["main"]
    assert any(row["playlists"] == [] for row in rows)
