"""Sockets that go wrong are closed and cleaned up; state lost with a push is repaired by the next heartbeat."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import OperationalError

from core import protocol
from display.asgi import application
from playlists.models import Playlist
from screens.delivery.fanout import hub
from screens.fleet.models import Screen
from tests.factories import make_playlist, make_screen, make_slide
from tests.manifests import headings
from tests.screens.test_live import playing_screen

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def connect() -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    assert (await communicator.connect())[0]
    return communicator


@database_sync_to_async
def screens_on_a_playlist(count=1):
    playlist = make_playlist(slides=[make_slide()])
    return playlist, [make_screen(playlist=playlist, name=f"Screen {n}") for n in range(count)]


async def test_a_server_error_during_hello_closes_the_socket_so_the_screen_starts_again(monkeypatch):
    def database_down(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr("screens.delivery.consumers.screen_by_token", database_down)
    communicator = await connect()
    await communicator.send_json_to({"type": "hello", "protocol": 1, "token": "whatever"})
    assert (await communicator.receive_json_from())["code"] == "server_error"
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_SERVER_ERROR


async def test_a_socket_that_never_says_hello_is_closed(settings):
    settings.SCREEN_HELLO_TIMEOUT = 0.2
    communicator = await connect()
    assert (await communicator.receive_output(timeout=2))["code"] == protocol.CLOSE_PROTOCOL


async def test_a_bad_first_frame_closes_the_socket():
    communicator = await connect()
    await communicator.send_to(text_data="{nope")
    assert (await communicator.receive_json_from())["code"] == "bad_json"
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_PROTOCOL


async def test_a_revocation_whose_push_was_lost_is_caught_by_the_next_heartbeat():
    _, [(screen, token)] = await screens_on_a_playlist()
    communicator = await playing_screen(token)
    await database_sync_to_async(Screen.objects.filter(pk=screen.pk).update)(token_hash=None)  # no push
    await communicator.send_json_to({"type": "heartbeat"})
    assert await communicator.receive_json_from() == {"type": "unpaired"}
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_INVALID_TOKEN


async def test_a_reassignment_whose_push_was_lost_is_caught_by_the_next_heartbeat():
    _, [(screen, token)] = await screens_on_a_playlist()
    communicator = await playing_screen(token)

    @database_sync_to_async
    def reassign_silently():
        other = make_playlist(slides=[make_slide(heading="Elsewhere")], title="Other")
        Screen.objects.filter(pk=screen.pk).update(playlist=other)

    await reassign_silently()
    await communicator.send_json_to({"type": "heartbeat"})
    assert headings((await communicator.receive_json_from())["manifest"])[0] == "Elsewhere"
    assert await communicator.receive_json_from() == {"type": "heartbeat.ack"}
    await communicator.disconnect()


async def test_deleting_a_playlist_while_screens_leave_leaves_no_dead_members_in_the_hub():
    playlist, screens = await screens_on_a_playlist(2)
    communicators = [await playing_screen(token) for _, token in screens]
    await database_sync_to_async(lambda: Playlist.objects.get(pk=playlist.pk).delete())()
    for communicator in communicators:
        await communicator.disconnect()
    assert not any(hub().members.values())
