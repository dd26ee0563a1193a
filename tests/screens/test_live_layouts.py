"""Who is affected, with layouts: a change reaches every screen whose layout or playlist shows it, and no other."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from display.asgi import application
from playlists.models import Playlist, Slide
from screens.fleet.models import Screen
from screens.fleet.services import screen_changed
from screens.layouts.models import Layout, LayoutRegionPlaylist
from screens.layouts.services import layout_changed
from tests.factories import make_layout, make_organisation, make_playlist, make_screen, make_slide
from tests.manifests import headings
from tests.screens.test_live import playing_screen, publish_heading
from tests.sockets import receive_welcome

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@database_sync_to_async
def a_layout_screen_a_playlist_screen_and_a_bystander():
    """A main+ticker layout screen; a screen showing the ticker's playlist full screen; a screen elsewhere."""
    ticker_slide = make_slide(heading="Ticker")
    main = make_playlist(slides=[make_slide(heading="Main")], title="Main")
    ticker = make_playlist(slides=[ticker_slide], title="Ticker")
    layout = make_layout(template="main_ticker", regions=[("main", main), ("ticker", ticker)])
    _, layout_token = make_screen(layout=layout, playlist=main, name="With layout")
    _, playlist_token = make_screen(playlist=ticker, name="Ticker only")
    _, bystander_token = make_screen(playlist=make_playlist(slides=[make_slide()], title="Other"), name="Bystander")
    return ticker_slide, layout, (layout_token, playlist_token, bystander_token)


async def test_a_screen_with_a_layout_is_sent_the_layout_and_not_its_playlist():
    _, _, (token, _, _) = await a_layout_screen_a_playlist_screen_and_a_bystander()
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    assert (await communicator.connect())[0]
    await communicator.send_json_to({"type": "hello", "protocol": 1, "token": token})
    await receive_welcome(communicator)
    manifest = (await communicator.receive_json_from())["manifest"]
    assert manifest["layout"]["key"] == "main_ticker"
    assert headings(manifest, "main") == ["Main"] and headings(manifest, "ticker") == ["Ticker"]
    await communicator.disconnect()


async def test_publishing_a_slide_reaches_the_layouts_and_playlists_showing_it_and_no_others():
    (
        slide,
        _,
        (layout_token, playlist_token, bystander_token),
    ) = await a_layout_screen_a_playlist_screen_and_a_bystander()
    with_layout, ticker_only, bystander = [
        await playing_screen(t) for t in (layout_token, playlist_token, bystander_token)
    ]

    await publish_heading(slide.pk, "Bus 5A is late")

    pushed = (await with_layout.receive_json_from(timeout=2))["manifest"]
    assert headings(pushed, "ticker") == ["Bus 5A is late"] and headings(pushed, "main") == ["Main"]
    assert headings((await ticker_only.receive_json_from(timeout=2))["manifest"]) == ["Bus 5A is late"]
    assert await bystander.receive_nothing(timeout=0.3)
    for screen in (with_layout, ticker_only, bystander):
        await screen.disconnect()


async def test_editing_a_layout_reaches_its_screens():
    _, layout, (layout_token, playlist_token, _) = await a_layout_screen_a_playlist_screen_and_a_bystander()
    with_layout, ticker_only = await playing_screen(layout_token), await playing_screen(playlist_token)

    @database_sync_to_async
    def drop_the_ticker():
        edited = Layout.objects.get(pk=layout.pk)
        edited.template = "full"
        edited.save()
        LayoutRegionPlaylist.objects.filter(layout=edited, region="ticker").delete()
        layout_changed(layout=edited)

    await drop_the_ticker()
    pushed = (await with_layout.receive_json_from(timeout=2))["manifest"]
    assert pushed["layout"]["key"] == "full" and headings(pushed) == ["Main"]
    assert await ticker_only.receive_nothing(timeout=0.3)
    await with_layout.disconnect()
    await ticker_only.disconnect()


REMOVALS = {
    "unpublish the ticker playlist": lambda slide: Playlist.objects.get(title="Ticker").unpublish(),
    "delete the ticker playlist": lambda slide: Playlist.objects.get(title="Ticker").delete(),
    "delete the ticker slide": lambda slide: Slide.objects.get(pk=slide.pk).delete(),
}


