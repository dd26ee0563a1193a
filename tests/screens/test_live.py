"""Publishing reaches exactly the affected screens, after the change commits."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from display.asgi import application
from playlists.models import Playlist, Slide
from tests.factories import make_playlist, make_screen, make_slide
from tests.manifests import headings, slides_of
from tests.sockets import receive_welcome

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def playing_screen(token):
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    assert (await communicator.connect())[0]
    await communicator.send_json_to({"type": "hello", "protocol": 1, "token": token})
    await receive_welcome(communicator)
    await communicator.receive_json_from()  # manifest
    return communicator


@database_sync_to_async
def two_screens_on_two_playlists():
    shown, other = make_slide(heading="Shown"), make_slide(heading="Elsewhere")
    watched = make_screen(playlist=make_playlist(slides=[shown], title="A"), name="Watched")
    bystander = make_screen(playlist=make_playlist(slides=[other], title="B"), name="Bystander")
    return shown, watched, bystander


@database_sync_to_async
def publish_heading(slide_id, heading):
    slide = Slide.objects.get(pk=slide_id)
    slide.content = [("image_text", {"heading": heading, "text": "", "image": None})]
    slide.save_revision().publish()


async def test_publishing_a_slide_pushes_to_the_screens_showing_it_and_no_others():
    slide, (_, watched_token), (_, bystander_token) = await two_screens_on_two_playlists()
    watched, bystander = await playing_screen(watched_token), await playing_screen(bystander_token)

    await publish_heading(slide.pk, "Updated")

    pushed = await watched.receive_json_from(timeout=2)
    assert headings(pushed["manifest"])[0] == "Updated"
    assert await bystander.receive_nothing(timeout=0.3)
    await watched.disconnect()
    await bystander.disconnect()


async def test_saving_a_draft_pushes_nothing():
    slide, (_, token), _ = await two_screens_on_two_playlists()
    screen = await playing_screen(token)

    @database_sync_to_async
    def save_draft():
        draft = Slide.objects.get(pk=slide.pk)
        draft.content = [("image_text", {"heading": "Not yet", "text": "", "image": None})]
        draft.save_revision()

    await save_draft()
    assert await screen.receive_nothing(timeout=0.3)
    await screen.disconnect()


REMOVALS = {
    "unpublish the slide": lambda slide, screen: Slide.objects.get(pk=slide.pk).unpublish(),
    "delete the slide": lambda slide, screen: Slide.objects.get(pk=slide.pk).delete(),
    "unpublish the playlist": lambda slide, screen: Playlist.objects.get(pk=screen.playlist_id).unpublish(),
    "delete the playlist": lambda slide, screen: Playlist.objects.get(pk=screen.playlist_id).delete(),
}


@pytest.mark.parametrize("removal", REMOVALS)
async def test_content_taken_away_disappears_from_the_screen(removal):
    slide, (screen_row, token), _ = await two_screens_on_two_playlists()
    screen = await playing_screen(token)
    await database_sync_to_async(REMOVALS[removal])(slide, screen_row)
    assert slides_of((await screen.receive_json_from(timeout=2))["manifest"]) == []
    await screen.disconnect()


async def test_a_rolled_back_publish_pushes_nothing():
    slide, (_, token), _ = await two_screens_on_two_playlists()
    screen = await playing_screen(token)

    @database_sync_to_async
    def publish_then_fail():
        from django.db import transaction

        with pytest.raises(RuntimeError), transaction.atomic():
            s = Slide.objects.get(pk=slide.pk)
            s.content = [("image_text", {"heading": "Never", "text": "", "image": None})]
            s.save_revision().publish()
            raise RuntimeError

    await publish_then_fail()
    assert await screen.receive_nothing(timeout=0.3)
    await screen.disconnect()


async def test_a_reassigned_screen_follows_its_new_playlist_and_not_the_old_one():
    old_slide, (screen_row, token), _ = await two_screens_on_two_playlists()
    screen = await playing_screen(token)

    @database_sync_to_async
    def reassign():
        from screens.fleet.models import Screen
        from screens.fleet.services import screen_changed

        new_slide = make_slide(heading="New playlist")
        row = Screen.objects.get(pk=screen_row.pk)
        row.playlist = make_playlist(slides=[new_slide], title="C")
        row.save()
        screen_changed(screen=row)
        return new_slide

    new_slide = await reassign()
    assert headings((await screen.receive_json_from(timeout=2))["manifest"])[0] == "New playlist"
    await publish_heading(old_slide.pk, "Old playlist changed")
    assert await screen.receive_nothing(timeout=0.3)
    await publish_heading(new_slide.pk, "New playlist changed")
    assert headings((await screen.receive_json_from(timeout=2))["manifest"])[0] == "New playlist changed"
    await screen.disconnect()
