"""Campaigns over the real ASGI stack, on the in-memory and the Redis channel layer: every screen is told its
campaigns after welcome, and a change reaches exactly the screens it concerns."""

import uuid
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from display.asgi import application
from screens.campaigns.models import Campaign
from screens.fleet.models import Screen, ScreenGroup
from tests.factories import make_campaign, make_organisation, make_playlist, make_screen, make_slide, make_user
from tests.screens.test_live import publish_heading

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture(params=["in-memory", "redis"])
def layer(request, settings):
    if request.param == "redis":
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                "CONFIG": {"hosts": [request.getfixturevalue("redis_url")], "prefix": f"test-{uuid.uuid4().hex[:8]}"},
            }
        }
    channel_layers.backends.clear()
    yield request.param
    channel_layers.backends.clear()


@database_sync_to_async
def building():
    """Borgerservice: "hall-1" and "hall-2" in the group "Ground floor", "office" not; Biblioteket: "theirs".
    Returns the screens' tokens, the group, the campaign playlist and its slide."""
    ours, theirs = make_organisation("Borgerservice"), make_organisation("Biblioteket")
    everyday = make_playlist(slides=[make_slide(heading="Welcome", organisation=ours)], organisation=ours)
    screens = {
        name: make_screen(name=name, playlist=everyday, organisation=ours) for name in ("hall-1", "hall-2", "office")
    }
    screens["theirs"] = make_screen(name="theirs", organisation=theirs)
    group = ScreenGroup.objects.create(name="Ground floor", organisation=ours)
    group.screens.add(screens["hall-1"][0], screens["hall-2"][0])
    slide = make_slide(heading="Flu shots", organisation=ours)
    playlist = make_playlist(slides=[slide], title="Flu", organisation=ours)
    return {name: token for name, (_, token) in screens.items()}, group, playlist, slide


async def playing(token: str) -> tuple[WebsocketCommunicator, list[dict]]:
    """A connected screen and the frames it got until it went quiet."""
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    assert (await communicator.connect())[0]
    await communicator.send_json_to({"type": "hello", "protocol": 1, "token": token})
    frames = []
    while not await communicator.receive_nothing(timeout=0.5):
        frames.append(await communicator.receive_json_from())
    return communicator, frames


def window() -> dict:
    # In today's and the coming days' documents whatever the time of day.
    start = timezone.localtime() + timedelta(hours=1)
    return {
        "starts": start.strftime("%Y-%m-%d %H:%M"),
        "ends": (start + timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M"),
    }


@database_sync_to_async
def campaign_for(group, playlist, starts_in=timedelta(hours=1)) -> Campaign:
    """A campaign of an hour for the group, saved directly: nothing is pushed."""
    start = timezone.now() + starts_in
    return make_campaign(playlist=playlist, starts=start, ends=start + timedelta(hours=1), groups=[group])


@database_sync_to_async
def create_in_the_admin(group, playlist) -> Campaign:
    client = Client()
    client.force_login(make_user(organisation=group.organisation, roles=("Publisher",)))
    form = {
        "organisation": group.organisation_id,
        "title": "Flu shots",
        "playlist": playlist.pk,
        "priority": 0,
        "groups": [group.pk],
        **window(),
    }
    assert client.post(reverse("wagtailsnippets_screens_campaign:add"), form).status_code == 302
    return Campaign.objects.get()


async def test_welcome_is_followed_by_the_campaigns_even_when_there_are_none(layer):
    tokens, *_ = await building()
    screen, frames = await playing(tokens["office"])
    assert [frame["type"] for frame in frames] == ["welcome", "campaigns", "manifest"]
    campaigns = frames[1]["campaigns"]
    assert (campaigns["track"], campaigns["playlists"]) == ([], {}) and campaigns["version"]
    await screen.disconnect()


async def test_a_campaign_made_for_a_group_reaches_only_its_screens_and_its_deletion_empties_their_track(layer):
    tokens, group, playlist, _ = await building()
    sockets = {name: (await playing(token))[0] for name, token in tokens.items()}

    campaign = await create_in_the_admin(group, playlist)

    for name in ("hall-1", "hall-2"):
        pushed = await sockets[name].receive_json_from(timeout=5)
        assert pushed["type"] == "campaigns"
        [interval] = pushed["campaigns"]["track"]
        assert (interval["campaign"], interval["playlists"]) == (campaign.pk, [playlist.pk])
        assert pushed["campaigns"]["playlists"][str(playlist.pk)]["slides"][0]["heading"] == "Flu shots"
    for name in ("office", "theirs"):
        assert await sockets[name].receive_nothing(timeout=0.3), name

    await database_sync_to_async(Campaign.objects.filter(pk=campaign.pk).delete)()

    for name in ("hall-1", "hall-2"):
        emptied = await sockets[name].receive_json_from(timeout=5)
        assert emptied["type"] == "campaigns" and emptied["campaigns"]["track"] == []
    for communicator in sockets.values():
        assert await communicator.receive_nothing(timeout=0.3)
        await communicator.disconnect()


async def test_a_screen_that_connects_during_a_campaign_gets_it_after_welcome(layer):
    tokens, group, playlist, _ = await building()
    await campaign_for(group, playlist, starts_in=timedelta(minutes=-5))
    screen, frames = await playing(tokens["hall-1"])
    assert [frame["type"] for frame in frames] == ["welcome", "campaigns", "manifest"]
    assert frames[1]["campaigns"]["track"][0]["playlists"] == [playlist.pk]
    await screen.disconnect()


async def test_publishing_a_slide_of_a_campaign_playlist_reaches_the_campaigns_screens():
    tokens, group, playlist, slide = await building()
    await campaign_for(group, playlist)
    hall, _ = await playing(tokens["hall-1"])
    office, _ = await playing(tokens["office"])

    await publish_heading(slide.pk, "Flu shots, now free")

    pushed = await hall.receive_json_from(timeout=5)
    assert pushed["campaigns"]["playlists"][str(playlist.pk)]["slides"][0]["heading"] == "Flu shots, now free"
    assert await office.receive_nothing(timeout=0.3)
    await hall.disconnect()
    await office.disconnect()


async def test_a_screen_joining_a_campaigns_group_gets_the_campaign():
    tokens, group, playlist, _ = await building()
    await campaign_for(group, playlist)
    office, _ = await playing(tokens["office"])

    @database_sync_to_async
    def join():
        group.screens.add(Screen.objects.get(name="office"))

    await join()
    assert (await office.receive_json_from(timeout=5))["campaigns"]["track"][0]["playlists"] == [playlist.pk]
    await office.disconnect()


async def test_a_campaign_whose_push_was_lost_reaches_the_screens_by_reconciliation(settings):
    settings.SCREEN_RECONCILE_SECONDS = 0.2
    tokens, group, playlist, _ = await building()
    hall, _ = await playing(tokens["hall-1"])
    await campaign_for(group, playlist)  # saved without the admin's push, as if the push had been lost
    assert (await hall.receive_json_from(timeout=3))["campaigns"]["track"][0]["playlists"] == [playlist.pk]
    await hall.disconnect()
