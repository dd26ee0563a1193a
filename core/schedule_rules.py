"""RFC 5545 RRULE text for the repeats people choose ("Monday–Friday", "first Saturday of the month"),
and back; the check a rule passes before it is stored; and the summary the admin shows.

Rules are days only: the time of day comes from a schedule's start and end times, and its last
day from its own field, so BYHOUR, BYMINUTE, BYSECOND and UNTIL are refused.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from dateutil.rrule import rrulestr
from django.utils import formats, translation
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext_lazy as _

from .labels import Label

# Django ships no annotations; its gettext takes a message and returns it translated, a str.
gettext: Callable[[str], str] = translation.gettext

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # index = Python's weekday()
ORDINALS: dict[int, Label] = {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth"), -1: _("last")}
FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
PARTS = {"FREQ", "INTERVAL", "COUNT", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYYEARDAY", "BYWEEKNO", "WKST"}

ONCE, DAILY, WEEKLY, MONTHLY, YEARLY, CUSTOM = "once", "daily", "weekly", "monthly", "yearly", "custom"
KINDS: dict[str, Label] = {
    ONCE: _("Once, on the first day"),
    DAILY: _("Every day"),
    WEEKLY: _("On chosen weekdays"),
    MONTHLY: _("Monthly, on a weekday (e.g. the first Saturday)"),
    YEARLY: _("Every year, on a date"),
    CUSTOM: _("Custom rule (RFC 5545 RRULE)"),
}


class RuleError(ValueError):
    """A rule that cannot be stored; the message is for the person who wrote it."""


@dataclass(frozen=True)
class Repeat:
    """One of the repeats the form offers; only the fields of its kind are used."""

    kind: str
    weekdays: tuple[int, ...] = ()  # WEEKLY: 0 = Monday
    ordinal: int = 1  # MONTHLY: 1–4, or -1 for the last
    weekday: int = 0  # MONTHLY
    month: int = 1  # YEARLY
    day: int = 1  # YEARLY
    rule: str = ""  # CUSTOM


def rule_of(repeat: Repeat) -> str:
    """The RRULE text for a repeat, or RuleError saying what the repeat lacks."""
    match repeat.kind:
        case "once":
            return "FREQ=DAILY;COUNT=1"
        case "daily":
            return "FREQ=DAILY"
        case "weekly":
            if not repeat.weekdays:
                raise RuleError(gettext("Choose at least one weekday."))
            return "FREQ=WEEKLY;BYDAY=" + ",".join(DAY_CODES[day] for day in sorted(set(repeat.weekdays)))
        case "monthly":
            return f"FREQ=MONTHLY;BYDAY={repeat.ordinal}{DAY_CODES[repeat.weekday]}"
        case "yearly":
            if not _is_date(repeat.month, repeat.day):
                raise RuleError(
                    gettext("%(month)s has no day %(day)s.") % {"month": MONTHS[repeat.month], "day": repeat.day}
                )
            return f"FREQ=YEARLY;BYMONTH={repeat.month};BYMONTHDAY={repeat.day}"
        case _:
            return rule_check(repeat.rule)


def repeat_of(rule: str) -> Repeat:
    """The repeat a stored rule reads as: a preset when it is one, else CUSTOM with the rule's text."""
    parts = _parts(rule)
    by_day = parts.get("BYDAY", "").split(",")
    simple_days = all(code in DAY_CODES for code in by_day)
    match parts:
        case {"FREQ": "DAILY", "COUNT": "1", **rest} if not rest:
            return Repeat(ONCE)
        case {"FREQ": "DAILY", **rest} if not rest:
            return Repeat(DAILY)
        case {"FREQ": "WEEKLY", "BYDAY": _, **rest} if not rest and simple_days:
            return Repeat(WEEKLY, weekdays=tuple(sorted({DAY_CODES.index(code) for code in by_day})))
        case {"FREQ": "MONTHLY", "BYDAY": day, **rest} if not rest and len(by_day) == 1 and _is_nth_weekday(day):
            return Repeat(MONTHLY, ordinal=int(day[:-2]), weekday=DAY_CODES.index(day[-2:]))
        case {"FREQ": "YEARLY", "BYMONTH": month, "BYMONTHDAY": day, **rest} if not rest and _is_date(month, day):
            return Repeat(YEARLY, month=int(month), day=int(day))
    return Repeat(CUSTOM, rule=_text(parts))


