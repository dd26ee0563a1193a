"""What a screen plays when: a screen's regions and campaigns resolved into concrete play intervals.

Pure: plain dataclasses in, plain dataclasses out; no Django. `timeline_resolve` answers for a
horizon (e.g. the next 7 days from `now`); `at` answers for one instant, from a resolved timeline.

Inputs
- A region (name → ordered entries) holds `Entry`s: a playlist, its schedules and its publish window.
  An entry with no schedules plays whenever it is published; with schedules, during any of them.
  The publish window is the playlist's Wagtail go-live / expiry (`live_from`, `live_until`;
  None = open), so a publishing schedule editors already set needs no second window.
- A `Recurrence` is a wall-clock window repeating by an RFC 5545 RRULE, in the timeline's zone
  (`TIME_ZONE`): "Mon–Fri 08:00–16:00" is 08:00–16:00 local on both sides of a DST change, so the
  day's real length varies. An end at or before the start ends on the next day (00:00–00:00 is a
  whole day). DST edges follow `wallclock`: a window is the smallest real interval holding every
  instant the clock reads a time inside it. On 29 March 2026, 01:30–03:30 lasts one real hour and a
  window starting in the skipped hour (02:30) starts when the clock jumps to 03:00; on 25 October
  2026, 01:30–03:30 lasts three real hours (it runs through the repeated hour, never cuts it short).
  RRULE occurrences are days: the rule starts (DTSTART) on `first_day` at the start time; an
  occurrence starts on a day up to `last_day`. The time of day comes from `starts`/`ends` only.
- A `Campaign` is a playlist for a window that takes over the whole screen while it runs.

Semantics
- Several entries of one region active at once all play, in the region's entry order (a playlist
  active through two entries plays once, at the first of them).
- Campaigns queue: at each instant the campaign with the highest priority plays, ties going to
  the one that started first, then to the lower id. The others wait and play what remains of
  their own window once it is their turn; none is extended past its window.
- A campaign takes precedence over every region. Regions keep their own intervals underneath,
  so when a campaign ends the client goes straight back to what the regions play at that instant.

Output
- `Timeline.regions[name]` and `Timeline.campaigns` are tracks: sorted, non-overlapping intervals
  covering the horizon exactly, each the half-open [start, end). Where nothing plays, the interval
  says so explicitly (no playlists, no campaign), so every instant of the horizon resolves.
  Adjacent intervals always differ: the same inputs give the same, minimal timeline.
- Datetimes are aware, with the zone's fixed UTC offset at that instant (`wallclock.local`):
  isoformat() shows local time with its offset, and comparisons are in real time.

How the manifest carries it (`playlists.payloads`, serialised by `core.timeline_payload`)
- Resolved from the start of the current local day, not from `now`, so a manifest's content-hash
  version changes when content changes and at midnight, not on every build; the horizon (7 days) is
  longer than a screen is expected to stay offline.
- The tracks travel as ISO strings with offsets, each playing playlist's slides once, by id
  (docs/protocol.md, "timeline"). The client switches at each interval's "from" by its own clock,
  online or not. Campaigns use the same resolution but travel per screen, in their own document.
- Slides keep only Wagtail's go-live / expiry as their own window: a slide's expiry travels in its
  payload (`until`) and the client drops it then, offline too.
"""

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import TypeVar
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from .wallclock import UTC, instant_at, local

Span = tuple[datetime, datetime]
T = TypeVar("T")
# [start, end) and what is active over it: a region's entry, or a campaign with its rank.
ValueSpan = tuple[datetime, datetime, T]
# What an interval plays: its playlists, in order, and the campaign they belong to (None: a region's).
Content = tuple[tuple[int, ...], int | None]


@dataclass(frozen=True)
class Recurrence:
    """A wall-clock window repeating by an RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR 08:00–16:00."""

    rule: str
    starts: time
    ends: time
    first_day: date
    last_day: date | None = None


@dataclass(frozen=True)
class Entry:
    """A playlist in a region: it plays during any of its schedules (always, if none) while published."""

    playlist_id: int
    schedules: tuple[Recurrence, ...] = ()
    live_from: datetime | None = None
    live_until: datetime | None = None


@dataclass(frozen=True)
class Campaign:
    """A playlist taking over the whole screen for a window."""

    id: int
    playlist_id: int
    starts: datetime
    ends: datetime
    priority: int = 0


# A campaign's place in the queue, (-priority, starts, id): the least plays.
CampaignRank = tuple[int, datetime, int]


@dataclass(frozen=True)
class Interval:
    """[start, end): these playlists play, in order; or the campaign; or, if empty, nothing."""

    start: datetime
    end: datetime
    playlist_ids: tuple[int, ...] = ()
    campaign_id: int | None = None


@dataclass(frozen=True)
class Timeline:
    start: datetime
    end: datetime
    regions: Mapping[str, tuple[Interval, ...]] = field(default_factory=dict)
    campaigns: tuple[Interval, ...] = ()


@dataclass(frozen=True)
class Playing:
    """What a screen shows at one instant: `campaign` full screen if there is one, else the regions."""

    campaign: Interval | None
    regions: Mapping[str, Interval]


