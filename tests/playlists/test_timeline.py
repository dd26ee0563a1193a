"""The timeline's semantics on chosen days, DST changes included (no database)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.timeline import Campaign, Entry, Recurrence, at, timeline_resolve

CPH = ZoneInfo("Europe/Copenhagen")
WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
SPRING_FORWARD = [date(2026, 3, 29), date(2027, 3, 28)]
FALL_BACK = [date(2026, 10, 25), date(2027, 10, 31)]


def daily(starts: time, ends: time, rule: str = "FREQ=DAILY", **kwargs) -> Recurrence:
    return Recurrence(rule, starts, ends, kwargs.pop("first_day", date(2026, 1, 1)), **kwargs)


def cph(*args) -> datetime:
    return datetime(*args, tzinfo=CPH)


def resolve(regions, campaigns=(), *, now=None, days=1):
    return timeline_resolve(
        regions=regions, campaigns=campaigns, now=now or cph(2026, 6, 1), horizon=timedelta(days=days), zone=CPH
    )


def playing(timeline, region="main"):
    """(start, end, playlist ids) of the region's intervals where something plays, as local ISO strings."""
    return [
        (i.start.isoformat(), i.end.isoformat(), i.playlist_ids) for i in timeline.regions[region] if i.playlist_ids
    ]


def real_hours(timeline, region="main"):
    return [(i.end - i.start) / timedelta(hours=1) for i in timeline.regions[region] if i.playlist_ids]


@pytest.mark.parametrize("day", SPRING_FORWARD)
def test_on_spring_forward_days_a_night_window_loses_the_skipped_hour_and_a_day_window_keeps_its_hours(day):
    timeline = resolve(
        {"main": [Entry(1, (daily(time(1, 30), time(3, 30)),)), Entry(2, (daily(time(8), time(16)),))]},
        now=cph(day.year, day.month, day.day),
    )
    assert playing(timeline) == [
        (f"{day}T01:30:00+01:00", f"{day}T03:30:00+02:00", (1,)),
        (f"{day}T08:00:00+02:00", f"{day}T16:00:00+02:00", (2,)),
    ]
    assert real_hours(timeline) == [1, 8]


@pytest.mark.parametrize("day", FALL_BACK)
def test_on_fall_back_days_a_night_window_runs_through_the_repeated_hour(day):
    timeline = resolve(
        {"main": [Entry(1, (daily(time(1, 30), time(3, 30)),)), Entry(2, (daily(time(8), time(16)),))]},
        now=cph(day.year, day.month, day.day),
    )
    assert playing(timeline) == [
        (f"{day}T01:30:00+02:00", f"{day}T03:30:00+01:00", (1,)),
        (f"{day}T08:00:00+01:00", f"{day}T16:00:00+01:00", (2,)),
    ]
    assert real_hours(timeline) == [3, 8]


@pytest.mark.parametrize("day", SPRING_FORWARD)
def test_a_window_starting_in_the_skipped_hour_starts_when_the_clock_jumps_past_it(day):
    timeline = resolve({"main": [Entry(1, (daily(time(2, 30), time(4)),))]}, now=cph(day.year, day.month, day.day))
    assert playing(timeline) == [(f"{day}T03:00:00+02:00", f"{day}T04:00:00+02:00", (1,))]


@pytest.mark.parametrize("day", FALL_BACK)
def test_a_window_in_the_repeated_hour_starts_the_first_time_and_ends_the_second_time(day):
    timeline = resolve({"main": [Entry(1, (daily(time(2, 15), time(2, 45)),))]}, now=cph(day.year, day.month, day.day))
    assert playing(timeline) == [(f"{day}T02:15:00+02:00", f"{day}T02:45:00+01:00", (1,))]
    assert real_hours(timeline) == [1.5]


