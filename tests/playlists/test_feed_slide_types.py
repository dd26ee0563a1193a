"""News, calendar and web page slides: checked when an editor saves, and described to screens from the cache."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError

from core.content_keys import playlist_key
from playlists.feeds.models import FeedCache
from playlists.models import Slide
from playlists.slide_types import SLIDE_BLOCKS
from screens.layouts.manifest import manifest_for
from tests.factories import make_organisation, make_playlist
from tests.manifests import playlist_slides

BLOCKS = dict(SLIDE_BLOCKS)


def url_error(block_type: str, value: dict) -> str:
    block = BLOCKS[block_type]
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))
    return " ".join(raised.value.block_errors["url"].messages)


def cleans(block_type: str, value: dict) -> None:
    block = BLOCKS[block_type]
    block.clean(block.to_python(value))


def feed_slide(block_type: str, value: dict, *, title: str = "Feed", duration: int = 12) -> Slide:
    block = BLOCKS[block_type]
    slide = Slide(
        title=title,
        duration=duration,
        organisation=make_organisation(),
        live=False,
        content=[(block_type, {**block.get_default(), **value})],
    )
    slide.save()
    slide.save_revision().publish()
    return Slide.objects.get(pk=slide.pk)


def manifest_slides(*slides) -> list[dict]:
    return playlist_slides(make_playlist(slides=slides).pk)


@pytest.mark.django_db
class TestSaveTimeChecks:
    def test_a_good_feed_and_calendar_pass(self, feed_server):
        cleans("news", {"url": feed_server.file_url("news.rss"), "entries": 3})
        cleans("calendar", {"url": feed_server.file_url("events.ics"), "span": "week"})

    def test_what_is_not_a_feed_is_named(self, feed_server):
        assert "does not give an RSS or Atom feed" in url_error("news", {"url": feed_server.file_url("broken.rss")})
        assert "not give an iCal (.ics) calendar" in url_error("calendar", {"url": feed_server.file_url("news.rss")})

    def test_internal_addresses_are_refused(self, feed_server, settings):
        settings.FEEDS_ALLOW_LOOPBACK = False
        for url in [
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.7/feed",
            feed_server.file_url("news.rss"),
        ]:
            assert "private or internal network" in url_error("news", {"url": url})
        assert "private or internal network" in url_error("web_page", {"url": "http://192.168.1.1/"})

    def test_unreachable_too_big_and_too_slow_are_named(self, feed_server, settings):
        settings.FEEDS_TIMEOUT_SECONDS = 0.5
        assert "could not be reached" in url_error("news", {"url": "http://no-such-host.invalid/rss"})
        assert "larger than the limit of 2 MB" in url_error("news", {"url": f"{feed_server.url}/huge"})
        assert "longer than 0.5 seconds" in url_error("calendar", {"url": f"{feed_server.url}/slow"})
        assert "HTTP status 404" in url_error("calendar", {"url": feed_server.file_url("missing.ics")})

    def test_a_web_page_that_forbids_framing_is_refused(self, feed_server):
        message = url_error("web_page", {"url": f"{feed_server.url}/page?X-Frame-Options=DENY"})
        assert "forbids being shown inside other sites (X-Frame-Options: DENY)" in message
        message = url_error(
            "web_page", {"url": f"{feed_server.url}/page?Content-Security-Policy=frame-ancestors+%27none%27"}
        )
        assert "Content-Security-Policy: frame-ancestors 'none'" in message

    def test_a_web_page_that_may_be_framed_passes(self, feed_server):
        cleans("web_page", {"url": f"{feed_server.url}/page"})
        cleans("web_page", {"url": f"{feed_server.url}/page?Content-Security-Policy=frame-ancestors+*"})


@pytest.mark.django_db(transaction=True)
class TestScreenPayloads:
    def test_news_entries_follow_the_editors_options(self, feed_server):
        url = feed_server.file_url("news.rss")
        full = feed_slide("news", {"url": url, "entries": 3, "show_images": True, "show_summary": True})
        bare = feed_slide(
            "news", {"url": url, "entries": 2, "show_images": False, "show_summary": False, "heading": "Nyt"}
        )
        first, second = manifest_slides(full, bare)
        assert first["type"] == "news" and first["heading"] == "Aarhus Kommune – Nyheder"
        assert [entry["title"] for entry in first["entries"]] == [
            "Ny legeplads åbner i Mølleparken",
            "Vejarbejde på Randersvej & Nørrebrogade",
            "Borgerservice holder lukket fredag <3",
        ]
        assert first["media"] == [{"url": entry["image"]["url"], "kind": "image"} for entry in first["entries"][:2]]
        assert second["heading"] == "Nyt" and len(second["entries"]) == 2
        assert all(entry["summary"] == "" and entry["image"] is None for entry in second["entries"])
        assert second["media"] == []

    def test_calendar_events_are_todays_or_this_weeks(self, feed_server):
        today = timezone.localdate()
        ics = "\r\n".join(
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//test//EN",
                "BEGIN:VEVENT",
                "UID:daily@test",
                "SUMMARY:Every day",
                f"DTSTART;VALUE=DATE:{today - timedelta(days=30):%Y%m%d}",
                "RRULE:FREQ=DAILY",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:later@test",
                "SUMMARY:Later this week",
                f"DTSTART;VALUE=DATE:{today + timedelta(days=1):%Y%m%d}",
                "END:VEVENT",
                "END:VCALENDAR",
                "",
            ]
        )
        url = feed_server.write("today.ics", ics)
        on_today = feed_slide("calendar", {"url": url, "span": "today"})
        on_week = feed_slide("calendar", {"url": url, "span": "week", "heading": "Ugen"})
        day, week = manifest_slides(on_today, on_week)
        assert day["span"] == "today" and [event["title"] for event in day["events"]] == ["Every day"]
        assert week["heading"] == "Ugen"
        if today.weekday() < 6:  # "later this week" falls in next week on a Sunday
            assert "Later this week" in [event["title"] for event in week["events"]]

    def test_a_web_page_slide_gives_its_address(self):
        (slide,) = manifest_slides(feed_slide("web_page", {"url": "https://www.kommune.dk/drift"}))
        assert slide["url"] == "https://www.kommune.dk/drift" and slide["media"] == []

    def test_a_feed_that_never_worked_gives_an_empty_slide_not_a_broken_manifest(self, feed_server):
        (slide,) = manifest_slides(feed_slide("news", {"url": feed_server.file_url("broken.rss")}))
        assert slide["entries"] == [] and slide["media"] == []

    def test_a_changed_feed_changes_the_manifest_version(self, feed_server, measurements):
        url = feed_server.write("versioned.rss", (feed_server.directory / "news.atom").read_text())
        playlist = make_playlist(slides=[feed_slide("news", {"url": url})])
        before = manifest_for(playlist_key(playlist.pk))  # publishing fetched the feed already
        started = time.perf_counter()
        assert manifest_for(playlist_key(playlist.pk)).version == before.version
        measurements["manifest with one news slide, feed from the cache (ms)"] = round(
            (time.perf_counter() - started) * 1000, 1
        )
        feed_server.write("versioned.rss", (feed_server.directory / "news.rss").read_text())
        FeedCache.objects.filter(url=url).update(next_fetch_at=timezone.now())
        assert manifest_for(playlist_key(playlist.pk)).version != before.version