@pytest.mark.parametrize("removal", REMOVALS)
async def test_a_playlist_taken_away_leaves_its_region_of_the_layout_empty(removal):
    slide, _, (token, _, _) = await a_layout_screen_a_playlist_screen_and_a_bystander()
    screen = await playing_screen(token)
    await database_sync_to_async(REMOVALS[removal])(slide)
    pushed = (await screen.receive_json_from(timeout=2))["manifest"]
    assert headings(pushed, "ticker") == [] and headings(pushed, "main") == ["Main"]
    await screen.disconnect()


async def test_deleting_a_layout_sends_its_screens_back_to_their_playlist():
    _, layout, (token, _, _) = await a_layout_screen_a_playlist_screen_and_a_bystander()
    screen = await playing_screen(token)
    await database_sync_to_async(lambda: Layout.objects.get(pk=layout.pk).delete())()
    pushed = (await screen.receive_json_from(timeout=2))["manifest"]
    assert pushed["layout"]["key"] == "full" and headings(pushed) == ["Main"]
    await screen.disconnect()


async def test_a_screen_given_a_layout_follows_the_layout_and_not_its_old_playlist():
    old_slide = await database_sync_to_async(make_slide)(heading="Old")

    @database_sync_to_async
    def screen_then_layout():
        screen, token = make_screen(playlist=make_playlist(slides=[old_slide], title="Old"))
        new_slide = make_slide(heading="In the layout")
        layout = make_layout(
            template="main_sidebar", regions=[("sidebar", make_playlist(slides=[new_slide], title="New"))]
        )
        return screen, token, layout, new_slide

    screen_row, token, layout, new_slide = await screen_then_layout()
    screen = await playing_screen(token)

    @database_sync_to_async
    def give_it_the_layout():
        row = Screen.objects.get(pk=screen_row.pk)
        row.layout = layout
        row.save()
        screen_changed(screen=row)

    await give_it_the_layout()
    assert headings((await screen.receive_json_from(timeout=2))["manifest"], "sidebar") == ["In the layout"]
    await publish_heading(old_slide.pk, "Old playlist changed")
    assert await screen.receive_nothing(timeout=0.3)
    await publish_heading(new_slide.pk, "Layout changed")
    assert headings((await screen.receive_json_from(timeout=2))["manifest"]) == ["Layout changed"]
    await screen.disconnect()


async def test_a_layout_given_silently_is_taken_up_by_the_next_heartbeat():
    @database_sync_to_async
    def screen_and_layout():
        screen, token = make_screen(playlist=make_playlist(slides=[make_slide(heading="Before")]))
        layout = make_layout(
            template="main_ticker", regions=[("ticker", make_playlist(slides=[make_slide(heading="After")], title="T"))]
        )
        return screen, token, layout

    screen_row, token, layout = await screen_and_layout()
    screen = await playing_screen(token)
    await database_sync_to_async(Screen.objects.filter(pk=screen_row.pk).update)(layout=layout)  # no push
    await screen.send_json_to({"type": "heartbeat"})
    assert headings((await screen.receive_json_from())["manifest"]) == ["After"]
    assert await screen.receive_json_from() == {"type": "heartbeat.ack"}
    await screen.disconnect()


async def test_unsharing_a_playlist_takes_it_out_of_the_other_organisations_layouts():
    @database_sync_to_async
    def shared_playlist_in_a_layout_of_another_organisation():
        owner, guest = make_organisation("Borgerservice"), make_organisation("Biblioteket")
        shared = make_playlist(slides=[make_slide(heading="Shared")], title="Shared", organisation=owner)
        shared.shared_with.add(guest)
        own = make_playlist(slides=[make_slide(heading="Own", organisation=guest)], title="Own", organisation=guest)
        layout = make_layout(template="main_ticker", regions=[("main", own), ("ticker", shared)], organisation=guest)
        return shared, guest, make_screen(layout=layout, organisation=guest)[1]

    shared, guest, token = await shared_playlist_in_a_layout_of_another_organisation()
    screen = await playing_screen(token)
    await database_sync_to_async(shared.shared_with.remove)(guest)
    pushed = (await screen.receive_json_from(timeout=2))["manifest"]
    assert headings(pushed) == ["Own"]
    assert not await database_sync_to_async(LayoutRegionPlaylist.objects.filter(playlist=shared).exists)()
    await screen.disconnect()
