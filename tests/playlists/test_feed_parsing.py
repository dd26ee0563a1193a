"""Feeds as screens get them: plain text, local times across DST, and a clear refusal of what is not a feed."""

from datetime import datetime
from email.message import Message
from zoneinfo import ZoneInfo

import pytest

from playlists.feeds.calendar import calendar_parse, events_showing
from playlists.feeds.errors import FeedError
from playlists.feeds.framing import framing_refusal
from playlists.feeds.news import news_parse
from playlists.feeds.text import plain_text
from tests.feed_server import FIXTURES

CPH = ZoneInfo("Europe/Copenhagen")


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def at(*args) -> datetime:
    return datetime(*args, tzinfo=CPH)


def week_of(now: datetime, span: str = "week") -> list[tuple[str, str]]:
    events = calendar_parse(fixture("events.ics"), now=now, zone=CPH)["events"]
    return [(event["start"], event["title"]) for event in events_showing(events, span=span, now=now, zone=CPH)]


def test_rss_entries_are_plain_text():
    feed = news_parse(fixture("news.rss"))
    assert feed["title"] == "Aarhus Kommune – Nyheder"
    first, second, third, fourth = feed["entries"]
    assert first["title"] == "Ny legeplads åbner i Mølleparken"
    assert first["summary"] == (
        "Lørdag den 28. november kl. 11–14 indvier borgmesteren den nye legeplads i Mølleparken. "
        "Der er gratis æbleskiver & kakao."
    )
    assert second["title"] == "Vejarbejde på Randersvej & Nørrebrogade"
    assert second["summary"].startswith("Fra mandag er der kun ét spor")
    # A "<" that is text stays text (the screen escapes it); markup never survives.
    assert third["title"] == "Borgerservice holder lukket fredag <3"
    assert fourth["summary"] == "Mødet holdes i Rådhushallen tirsdag kl. 19."
    assert not any("<" in entry["summary"] or "alert" in entry["summary"] for entry in feed["entries"])
    assert first["published"] == "2026-11-23T07:30:00+00:00"


def test_long_summaries_are_cut_at_a_word():
    summary = news_parse(fixture("news.rss"))["entries"][2]["summary"]
    assert len(summary) <= 400 and summary.endswith("kun…")


def test_entry_pictures_are_found_in_thumbnails_and_enclosures():
    entries = news_parse(fixture("news.rss"))["entries"]
    assert [entry["image_url"] for entry in entries] == [
        "{{BASE}}/images/playground.png",
        "{{BASE}}/images/roadworks.png",
        "",
        "",  # a tracking pixel in the text is not the entry's picture
    ]


def test_atom_feeds_are_read_too():
    feed = news_parse(fixture("news.atom"))
    assert feed["title"] == "Hovedbiblioteket"
    assert [entry["title"] for entry in feed["entries"]] == [
        "Forfatteraften med Tove Ditlevsen-prisvinderen",
        "Nye åbningstider i julen",
    ]
    assert feed["entries"][1]["summary"] == "Biblioteket har åbent 23. december kl. 10–14."


@pytest.mark.parametrize("name", ["broken.rss", "events.ics", "not-a-calendar.ics"])
def test_what_is_not_a_feed_is_refused(name):
    with pytest.raises(FeedError) as raised:
        news_parse(fixture(name))
    assert raised.value.code == "not_a_feed"


@pytest.mark.parametrize("name", ["broken.rss", "news.rss", "not-a-calendar.ics"])
def test_what_is_not_a_calendar_is_refused(name):
    with pytest.raises(FeedError) as raised:
        calendar_parse(fixture(name), now=at(2026, 3, 30, 8), zone=CPH)
    assert raised.value.code == "not_a_calendar"


def test_a_weekly_meeting_keeps_its_local_time_across_the_spring_dst_change():
    before, after = week_of(at(2026, 3, 23, 8)), week_of(at(2026, 3, 30, 8))
    assert ("2026-03-23T10:00:00+01:00", "Byrådsmøde") in before
    assert ("2026-03-30T10:00:00+02:00", "Byrådsmøde") in after


def test_a_weekly_meeting_keeps_its_local_time_across_the_autumn_dst_change():
    assert ("2026-10-19T10:00:00+02:00", "Byrådsmøde") in week_of(at(2026, 10, 19, 8))
    assert ("2026-10-26T10:00:00+01:00", "Byrådsmøde") in week_of(at(2026, 10, 26, 8))


def test_an_event_set_in_utc_moves_on_the_local_clock():
    assert ("2026-03-26T10:00:00+01:00", "Driftsmøde (UTC)") in week_of(at(2026, 3, 23, 8))
    assert ("2026-04-02T11:00:00+02:00", "Driftsmøde (UTC)") in week_of(at(2026, 3, 30, 8))
    assert ("2026-10-29T10:00:00+01:00", "Driftsmøde (UTC)") in week_of(at(2026, 10, 26, 8))


