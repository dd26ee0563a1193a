"""Repeats people choose, to RRULE text and back; rule checks; summaries in English and Danish."""

from datetime import date, datetime, time

import pytest
from dateutil.rrule import rrulestr
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from core.schedule_rules import (
    CUSTOM,
    DAILY,
    MONTHLY,
    ONCE,
    WEEKLY,
    YEARLY,
    Repeat,
    RuleError,
    repeat_of,
    rule_check,
    rule_of,
    schedule_summary,
)

presets = st.one_of(
    st.just(Repeat(ONCE)),
    st.just(Repeat(DAILY)),
    st.builds(lambda days: Repeat(WEEKLY, weekdays=tuple(sorted(days))), st.sets(st.integers(0, 6), min_size=1)),
    st.builds(
        lambda n, day: Repeat(MONTHLY, ordinal=n, weekday=day), st.sampled_from([1, 2, 3, 4, -1]), st.integers(0, 6)
    ),
    st.builds(
        lambda day: Repeat(YEARLY, month=day.month, day=day.day),
        st.dates(date(2000, 1, 1), date(2000, 12, 31)),
    ),
)
day_codes = st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])
any_rules = st.builds(
    lambda freq, extras: ";".join([f"FREQ={freq}", *extras]),
    st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    st.lists(
        st.one_of(
            st.builds("INTERVAL={}".format, st.integers(1, 4)),
            st.builds("COUNT={}".format, st.integers(1, 9)),
            st.builds(lambda days: "BYDAY=" + ",".join(days), st.lists(day_codes, min_size=1, max_size=3, unique=True)),
            st.builds("BYMONTH={}".format, st.integers(1, 12)),
            st.builds("BYMONTHDAY={}".format, st.integers(1, 28)),
        ),
        max_size=3,
        unique_by=lambda part: part.split("=")[0],
    ),
)


def occurrences(rule: str) -> list[datetime]:
    return list(rrulestr(rule, dtstart=datetime(2026, 1, 1)).xafter(datetime(2026, 1, 1), count=20, inc=True))


@given(presets)
def test_every_preset_reads_back_from_its_rule_as_itself(repeat):
    rule = rule_of(repeat)
    assert rule_check(rule) == rule
    assert repeat_of(rule) == repeat


@given(any_rules)
def test_any_stored_rule_reads_as_a_repeat_whose_rule_means_the_same(rule):
    repeat = repeat_of(rule_check(rule))
    assert occurrences(rule_of(repeat)) == occurrences(rule)
    assert repeat_of(rule_of(repeat)) == repeat


@pytest.mark.parametrize(
    ("rule", "repeat"),
    [
        ("FREQ=WEEKLY;BYDAY=FR,MO", Repeat(WEEKLY, weekdays=(0, 4))),
        ("rrule:freq=monthly;byday=1sa", Repeat(MONTHLY, ordinal=1, weekday=5)),
        ("FREQ=MONTHLY;BYDAY=-1FR", Repeat(MONTHLY, ordinal=-1, weekday=4)),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24", Repeat(YEARLY, month=12, day=24)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", Repeat(CUSTOM, rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")),
        ("FREQ=MONTHLY;BYDAY=5SU", Repeat(CUSTOM, rule="FREQ=MONTHLY;BYDAY=5SU")),
    ],
)
def test_rules_read_as_the_preset_people_would_pick(rule, repeat):
    assert repeat_of(rule) == repeat


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("", "Enter a rule"),
        ("FREQ=HOURLY", "Say how often it repeats"),
        ("BYDAY=MO", "Say how often it repeats"),
        ("FREQ=DAILY;BYHOUR=8", "time of day comes from the start and end times"),
        ("FREQ=DAILY;UNTIL=20261231T000000Z", "last day in its own field"),
        ("FREQ=DAILY;COLOUR=RED", "COLOUR is not a rule part"),
        ("FREQ=DAILY;INTERVAL", "“INTERVAL” is not of the form NAME=VALUE"),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ appears twice"),
        ("FREQ=WEEKLY;BYDAY=XX", "not a valid RFC 5545 recurrence rule"),
        ("FREQ=DAILY;INTERVAL=often", "not a valid RFC 5545 recurrence rule"),
    ],
)
def test_a_rule_that_cannot_be_stored_says_why(rule, message):
    with pytest.raises(RuleError, match=message):
        rule_check(rule)


def test_a_repeat_missing_its_days_says_what_is_missing():
    with pytest.raises(RuleError, match="Choose at least one weekday"):
        rule_of(Repeat(WEEKLY))
    with pytest.raises(RuleError, match="February has no day 30"):
        rule_of(Repeat(YEARLY, month=2, day=30))


@pytest.mark.parametrize(
    ("rule", "starts", "ends", "english", "danish"),
    [
        (
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            time(8),
            time(16),
            "Monday–Friday 08:00–16:00",
            "Mandag–fredag 08:00–16:00",
        ),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", time(8), time(12), "Monday, Wednesday and Friday 08:00–12:00", None),
        (
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,SA,SU",
            time(9),
            time(10),
            "Monday–Wednesday, Saturday and Sunday 09:00–10:00",
            None,
        ),
        ("FREQ=MONTHLY;BYDAY=1SA", time(10), time(14), "First Saturday of the month 10:00–14:00", None),
        ("FREQ=MONTHLY;BYDAY=-1FR", time(10), time(14), "Last Friday of the month 10:00–14:00", None),
        ("FREQ=DAILY", time(0), time(0), "Every day all day", None),
        (
            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24",
            time(8),
            time(0),
            "Every year on December 24 08:00–00:00",
            "Hvert år den 24. december 08:00–00:00",
        ),
    ],
)
def test_summaries_read_like_people_say_them(rule, starts, ends, english, danish):
    with translation.override("en"):
        assert schedule_summary(rule, starts, ends, date(2026, 1, 1), None) == english
    if danish:  # the weekday and month names come from Django's Danish catalogue already
        with translation.override("da"):
            assert schedule_summary(rule, starts, ends, date(2026, 1, 1), None) == danish


def test_summaries_mention_a_first_day_still_to_come_and_a_last_day():
    with translation.override("en"):
        assert schedule_summary(
            "FREQ=DAILY", time(8), time(9), date(2026, 6, 1), date(2026, 6, 30), today=date(2026, 5, 1)
        ) == ("Every day 08:00–09:00, from June 1, 2026, until June 30, 2026")
        assert (
            schedule_summary("FREQ=DAILY;COUNT=1", time(8), time(9), date(2026, 6, 1), None)
            == "June 1, 2026 08:00–09:00"
        )