def test_weekdays_eight_to_four_is_local_time_on_both_sides_of_the_change():
    timeline = resolve({"main": [Entry(1, (daily(time(8), time(16), WEEKDAYS),))]}, now=cph(2026, 3, 27), days=4)
    assert playing(timeline) == [
        ("2026-03-27T08:00:00+01:00", "2026-03-27T16:00:00+01:00", (1,)),  # Friday, winter time
        ("2026-03-30T08:00:00+02:00", "2026-03-30T16:00:00+02:00", (1,)),  # Monday, summer time
    ]


def test_an_end_at_or_before_the_start_ends_the_next_day():
    whole_days = resolve({"main": [Entry(1, (daily(time(0), time(0)),))]}, days=2)
    assert playing(whole_days) == [("2026-06-01T00:00:00+02:00", "2026-06-03T00:00:00+02:00", (1,))]
    night = resolve({"main": [Entry(1, (daily(time(22), time(6), first_day=date(2026, 6, 1)),))]}, days=2)
    assert playing(night) == [
        ("2026-06-01T22:00:00+02:00", "2026-06-02T06:00:00+02:00", (1,)),
        ("2026-06-02T22:00:00+02:00", "2026-06-03T00:00:00+02:00", (1,)),  # cut at the horizon
    ]


def test_a_night_window_begun_the_day_before_the_horizon_plays_on_at_its_start():
    timeline = resolve({"main": [Entry(1, (daily(time(22), time(6)),))]}, now=cph(2026, 6, 1, 3))
    assert playing(timeline)[0] == ("2026-06-01T03:00:00+02:00", "2026-06-01T06:00:00+02:00", (1,))


def test_a_schedule_plays_from_its_first_day_to_its_last_day():
    schedule = daily(time(8), time(9), first_day=date(2026, 6, 2), last_day=date(2026, 6, 3))
    assert [start[:10] for start, _, _ in playing(resolve({"main": [Entry(1, (schedule,))]}, days=7))] == [
        "2026-06-02",
        "2026-06-03",
    ]


def test_the_first_saturday_of_the_month():
    schedule = daily(time(10), time(14), "FREQ=MONTHLY;BYDAY=1SA")
    starts = [
        start for start, _, _ in playing(resolve({"main": [Entry(1, (schedule,))]}, now=cph(2026, 6, 1), days=61))
    ]
    assert starts == ["2026-06-06T10:00:00+02:00", "2026-07-04T10:00:00+02:00"]


def test_the_publish_window_clips_the_schedules():
    entry = Entry(1, (daily(time(8), time(16)),), live_from=cph(2026, 6, 1, 12), live_until=cph(2026, 6, 2, 9))
    assert playing(resolve({"main": [entry]}, days=3)) == [
        ("2026-06-01T12:00:00+02:00", "2026-06-01T16:00:00+02:00", (1,)),
        ("2026-06-02T08:00:00+02:00", "2026-06-02T09:00:00+02:00", (1,)),
    ]


def test_overlapping_playlists_play_together_in_region_order_and_a_repeated_one_plays_once():
    morning, allday = daily(time(8), time(12)), daily(time(0), time(0))
    timeline = resolve({"main": [Entry(7, (morning,)), Entry(3), Entry(7, (allday,))]})
    assert [(i.start.hour, i.playlist_ids) for i in timeline.regions["main"]] == [
        (0, (3, 7)),
        (8, (7, 3)),
        (12, (3, 7)),
    ]
    assert [
        (i.start.hour, i.playlist_ids) for i in resolve({"main": [Entry(3), Entry(7, (morning,))]}).regions["main"]
    ] == [
        (0, (3,)),
        (8, (3, 7)),
        (12, (3,)),
    ]


def test_gaps_are_explicit_intervals_with_nothing_playing():
    timeline = resolve({"main": [Entry(1, (daily(time(8), time(16)),))], "empty": []})
    assert [(i.start.hour, i.end.hour, i.playlist_ids) for i in timeline.regions["main"]] == [
        (0, 8, ()),
        (8, 16, (1,)),
        (16, 0, ()),
    ]
    assert [(i.start, i.end, i.playlist_ids) for i in timeline.regions["empty"]] == [(timeline.start, timeline.end, ())]


