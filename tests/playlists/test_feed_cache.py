"""The feed cache: one fetch per interval across processes, the last good copy through failures, bounded waits."""

import time
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image as PILImage

from playlists.feeds.cache import feed_check, feed_claim, feed_content, feed_row
from playlists.feeds.errors import FeedError
from playlists.feeds.models import FeedCache

# Refreshes run on their own thread with their own connection: committed data only.
pytestmark = pytest.mark.django_db(transaction=True)


def make_due(url: str) -> None:
    FeedCache.objects.filter(url=url).update(next_fetch_at=timezone.now() - timedelta(seconds=1))


def titles(content: dict) -> list[str]:
    return [entry["title"] for entry in content["entries"]]


def wait_for(condition, timeout: float = 20):
    ends = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < ends, "condition not met in time"
        time.sleep(0.05)


def test_a_feed_is_fetched_once_then_served_from_the_cache(feed_server, settings):
    url = feed_server.write("cached.rss", (feed_server.directory / "news.atom").read_text())
    content = feed_content("news", url, wait=10)
    assert titles(content)[0] == "Forfatteraften med Tove Ditlevsen-prisvinderen"
    row = FeedCache.objects.get(url=url)
    assert row.next_fetch_at - row.fetched_at == timedelta(seconds=settings.FEEDS_REFRESH_SECONDS)
    for _ in range(5):
        assert feed_content("news", url, wait=10) == content
    assert feed_server.requests["/files/cached.rss"] == 1


def test_a_due_feed_is_fetched_again_and_changes_are_taken_up(feed_server):
    url = feed_server.write("changing.rss", (feed_server.directory / "news.atom").read_text())
    feed_content("news", url, wait=10)
    feed_server.write("changing.rss", (feed_server.directory / "news.atom").read_text().replace("julen", "påsken"))
    assert "Nye åbningstider i julen" in titles(feed_content("news", url, wait=10))  # not due yet
    make_due(url)
    assert "Nye åbningstider i påsken" in titles(feed_content("news", url, wait=10))
    assert feed_server.requests["/files/changing.rss"] == 2


def test_a_broken_feed_keeps_its_last_good_content_and_is_retried_soon(feed_server, settings):
    url = feed_server.write("breaking.rss", (feed_server.directory / "news.atom").read_text())
    good = feed_content("news", url, wait=10)
    feed_server.write("breaking.rss", (feed_server.directory / "broken.rss").read_text())
    make_due(url)
    assert feed_content("news", url, wait=10) == good
    row = FeedCache.objects.get(url=url)
    assert row.content == good
    assert "does not give an RSS or Atom feed" in row.error
    assert row.next_fetch_at - row.error_at == timedelta(seconds=settings.FEEDS_RETRY_SECONDS)
    # Repaired at the source: the next fetch clears the error.
    feed_server.write("breaking.rss", (feed_server.directory / "news.atom").read_text())
    make_due(url)
    feed_content("news", url, wait=10)
    assert FeedCache.objects.get(url=url).error == ""


def test_only_one_caller_claims_a_due_refresh(feed_server):
    row = feed_row("news", feed_server.file_url("news.atom"))
    claims = [feed_claim(row) for _ in range(3)]
    assert claims == [True, False, False]
    assert FeedCache.objects.get(pk=row.pk).next_fetch_at > timezone.now()


def test_a_slow_feed_does_not_hold_up_the_caller(feed_server, measurements):
    url = f"{feed_server.url}/slow"
    FeedCache.objects.create(
        kind="news", url=url, content={"title": "Last good", "entries": []}, next_fetch_at=timezone.now()
    )
    started = time.monotonic()
    assert feed_content("news", url, wait=0.3) == {"title": "Last good", "entries": []}
    measurements["feed cache: slow feed (3 s), wait 0.3 s → caller got the last good copy after (s)"] = round(
        time.monotonic() - started, 2
    )
    # The refresh carries on in the background and stores what it got.
    wait_for(lambda: FeedCache.objects.get(url=url).fetched_at is not None)
    assert FeedCache.objects.get(url=url).content["title"] == "Aarhus Kommune – Nyheder"


def test_entry_pictures_are_fetched_by_the_server_and_served_as_our_media(feed_server):
    content = feed_content("news", feed_server.file_url("news.rss"), wait=10)
    pictures = [entry["image"] for entry in content["entries"]]
    assert pictures[2] is None and pictures[3] is None
    for picture in pictures[:2]:
        assert picture["url"].startswith("/media/feeds/") and picture["url"].endswith(".jpg")
        with default_storage.open(picture["url"].removeprefix("/media/")) as file, PILImage.open(file) as image:
            assert image.format == "JPEG" and (image.width, image.height) == (picture["width"], picture["height"])
    assert "image_url" not in content["entries"][0]  # the third party's address is not sent to screens


def test_the_save_time_check_reports_what_is_wrong_and_trusts_a_fresh_copy(feed_server):
    with pytest.raises(FeedError) as raised:
        feed_check("news", feed_server.file_url("broken.rss"))
    assert raised.value.code == "not_a_feed"
    with pytest.raises(FeedError) as raised:
        feed_check("calendar", feed_server.file_url("not-a-calendar.ics"))
    assert raised.value.code == "not_a_calendar"

    url = feed_server.write("checked.ics", (feed_server.directory / "events.ics").read_text())
    feed_check("calendar", url)
    feed_check("calendar", url)
    assert feed_server.requests["/files/checked.ics"] == 1
    assert FeedCache.objects.get(url=url).content["events"] is not None
