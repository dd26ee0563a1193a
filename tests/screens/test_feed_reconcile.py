"""A feed that changes reaches the screens showing it through the hub's reconcile, with no publish."""

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from playlists.feeds.models import FeedCache
from tests.factories import make_playlist, make_screen
from tests.manifests import slides_of
from tests.playlists.test_feed_slide_types import feed_slide
from tests.screens.test_live import playing_screen

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@database_sync_to_async
def screen_showing_news(url: str) -> str:
    playlist = make_playlist(slides=[feed_slide("news", {"url": url, "entries": 10})])
    return make_screen(playlist=playlist)[1]


@database_sync_to_async
def refresh_due(url: str) -> None:
    FeedCache.objects.filter(url=url).update(next_fetch_at=timezone.now())


async def test_a_changed_feed_reaches_the_screen_by_reconciliation(settings, feed_server):
    settings.SCREEN_RECONCILE_SECONDS = 0.2
    atom = (feed_server.directory / "news.atom").read_text()
    url = feed_server.write("live.atom", atom)
    screen = await playing_screen(await screen_showing_news(url))

    feed_server.write("live.atom", atom.replace("Nye åbningstider i julen", "Biblioteket holder lukket i dag"))
    await refresh_due(url)  # as if the refresh interval had passed

    manifest = (await screen.receive_json_from(timeout=10))["manifest"]
    assert "Biblioteket holder lukket i dag" in [entry["title"] for entry in slides_of(manifest)[0]["entries"]]
    await screen.disconnect()
