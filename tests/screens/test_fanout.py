"""The per-process hub: pushes reach local screens once decoded, stale or lost pushes do not leave screens behind."""

import time

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from core.content_keys import playlist_key
from playlists.models import Slide
from screens.live import content_group
from tests.factories import make_playlist, make_screen, make_slide
from tests.manifests import headings
from tests.screens.test_live import playing_screen, publish_heading
from tests.sockets import receive_welcome

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@database_sync_to_async
def screens_on_one_playlist(count=2):
    slide = make_slide(heading="Shared")
    playlist = make_playlist(slides=[slide])
    return slide, playlist, [make_screen(playlist=playlist, name=f"Screen {n}")[1] for n in range(count)]


async def test_screens_sharing_content_get_the_same_push():
    slide, _, tokens = await screens_on_one_playlist(3)
    screens = [await playing_screen(token) for token in tokens]
    await publish_heading(slide.pk, "For everyone")
    for screen in screens:
        assert headings((await screen.receive_json_from(timeout=2))["manifest"])[0] == "For everyone"
        await screen.disconnect()


async def test_screens_on_the_same_content_share_one_manifest_read(monkeypatch):
    from screens.delivery import fanout

    reads = []
    real_read = fanout.read_edition
    monkeypatch.setattr(fanout, "read_edition", lambda key: reads.append(key) or real_read(key))
    _, playlist, tokens = await screens_on_one_playlist(3)
    screens = [await playing_screen(token) for token in tokens]
    assert reads == [playlist_key(playlist.pk)]
    for screen in screens:
        await screen.disconnect()


async def test_a_push_older_than_what_the_screen_has_is_ignored():
    slide, playlist, (token,) = await screens_on_one_playlist(1)
    screen = await playing_screen(token)
    key = playlist_key(playlist.pk)
    stale = {"type": "screen.manifest", "content": key, "version": "stale", "built_at": time.time() - 3600}
    await get_channel_layer().group_send(content_group(key), {**stale, "text": '{"type":"manifest"}'})
    assert await screen.receive_nothing(timeout=0.3)
    await publish_heading(slide.pk, "Newer")
    assert headings((await screen.receive_json_from(timeout=2))["manifest"])[0] == "Newer"
    await screen.disconnect()


async def test_a_screen_that_missed_a_publish_gets_it_on_reconnect():
    slide, _, (token,) = await screens_on_one_playlist(1)
    screen = await playing_screen(token)
    await screen.disconnect()
    await publish_heading(slide.pk, "While you were away")
    again = await playing_screen(token)  # playing_screen reads welcome and the manifest
    await again.disconnect()

    from channels.testing import WebsocketCommunicator

    from display.asgi import application

    old = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    await old.connect()
    await old.send_json_to({"type": "hello", "protocol": 1, "token": token, "version": "version-before-the-publish"})
    await receive_welcome(old)
    assert headings((await old.receive_json_from())["manifest"])[0] == "While you were away"
    await old.disconnect()


async def test_a_change_whose_push_was_lost_reaches_the_screen_by_reconciliation(settings):
    settings.SCREEN_RECONCILE_SECONDS = 0.2
    slide, _, (token,) = await screens_on_one_playlist(1)
    screen = await playing_screen(token)

    @database_sync_to_async
    def change_without_a_push():
        # A queryset update sends no signal: exactly what a push lost to a Redis outage looks like to a screen.
        live = Slide.objects.get(pk=slide.pk)
        live.content = [("image_text", {"heading": "Repaired", "text": "", "image": None})]
        Slide.objects.filter(pk=slide.pk).update(content=live.content)

    await change_without_a_push()
    assert headings((await screen.receive_json_from(timeout=3))["manifest"])[0] == "Repaired"
    await screen.disconnect()
