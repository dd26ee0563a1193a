"""Local wall-clock readings to instants and back, decided deliberately where DST makes them odd.

A window of wall-clock time [start, end) becomes the smallest real interval holding every instant
at which the clock reads a time in it. So:

- a reading the clock shows twice (the repeated hour in autumn) starts a window the first time and
  ends it the second time: a window is never cut short by the repeated hour;
- a reading the clock skips (the lost hour in spring) resolves to the instant the clock jumps past it.

Instants are computed in UTC, where arithmetic and comparison are real time. Never compare or
subtract two datetimes that share a ZoneInfo: Python does that in wall-clock time.
"""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

# UTC is part of this module's interface: the timeline takes it from here with the functions.
__all__ = ["UTC", "instant_at", "local"]


def instant_at(reading: datetime, zone: ZoneInfo, *, latest: bool = False) -> datetime:
    """The instant (in UTC) at which the clock in `zone` reads the naive `reading`: the first of two
    such instants, or the second if `latest`; for a reading the clock skips, the instant of the jump."""
    if not _shown(reading, zone):
        return _jump_past(reading, zone)
    return reading.replace(tzinfo=zone, fold=int(latest)).astimezone(UTC)


def local(instant: datetime, zone: ZoneInfo) -> datetime:
    """`instant` as the clock in `zone` shows it, with a fixed UTC offset: isoformat() carries the
    local offset, and comparison and subtraction stay real time."""
    reading = instant.astimezone(zone)
    offset = reading.utcoffset()
    assert offset is not None, "an aware datetime in a ZoneInfo has an offset at every instant"
    return reading.replace(tzinfo=timezone(offset), fold=0)


def _shown(reading: datetime, zone: ZoneInfo) -> bool:
    return reading.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None) == reading


def _jump_past(reading: datetime, zone: ZoneInfo) -> datetime:
    # Read with the offset after the jump, the reading lies before it; with the offset before, after it.
    before = int(reading.replace(tzinfo=zone, fold=1).timestamp())
    after = int(reading.replace(tzinfo=zone, fold=0).timestamp())
    offset_after = _offset(after, zone)
    while after - before > 1:
        middle = (before + after) // 2
        if _offset(middle, zone) == offset_after:
            after = middle
        else:
            before = middle
    return datetime.fromtimestamp(after, UTC)


def _offset(timestamp: int, zone: ZoneInfo) -> timedelta | None:
    return datetime.fromtimestamp(timestamp, zone).utcoffset()
