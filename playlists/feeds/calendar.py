"""iCal calendars as a list of local-time events (pure: bytes and a clock in, JSON-ready data out).

Recurrences are expanded by recurring-ical-events; every time is converted to the installation's
time zone, so a weekly 10:00 meeting stays at 10:00 across a DST change, and an event given in UTC
moves on the local clock as it should.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from . import errors
from .text import plain_text

MAX_EVENTS = 300
TEXT_LENGTH = 200
# Stored at each fetch: this week and the next, so "this week" stays right until the next fetch.
WINDOW_DAYS = 14


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def local_moment(value, zone: ZoneInfo) -> datetime:
    """A DTSTART/DTEND value as an aware local datetime; floating times are taken as local."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
    return datetime.combine(value, time.min, tzinfo=zone)


def event_of(component, zone: ZoneInfo) -> dict:
    start_value = component.decoded("DTSTART")
    all_day = not isinstance(start_value, datetime)
    start = local_moment(start_value, zone)
    if component.get("DTEND") is not None:
        end = local_moment(component.decoded("DTEND"), zone)
    elif component.get("DURATION") is not None:
        end = start + component.decoded("DURATION")
    else:
        end = start + (timedelta(days=1) if all_day else timedelta())
    return {
        "start": start.isoformat(),
        "end": max(start, end).isoformat(),
        "all_day": all_day,
        "title": plain_text(str(component.get("SUMMARY", "")), limit=TEXT_LENGTH),
        "location": plain_text(str(component.get("LOCATION", "")), limit=TEXT_LENGTH),
    }


def calendar_parse(body: bytes, *, now: datetime, zone: ZoneInfo) -> dict:
    """{"events": [...]} from the start of this week for WINDOW_DAYS, sorted; FeedError if not iCal."""
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except ValueError as error:
        raise errors.not_a_calendar() from error
    if calendar.name != "VCALENDAR":
        raise errors.not_a_calendar()
    start = datetime.combine(week_start(now.astimezone(zone).date()), time.min, tzinfo=zone)
    try:
        components = recurring_ical_events.of(calendar).between(start, start + timedelta(days=WINDOW_DAYS))
        events = [event_of(component, zone) for component in components if component.get("DTSTART") is not None]
    except (ValueError, TypeError, KeyError) as error:  # malformed dates or rules deep inside the file
        raise errors.not_a_calendar() from error
    events.sort(key=lambda event: (event["start"], event["title"]))
    return {"events": events[:MAX_EVENTS]}


def events_showing(events: list[dict], *, span: str, now: datetime, zone: ZoneInfo) -> list[dict]:
    """The events of today or this week (span "today" / "week") that have not ended by `now`."""
    today = now.astimezone(zone).date()
    first = today if span == "today" else week_start(today)
    begins = datetime.combine(first, time.min, tzinfo=zone)
    ends = datetime.combine(first + timedelta(days=1 if span == "today" else 7), time.min, tzinfo=zone)
    return [
        event
        for event in events
        if datetime.fromisoformat(event["start"]) < ends and datetime.fromisoformat(event["end"]) > max(begins, now)
    ]