def timeline_resolve(
    *,
    regions: Mapping[str, Sequence[Entry]],
    campaigns: Sequence[Campaign] = (),
    now: datetime,
    horizon: timedelta,
    zone: ZoneInfo,
) -> Timeline:
    """Every region's and the campaigns' intervals over [now, now + horizon)."""
    start = _utc(now, "now")
    if horizon <= timedelta(0):
        raise ValueError(f"The horizon must be positive, not {horizon}.")
    end = start + horizon
    region_tracks = {
        name: _local_track(_track(_region_spans(entries, zone, start, end), start, end, _region_content), zone)
        for name, entries in regions.items()
    }
    campaign_spans: list[ValueSpan[tuple[CampaignRank, Campaign]]] = []
    for campaign in campaigns:
        starts = _utc(campaign.starts, "a campaign's start")
        campaign_spans.append(
            (starts, _utc(campaign.ends, "a campaign's end"), ((-campaign.priority, starts, campaign.id), campaign))
        )
    campaign_track = _track(campaign_spans, start, end, _campaign_content)
    return Timeline(local(start, zone), local(end, zone), region_tracks, _local_track(campaign_track, zone))


def at(timeline: Timeline, moment: datetime) -> Playing:
    """What plays at `moment`, which must lie within the timeline's horizon."""
    _utc(moment, "moment")
    if not timeline.start <= moment < timeline.end:
        raise ValueError(
            f"{moment.isoformat()} is outside the timeline "
            f"({timeline.start.isoformat()} to {timeline.end.isoformat()})."
        )
    campaign = _interval_at(timeline.campaigns, moment)
    regions = {name: _interval_at(track, moment) for name, track in timeline.regions.items()}
    return Playing(campaign if campaign.campaign_id is not None else None, regions)


def recurrence_spans(recurrence: Recurrence, zone: ZoneInfo, start: datetime, end: datetime) -> list[Span]:
    """The recurrence's windows that meet [start, end) (UTC instants), clipped to it, in order."""
    # A window may begin the day before the horizon (it can run past midnight).
    first = max(start.astimezone(zone).date() - timedelta(days=1), recurrence.first_day)
    rule = rrulestr(recurrence.rule, dtstart=datetime.combine(_anchor(recurrence, first), recurrence.starts))
    last = end.astimezone(zone).date()
    if recurrence.last_day:
        last = min(last, recurrence.last_day)
    overnight = timedelta(days=1) if recurrence.ends <= recurrence.starts else timedelta(0)
    spans = []
    for occurrence in rule.between(datetime.combine(first, time.min), datetime.combine(last, time.max), inc=True):
        day = occurrence.date()
        span_start = instant_at(datetime.combine(day, recurrence.starts), zone)
        span_end = instant_at(datetime.combine(day + overnight, recurrence.ends), zone, latest=True)
        if span_start < end and span_end > start and span_start < span_end:
            spans.append((max(span_start, start), min(span_end, end)))
    return spans


def _anchor(recurrence: Recurrence, first: date) -> date:
    """A DTSTART up to `first` giving the same occurrences from `first` on: dateutil steps from DTSTART,
    so a daily or weekly rule moves whole periods ahead rather than stepping through years of days."""
    parts = dict(part.split("=", 1) for part in recurrence.rule.upper().split(";"))
    days = {"DAILY": 1, "WEEKLY": 7}.get(parts["FREQ"])
    if days is None or "COUNT" in parts:
        return recurrence.first_day
    period = days * int(parts.get("INTERVAL", 1))
    return recurrence.first_day + timedelta(days=(first - recurrence.first_day).days // period * period)


def _region_spans(entries: Sequence[Entry], zone: ZoneInfo, start: datetime, end: datetime) -> list[ValueSpan[Entry]]:
    spans: list[ValueSpan[Entry]] = []
    for entry in entries:
        live_from = _utc(entry.live_from, "a go-live time") if entry.live_from else start
        live_until = _utc(entry.live_until, "an expiry time") if entry.live_until else end
        lo, hi = max(start, live_from), min(end, live_until)
        if lo >= hi:
            continue
        windows = (
            [s for recurrence in entry.schedules for s in recurrence_spans(recurrence, zone, lo, hi)]
            if entry.schedules
            else [(lo, hi)]
        )
        spans.extend((s, e, entry) for s, e in windows)
    return spans


def _region_content(active: list[Entry]) -> tuple[tuple[int, ...], None]:
    return tuple(dict.fromkeys(entry.playlist_id for entry in active)), None


def _campaign_content(active: list[tuple[CampaignRank, Campaign]]) -> Content:
    if not active:
        return (), None
    _, winner = min(active, key=lambda ranked: ranked[0])
    return (winner.playlist_id,), winner.id


def _track(
    spans: Sequence[ValueSpan[T]], start: datetime, end: datetime, content: Callable[[list[T]], Content]
) -> tuple[Interval, ...]:
    """Cut [start, end) wherever a span begins or ends; each piece plays `content` of the spans
    covering it (listed in the order given), and equal neighbours merge."""
    cuts = sorted({start, end, *(t for s, e, _ in spans for t in (s, e) if start < t < end)})
    intervals: list[Interval] = []
    for a, b in pairwise(cuts):
        playlist_ids, campaign_id = content([value for s, e, value in spans if s <= a and b <= e])
        previous = intervals[-1] if intervals else None
        if previous and (previous.playlist_ids, previous.campaign_id) == (playlist_ids, campaign_id):
            intervals[-1] = Interval(previous.start, b, playlist_ids, campaign_id)
        else:
            intervals.append(Interval(a, b, playlist_ids, campaign_id))
    return tuple(intervals)


def _local_track(track: tuple[Interval, ...], zone: ZoneInfo) -> tuple[Interval, ...]:
    return tuple(Interval(local(i.start, zone), local(i.end, zone), i.playlist_ids, i.campaign_id) for i in track)


def _interval_at(track: tuple[Interval, ...], moment: datetime) -> Interval:
    return track[bisect_right(track, moment, key=lambda interval: interval.start) - 1]


def _utc(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what.capitalize()} must be an aware datetime, not {moment.isoformat()}.")
    return moment.astimezone(UTC)