def test_floating_times_are_local_times():
    assert ("2026-10-23T16:00:00+02:00", "Fredagsbar") in week_of(at(2026, 10, 19, 8))
    assert ("2026-10-30T16:00:00+01:00", "Fredagsbar") in week_of(at(2026, 10, 26, 8))


def test_excluded_and_moved_occurrences_are_respected():
    week = week_of(at(2026, 4, 6, 8))
    assert not any(title.startswith("Byrådsmøde") for _, title in week)  # EXDATE 6 April
    assert ("2026-04-13T14:00:00+02:00", "Byrådsmøde (flyttet)") in week_of(at(2026, 4, 13, 8))
    assert ("2026-04-13T10:00:00+02:00", "Byrådsmøde") not in week_of(at(2026, 4, 13, 8))


def test_today_shows_todays_events_that_have_not_ended():
    events = calendar_parse(fixture("events.ics"), now=at(2026, 3, 30, 10, 45), zone=CPH)["events"]
    today = events_showing(events, span="today", now=at(2026, 3, 30, 10, 45), zone=CPH)
    assert [(event["title"], event["all_day"]) for event in today] == [
        ("Rådhuset lukket for offentligheden", True),  # markup in SUMMARY made plain
        ("Byrådsmøde", False),  # 10:00–11:30, still on
        ("Driftsmøde (UTC)", False),  # 11:00 local
    ]
    later = events_showing(events, span="today", now=at(2026, 3, 30, 11, 45), zone=CPH)
    assert [event["title"] for event in later] == ["Rådhuset lukket for offentligheden"]


def test_event_locations_are_plain_text():
    events = calendar_parse(fixture("events.ics"), now=at(2026, 10, 19, 8), zone=CPH)["events"]
    assert {event["location"] for event in events} >= {"Byrådssalen", "Kantinen, 1. sal"}


def headers(**values) -> Message:
    message = Message()
    for name, value in values.items():
        for one in value if isinstance(value, list) else [value]:
            message[name.replace("_", "-")] = one
    return message


SCREEN = "https://infoskaerm.kommune.dk"


@pytest.mark.parametrize(
    "page_headers, page_url",
    [
        ({}, "https://www.kommune.dk/"),
        ({"X_Frame_Options": "ALLOW-FROM https://other.dk"}, "https://www.kommune.dk/"),
        ({"X_Frame_Options": "SAMEORIGIN"}, SCREEN + "/static/page.html"),
        ({"Content_Security_Policy": "frame-ancestors *"}, "https://www.kommune.dk/"),
        ({"Content_Security_Policy": "default-src 'self'; frame-ancestors https://*.kommune.dk"}, "https://dr.dk/"),
        ({"Content_Security_Policy": "frame-ancestors https:"}, "https://dr.dk/"),
        (
            {"Content_Security_Policy": "frame-ancestors 'self' infoskaerm.kommune.dk", "X_Frame_Options": "DENY"},
            "https://dr.dk/",
        ),
        ({"Content_Security_Policy_Report_Only": "frame-ancestors 'none'"}, "https://dr.dk/"),
        ({"Content_Security_Policy": "default-src 'self'"}, "https://dr.dk/"),
    ],
)
def test_pages_that_allow_framing_by_the_screen(page_headers, page_url):
    assert framing_refusal(headers(**page_headers), page_url=page_url, screen_url=SCREEN) is None


@pytest.mark.parametrize(
    "page_headers, shown",
    [
        ({"X_Frame_Options": "DENY"}, "X-Frame-Options: DENY"),
        ({"X_Frame_Options": "sameorigin"}, "X-Frame-Options: sameorigin"),
        ({"Content_Security_Policy": "frame-ancestors 'none'"}, "frame-ancestors 'none'"),
        ({"Content_Security_Policy": "frame-ancestors 'self'"}, "frame-ancestors 'self'"),
        (
            {"Content_Security_Policy": "frame-ancestors https://www.kommune.dk"},
            "frame-ancestors https://www.kommune.dk",
        ),
        ({"Content_Security_Policy": "frame-ancestors http://infoskaerm.kommune.dk"}, "frame-ancestors http://"),
        (
            {"Content_Security_Policy": ["frame-ancestors *", "frame-ancestors 'none'"]},
            "frame-ancestors 'none'",
        ),
    ],
)
def test_pages_that_forbid_framing_by_the_screen(page_headers, shown):
    refusal = framing_refusal(headers(**page_headers), page_url="https://www.kommune.dk/", screen_url=SCREEN)
    assert refusal is not None and shown in str(refusal)


def test_plain_text_strips_markup_and_decodes_entities_once():
    assert plain_text("<p>One</p><p>Two&amp;three</p>", limit=100) == "One Two&three"
    assert plain_text("&lt;script&gt;alert(1)&lt;/script&gt;", limit=100) == "<script>alert(1)</script>"
    assert plain_text(None, limit=10) == ""
    assert plain_text("x" * 50, limit=10) == "x" * 9 + "…"