def test_a_higher_priority_campaign_interrupts_and_the_other_resumes_within_its_own_window():
    campaigns = [
        Campaign(1, playlist_id=10, starts=cph(2026, 6, 1, 10), ends=cph(2026, 6, 1, 12)),
        Campaign(2, playlist_id=20, starts=cph(2026, 6, 1, 11), ends=cph(2026, 6, 1, 11, 30), priority=1),
    ]
    timeline = resolve({"main": [Entry(5)]}, campaigns)
    assert [(i.start.strftime("%H:%M"), i.campaign_id, i.playlist_ids) for i in timeline.campaigns] == [
        ("00:00", None, ()),
        ("10:00", 1, (10,)),
        ("11:00", 2, (20,)),
        ("11:30", 1, (10,)),
        ("12:00", None, ()),
    ]
    assert at(timeline, cph(2026, 6, 1, 11, 15)).campaign.campaign_id == 2
    after = at(timeline, cph(2026, 6, 1, 12))
    assert after.campaign is None and after.regions["main"].playlist_ids == (5,)


def test_of_equal_campaigns_the_one_started_first_keeps_the_screen_and_the_next_follows_without_a_gap():
    campaigns = [
        Campaign(2, playlist_id=20, starts=cph(2026, 6, 1, 9), ends=cph(2026, 6, 1, 13)),
        Campaign(1, playlist_id=10, starts=cph(2026, 6, 1, 10), ends=cph(2026, 6, 1, 12)),
        Campaign(3, playlist_id=30, starts=cph(2026, 6, 1, 10), ends=cph(2026, 6, 1, 14)),
    ]
    timeline = resolve({}, campaigns)
    assert [(i.start.hour, i.end.hour, i.campaign_id) for i in timeline.campaigns] == [
        (0, 9, None),
        (9, 13, 2),
        (13, 14, 3),  # campaign 1 waited until its window closed: it is not extended
        (14, 0, None),
    ]


def test_at_refuses_a_moment_outside_the_horizon_and_naive_times_are_refused():
    timeline = resolve({"main": [Entry(1)]})
    with pytest.raises(ValueError, match="outside the timeline"):
        at(timeline, cph(2026, 6, 2))
    with pytest.raises(ValueError, match="must be an aware datetime"):
        at(timeline, datetime(2026, 6, 1, 12))
    with pytest.raises(ValueError, match="Now must be an aware datetime"):
        timeline_resolve(regions={}, now=datetime(2026, 6, 1), horizon=timedelta(days=1), zone=CPH)
    with pytest.raises(ValueError, match="horizon must be positive"):
        timeline_resolve(regions={}, now=cph(2026, 6, 1), horizon=timedelta(0), zone=CPH)


@pytest.mark.parametrize(
    ("rule", "first_day", "days"),
    [
        ("FREQ=WEEKLY", date(2023, 1, 4), ["2026-06-03", "2026-06-10"]),  # on the first day's weekday, Wednesday
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", date(2023, 1, 2), ["2026-06-01"]),
        ("FREQ=DAILY;INTERVAL=3", date(2023, 1, 2), ["2026-06-03", "2026-06-06", "2026-06-09", "2026-06-12"]),
        ("FREQ=DAILY;COUNT=3", date(2023, 1, 2), []),  # its three days were in 2023
    ],
)
def test_a_schedule_begun_years_ago_keeps_its_rhythm(rule, first_day, days):
    """Expected days as dateutil counts them from the first day (the timeline skips ahead whole periods)."""
    timeline = resolve({"main": [Entry(1, (daily(time(8), time(9), rule, first_day=first_day),))]}, days=14)
    assert [start[:10] for start, _, _ in playing(timeline)] == days
