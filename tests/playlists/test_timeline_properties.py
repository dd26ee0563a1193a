"""Properties of the timeline for any schedules and campaigns, checked against a per-instant oracle."""

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from hypothesis import given
from hypothesis import strategies as st

from core.timeline import Campaign, Entry, Recurrence, at, timeline_resolve
from core.wallclock import UTC, instant_at

CPH = ZoneInfo("Europe/Copenhagen")
DST_DAYS = [date(2026, 3, 29), date(2026, 10, 25), date(2027, 3, 28), date(2027, 10, 31)]
RULES = [
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY;BYDAY=SA,SU",
    "FREQ=MONTHLY;BYDAY=-1SU",
    "FREQ=DAILY;COUNT=3",
]

# Quarter hours, so windows often start or end in the skipped or the repeated hour.
clock_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
instants = st.one_of(
    st.builds(
        lambda day, minutes: datetime.combine(day, time(), CPH).astimezone(UTC) + timedelta(minutes=minutes),
        st.sampled_from(DST_DAYS),
        st.integers(-36 * 60, 36 * 60),
    ),
    st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31)).map(lambda naive: naive.replace(tzinfo=UTC)),
)


@st.composite
def recurrences(draw, near: datetime):
    first_day = near.date() + timedelta(days=draw(st.one_of(st.integers(-10, 3), st.integers(-800, -10))))
    last_day = draw(st.none() | st.builds(lambda days: first_day + timedelta(days=days), st.integers(0, 10)))
    return Recurrence(draw(st.sampled_from(RULES)), draw(clock_times), draw(clock_times), first_day, last_day)


@st.composite
def entries(draw, near: datetime):
    live = st.none() | st.builds(lambda hours: near + timedelta(hours=hours), st.integers(-24, 72))
    schedules = draw(st.lists(recurrences(near), max_size=2))
    return Entry(draw(st.integers(1, 4)), tuple(schedules), draw(live), draw(live))


@st.composite
def screens(draw):
    """(regions, campaigns, now, horizon) around a moment that is often a DST change."""
    now = draw(instants)
    regions = draw(
        st.dictionaries(st.sampled_from(["main", "side", "ticker"]), st.lists(entries(now), max_size=4), max_size=3)
    )
    campaigns = []
    for number in range(draw(st.integers(0, 4))):
        starts = now + timedelta(minutes=draw(st.integers(-600, 3 * 24 * 60)))
        ends = starts + timedelta(minutes=draw(st.integers(0, 24 * 60)))
        campaigns.append(
            Campaign(number, 100 + number, starts.astimezone(CPH), ends.astimezone(CPH), draw(st.integers(0, 2)))
        )
    return regions, campaigns, now, timedelta(hours=draw(st.integers(1, 4 * 24)))


def resolve(regions, campaigns, now, horizon):
    return timeline_resolve(regions=regions, campaigns=campaigns, now=now, horizon=horizon, zone=CPH)


def tracks(timeline):
    return [*timeline.regions.values(), timeline.campaigns]


def oracle_entry_plays(entry: Entry, moment: datetime) -> bool:
    """Whether the entry plays at `moment`, decided at that instant alone, from the RRULE directly."""
    if (entry.live_from and moment < entry.live_from) or (entry.live_until and moment >= entry.live_until):
        return False
    return not entry.schedules or any(oracle_recurrence_covers(r, moment) for r in entry.schedules)


def oracle_recurrence_covers(r: Recurrence, moment: datetime) -> bool:
    rule = rrulestr(r.rule, dtstart=datetime.combine(r.first_day, r.starts))
    today = moment.astimezone(CPH).date()
    for day in (today - timedelta(days=1), today):
        if day < r.first_day or (r.last_day and day > r.last_day):
            continue
        if not rule.between(datetime.combine(day, time.min), datetime.combine(day, time.max), inc=True):
            continue
        end_day = day + timedelta(days=1) if r.ends <= r.starts else day
        if (
            instant_at(datetime.combine(day, r.starts), CPH)
            <= moment
            < instant_at(datetime.combine(end_day, r.ends), CPH, latest=True)
        ):
            return True
    return False


def oracle_campaign(campaigns, moment):
    running = [c for c in campaigns if c.starts <= moment < c.ends]
    return min(running, key=lambda c: (-c.priority, c.starts.astimezone(UTC), c.id)).id if running else None


@given(screens())
def test_every_track_covers_the_horizon_with_sorted_non_overlapping_distinct_intervals(screen):
    timeline = resolve(*screen)
    for track in tracks(timeline):
        assert track[0].start == timeline.start and track[-1].end == timeline.end
        assert all(interval.start < interval.end for interval in track)
        for previous, following in pairwise(track):
            assert previous.end == following.start
            assert (previous.playlist_ids, previous.campaign_id) != (following.playlist_ids, following.campaign_id)


@given(screens(), st.lists(st.floats(0, 1, exclude_max=True), min_size=1, max_size=20))
def test_every_instant_resolves_deterministically_and_as_the_oracle_says(screen, fractions):
    regions, campaigns, now, horizon = screen
    timeline = resolve(*screen)
    assert resolve(*screen) == timeline
    interval_edges = [i.start for track in tracks(timeline) for i in track]
    moments = [now + timedelta(seconds=int(horizon.total_seconds() * f)) for f in fractions] + interval_edges
    for moment in moments:
        playing = at(timeline, moment)
        for name, entries in regions.items():
            expected = tuple(dict.fromkeys(e.playlist_id for e in entries if oracle_entry_plays(e, moment)))
            assert playing.regions[name].playlist_ids == expected
            assert playing.regions[name].start <= moment < playing.regions[name].end
        assert (playing.campaign.campaign_id if playing.campaign else None) == oracle_campaign(campaigns, moment)


@given(screens())
def test_a_campaign_takes_over_whenever_one_runs_and_regions_resume_unchanged_when_it_ends(screen):
    regions, campaigns, now, horizon = screen
    timeline = resolve(*screen)
    without = resolve(regions, [], now, horizon)
    assert timeline.regions == without.regions
    for interval in timeline.campaigns:
        if interval.campaign_id is not None and interval.end < timeline.end:
            after = at(timeline, interval.end)
            if after.campaign is None:
                assert after.regions == at(without, interval.end).regions
    for campaign in campaigns:
        for moment in (campaign.starts, campaign.ends - timedelta(seconds=1)):
            if campaign.starts < campaign.ends and timeline.start <= moment < timeline.end:
                assert at(timeline, moment).campaign is not None
