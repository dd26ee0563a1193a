"""A resolved timeline as screens receive it, and the day it is resolved from. Pure.

Timelines sent to screens are resolved from the start of the local day, not from the moment of the
build, so a document's content hash changes when its content does and once a day, not on every build.
"""

from datetime import date, datetime, time, timedelta
from typing import NotRequired, TypedDict
from zoneinfo import ZoneInfo

from .timeline import Interval, Timeline
from .wallclock import instant_at, local

# Longer than a screen is expected to stay offline: it switches content on time for this long.
HORIZON = timedelta(days=7)

# "from" is a keyword, so these are declared in the functional form.
TrackRow = TypedDict(
    "TrackRow",
    {"from": str, "until": str, "playlists": list[int], "campaign": NotRequired[int | None]},
)
RegionsPayload = TypedDict(
    "RegionsPayload",
    {"from": str, "until": str, "regions": dict[str, list[TrackRow]]},
)


def day_start(moment: datetime, zone: ZoneInfo) -> datetime:
    """The first instant of the local day holding `moment`, in local time."""
    return day_start_of(moment.astimezone(zone).date(), zone)


def day_start_of(day: date, zone: ZoneInfo) -> datetime:
    return local(instant_at(datetime.combine(day, time.min), zone), zone)


def track_payload(track: tuple[Interval, ...], *, campaigns: bool = False) -> list[TrackRow]:
    """[{"from", "until", "playlists"}] (plus "campaign" for a campaign track, which lists only the
    intervals where a campaign plays), ISO 8601 with the local UTC offset."""
    rows: list[TrackRow] = []
    for interval in track:
        if campaigns and interval.campaign_id is None:
            continue
        row: TrackRow = {
            "from": interval.start.isoformat(),
            "until": interval.end.isoformat(),
            "playlists": list(interval.playlist_ids),
        }
        if campaigns:
            row["campaign"] = interval.campaign_id
        rows.append(row)
    return rows


def regions_payload(timeline: Timeline) -> RegionsPayload:
    """{"from", "until", "regions": {name: track}}: what each region plays when, over the horizon."""
    return {
        "from": timeline.start.isoformat(),
        "until": timeline.end.isoformat(),
        "regions": {name: track_payload(track) for name, track in timeline.regions.items()},
    }
