"""Schedules edited in the playlist's admin form: repeats in, RRULE rows out, clear errors, a readable listing."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.timeline import Entry, timeline_resolve
from playlists.models import Playlist, PlaylistSchedule
from tests.factories import make_organisation, make_playlist, make_user

pytestmark = pytest.mark.django_db

WEEKDAYS_8_TO_16 = {
    "repeat": "weekly",
    "weekdays": ["0", "1", "2", "3", "4"],
    "ordinal": "1",
    "ordinal_weekday": "5",
    "month_day": "1",
    "month": "1",
    "custom_rule": "",
    "starts": "08:00",
    "ends": "16:00",
    "first_day": "2026-01-05",
    "last_day": "",
}


@pytest.fixture
def publisher(client):
    user = make_user(organisation=make_organisation(), roles=("Publisher",))
    client.force_login(user)
    return user


def post_playlist(client, playlist, *schedules, publish=True):
    form = nested_form_data(
        {
            "organisation": playlist.organisation_id,
            "title": playlist.title,
            "items": inline_formset([]),
            "schedules": inline_formset([{}] * len(schedules)),
        }
    )
    # nested_form_data would spread the weekday checkboxes' list over numbered keys.
    form.update(
        {f"schedules-{n}-{name}": value for n, schedule in enumerate(schedules) for name, value in schedule.items()}
    )
    if publish:
        form["action-publish"] = "action-publish"
    with translation.override("en"):
        return client.post(reverse("wagtailsnippets_playlists_playlist:edit", args=[playlist.pk]), form)


def errors_of(response) -> list[str]:
    return re.findall(r'class="error-message"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<', response.content.decode())


def test_a_published_schedule_is_stored_as_an_rrule_and_resolves_in_the_timeline(client, publisher):
    playlist = make_playlist()
    response = post_playlist(
        client,
        playlist,
        WEEKDAYS_8_TO_16,
        {
            **WEEKDAYS_8_TO_16,
            "repeat": "monthly",
            "ordinal": "1",
            "ordinal_weekday": "5",
            "starts": "10:00",
            "ends": "14:00",
        },
    )
    assert response.status_code == 302, errors_of(response)
    live = Playlist.objects.get(pk=playlist.pk)
    assert [schedule.rule for schedule in live.schedules.all()] == [
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=MONTHLY;BYDAY=1SA",
    ]
    zone = ZoneInfo("Europe/Copenhagen")
    timeline = timeline_resolve(
        regions={"main": [Entry(live.pk, tuple(s.recurrence() for s in live.schedules.all()))]},
        now=datetime(2026, 3, 6, tzinfo=zone),  # a Friday, the day before the month's first Saturday
        horizon=timedelta(days=2),
        zone=zone,
    )
    assert [(i.start.isoformat(), i.end.isoformat()) for i in timeline.regions["main"] if i.playlist_ids] == [
        ("2026-03-06T08:00:00+01:00", "2026-03-06T16:00:00+01:00"),
        ("2026-03-07T10:00:00+01:00", "2026-03-07T14:00:00+01:00"),
    ]


def test_a_draft_schedule_does_not_change_the_live_playlist(client, publisher):
    playlist = make_playlist()
    assert post_playlist(client, playlist, WEEKDAYS_8_TO_16, publish=False).status_code == 302
    assert not PlaylistSchedule.objects.filter(playlist=playlist).exists()
    assert Playlist.objects.get(pk=playlist.pk).latest_revision.as_object().schedules.count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"weekdays": []}, "Choose at least one weekday."),
        ({"starts": "16:00", "ends": "08:00"}, "The end must be after the start."),
        ({"starts": "08:00", "ends": "08:00"}, "The end must be after the start."),
        ({"first_day": "2026-02-01", "last_day": "2026-01-01"}, "The last day cannot be before the first day."),
        ({"repeat": "yearly", "month": "2", "month_day": "30"}, "February has no day 30."),
        (
            {"repeat": "custom", "custom_rule": "FREQ=DAILY;BYHOUR=8"},
            "The time of day comes from the start and end times",
        ),
        ({"repeat": "custom", "custom_rule": "FREQ=WEEKLY;BYDAY=XX"}, "This is not a valid RFC 5545 recurrence rule"),
    ],
)
def test_a_schedule_that_makes_no_sense_is_refused_with_a_clear_error(client, publisher, change, message):
    playlist = make_playlist()
    response = post_playlist(client, playlist, {**WEEKDAYS_8_TO_16, **change})
    assert response.status_code == 200
    assert any(error.startswith(message) for error in errors_of(response)), errors_of(response)
    assert not PlaylistSchedule.objects.exists()


def test_a_window_ending_at_midnight_and_a_custom_rule_are_accepted(client, publisher):
    playlist = make_playlist()
    custom = {
        **WEEKDAYS_8_TO_16,
        "repeat": "custom",
        "custom_rule": "rrule:freq=weekly;interval=2;byday=tu",
        "ends": "00:00",
    }
    assert post_playlist(client, playlist, custom).status_code == 302
    assert PlaylistSchedule.objects.get(playlist=playlist).rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"


def test_the_edit_form_shows_a_stored_rule_as_the_preset_it_is(client, publisher):
    playlist = make_playlist()
    post_playlist(client, playlist, {**WEEKDAYS_8_TO_16, "repeat": "monthly", "ordinal": "-1", "ordinal_weekday": "4"})
    html = client.get(reverse("wagtailsnippets_playlists_playlist:edit", args=[playlist.pk])).content.decode()
    assert re.search(r'name="schedules-0-repeat" value="monthly"[^>]*checked', html)
    assert re.search(r'<option value="-1" selected>', html)
    assert re.search(r'<option value="4" selected>', html)


def test_the_listing_says_when_each_playlist_plays(client, publisher):
    scheduled, always = make_playlist(title="Opening hours"), make_playlist(title="Lobby")
    post_playlist(client, scheduled, WEEKDAYS_8_TO_16)
    with translation.override("en"):
        html = client.get(reverse("wagtailsnippets_playlists_playlist:list")).content.decode()
    assert "Monday–Friday 08:00–16:00" in html
    assert "Always" in html and always.title in html