def rule_check(rule: str) -> str:
    """The rule in its stored form (upper case, no "RRULE:" prefix), or RuleError saying what is wrong."""
    parts = _parts(rule)
    if parts.get("FREQ") not in FREQUENCIES:
        raise RuleError(gettext("Say how often it repeats: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."))
    for name in parts:
        if name in {"BYHOUR", "BYMINUTE", "BYSECOND"}:
            raise RuleError(gettext("The time of day comes from the start and end times, not from the rule."))
        if name == "UNTIL":
            raise RuleError(gettext("Set the last day in its own field instead of UNTIL."))
        if name not in PARTS:
            raise RuleError(gettext("%(name)s is not a rule part this schedule understands.") % {"name": name})
    text = _text(parts)
    try:
        rrulestr(text, dtstart=datetime(2026, 1, 1))
    except (ValueError, TypeError, KeyError, IndexError):
        raise RuleError(gettext("This is not a valid RFC 5545 recurrence rule: %(rule)s") % {"rule": text}) from None
    return text


def schedule_summary(
    rule: str, starts: time, ends: time, first_day: date, last_day: date | None, *, today: date | None = None
) -> str:
    """E.g. "Monday–Friday 08:00–16:00" or "First Saturday of the month 10:00–14:00, until 31 December 2026"."""
    repeat = repeat_of(rule)
    if repeat.kind == ONCE:
        days = formats.date_format(first_day)
    else:
        days = _days(repeat)
    hours = gettext("all day") if starts == ends == time(0) else f"{starts:%H:%M}–{ends:%H:%M}"
    summary = gettext("%(days)s %(hours)s") % {"days": capfirst(days), "hours": hours}
    if repeat.kind == ONCE:
        return summary
    if today is not None and first_day > today:
        summary = gettext("%(summary)s, from %(date)s") % {"summary": summary, "date": formats.date_format(first_day)}
    if last_day:
        summary = gettext("%(summary)s, until %(date)s") % {"summary": summary, "date": formats.date_format(last_day)}
    return summary


def _days(repeat: Repeat) -> str:
    match repeat.kind:
        case "daily":
            return gettext("every day")
        case "weekly":
            return _weekdays(repeat.weekdays)
        case "monthly":
            return gettext("%(ordinal)s %(weekday)s of the month") % {
                "ordinal": ORDINALS[repeat.ordinal],
                "weekday": WEEKDAYS[repeat.weekday],
            }
        case "yearly":
            day = formats.date_format(date(2000, repeat.month, repeat.day), "MONTH_DAY_FORMAT")
            return gettext("every year on %(date)s") % {"date": day}
        case _:
            return gettext("custom rule %(rule)s") % {"rule": repeat.rule}


def _weekdays(days: tuple[int, ...]) -> str:
    """Runs of three or more days as "Monday–Friday", the rest by name: "Monday, Wednesday and Friday"."""
    if len(days) == 7:
        return gettext("every day")
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names = []
    for run in runs:
        if len(run) >= 3:
            names.append(f"{WEEKDAYS[run[0]]}–{WEEKDAYS[run[-1]]}")
        else:
            names.extend(str(WEEKDAYS[day]) for day in run)
    return str(get_text_list(names, gettext("and")))


def _parts(rule: str) -> dict[str, str]:
    text = rule.strip().upper().removeprefix("RRULE:")
    if not text:
        raise RuleError(gettext("Enter a rule, e.g. FREQ=WEEKLY;BYDAY=MO,WE."))
    parts: dict[str, str] = {}
    for part in text.split(";"):
        name, equals, value = part.partition("=")
        if not equals or not name or not value:
            raise RuleError(gettext("“%(part)s” is not of the form NAME=VALUE.") % {"part": part})
        if name in parts:
            raise RuleError(gettext("%(name)s appears twice.") % {"name": name})
        parts[name] = value
    return parts


def _text(parts: dict[str, str]) -> str:
    return ";".join(f"{name}={value}" for name, value in parts.items())


def _is_nth_weekday(code: str) -> bool:
    return code[:-2] in {"1", "2", "3", "4", "-1"} and code[-2:] in DAY_CODES


def _is_date(month: str | int, day: str | int) -> bool:
    try:
        date(2000, int(month), int(day))  # a leap year: 29 February is a date
    except ValueError:
        return False
    return True
