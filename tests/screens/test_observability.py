"""Screens report how they are, prove what they played, and take remote commands."""

from datetime import UTC, datetime

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.urls import reverse

from core import protocol
from screens.delivery.client_version import deployed_client_version
from screens.fleet.models import Screen
from screens.proof_of_play.models import PlayEvent
from screens.proof_of_play.services import play_events_record
from tests.factories import make_layout, make_organisation, make_playlist, make_screen, make_slide
from tests.screens.test_live import playing_screen
from tests.sockets import receive_welcome

STARTED = "2026-11-23T10:00:00+01:00"


def event(event_id="e1", slide=1, **overrides):
    return {"id": event_id, "slide": slide, "started_at": STARTED, "duration": 8.0, **overrides}


def test_status_reports_are_reduced_to_known_bounded_fields():
    status = protocol.parse_status(
        {
            "client": "0.2.0",
            "slide": 3,
            "uptime": 99.9,
            "user_agent": "x" * 1000,
            "evil": "<script>",
            "errors": [{"at": "now", "message": "m" * 500}] * 30,
        }  # fmt: skip
    )
    assert status["uptime"] == 99 and len(status["user_agent"]) == 300 and "evil" not in status
    assert len(status["errors"]) == protocol.MAX_STATUS_ERRORS and len(status["errors"][0]["message"]) == 200


@pytest.mark.parametrize(
    "bad",
    [
        event(started_at="yesterday"),
        event(started_at="2026-11-23T10:00:00"),
        event(duration=-1),
        event(slide="1"),
        event(event_id=""),
        event(event_id="x" * 65),
        "not an object",
    ],  # fmt: skip
)
def test_malformed_play_events_are_dropped_but_acknowledged(bad):
    message = {"type": "played", "events": [event("good"), bad]}
    assert [played.id for played in protocol.parse_played(message)] == ["good"]
    assert "good" in protocol.played_ids(message)


def test_a_played_batch_is_bounded():
    with pytest.raises(protocol.ProtocolError):
        protocol.parse_played({"events": [event(str(n)) for n in range(protocol.MAX_PLAYED_BATCH + 1)]})


def test_the_deployed_client_version_is_read_from_the_client():
    assert deployed_client_version() and deployed_client_version()[0].isdigit()


@database_sync_to_async
def paired_screen_with_slide():
    slide = make_slide(heading="Shown")
    screen, token = make_screen(playlist=make_playlist(slides=[slide]))
    return screen, token, slide


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_welcome_names_the_deployed_client_and_status_is_kept():
    screen, token, slide = await paired_screen_with_slide()
    from channels.testing import WebsocketCommunicator

    from display.asgi import application

    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    await communicator.connect()
    await communicator.send_json_to({"type": "hello", "protocol": 1, "token": token})
    assert (await receive_welcome(communicator))["client"] == deployed_client_version()
    await communicator.receive_json_from()  # manifest
    await communicator.send_json_to({"type": "status", "client": "0.1.9", "slide": slide.pk, "resolution": "1920x1080"})
    await communicator.send_json_to({"type": "heartbeat"})
    await communicator.receive_json_from()  # status has no reply; the heartbeat's shows it was handled
    stored = await database_sync_to_async(Screen.objects.get)(pk=screen.pk)
    assert stored.client_version == "0.1.9" and stored.status["resolution"] == "1920x1080" and stored.status_at
    await communicator.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_proof_of_play_is_stored_once_and_acknowledged():
    screen, token, slide = await paired_screen_with_slide()
    communicator = await playing_screen(token)
    batch = {"type": "played", "events": [event("a", slide.pk), event("b", slide.pk), event("c", 999_999)]}
    for _ in range(2):  # the acknowledgement was lost: the screen sends the same batch again
        await communicator.send_json_to(batch)
        assert (await communicator.receive_json_from()) == {"type": "played.ack", "ids": ["a", "b", "c"]}
    rows = await database_sync_to_async(lambda: list(PlayEvent.objects.filter(screen=screen).order_by("event_id")))()
    assert [(row.event_id, row.slide_id, row.slide_title) for row in rows] == [
        ("a", slide.pk, slide.title),
        ("b", slide.pk, slide.title),
        ("c", None, ""),  # not a slide this screen could show: recorded, but names nothing
    ]
    assert rows[0].started_at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC) and rows[0].duration == 8.0
    await communicator.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_only_a_paired_screen_may_report():
    from channels.testing import WebsocketCommunicator

    from display.asgi import application

    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    await communicator.connect()
    await communicator.send_json_to({"type": "hello", "protocol": 1})
    await communicator.receive_json_from()  # pairing code
    await communicator.send_json_to({"type": "played", "events": [event()]})
    assert (await communicator.receive_json_from())["code"] == "not_paired"
    await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", ["identify", "reload"])
def test_an_admin_sends_a_command_to_a_screen(admin_client, name):
    screen, _ = make_screen()
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(f"screen.{screen.pk}", channel)
    url = reverse(f"wagtailsnippets_screens_screen:{name}", args=[screen.pk])
    assert admin_client.get(url).status_code == 200  # asks first
    assert admin_client.post(url).status_code == 302
    sent = async_to_sync(layer.receive)(channel)
    assert sent["type"] == "screen.command" and sent["name"] == name and sent["screen"]["name"] == screen.name
    listing = admin_client.get(reverse("wagtailsnippets_screens_screen:list")).content.decode()
    assert url in listing  # offered in the screen list


@pytest.mark.django_db
def test_proof_of_play_is_listed_filtered_and_exported_as_csv(admin_client):
    slide = make_slide(heading="Shown", title="Opening hours")
    screen, _ = make_screen(playlist=make_playlist(slides=[slide]), name="Lobby left")
    other, _ = make_screen(name="Lobby right")
    for n, on in enumerate([screen, screen, other]):
        PlayEvent.objects.create(
            screen=on, event_id=str(n), slide=slide, slide_title=slide.title, started_at=STARTED, duration=8.5
        )
    url = reverse("proof_of_play")
    assert "Opening hours" in admin_client.get(url).content.decode()
    response = admin_client.get(url, {"screen": screen.pk, "export": "csv"})
    rows = b"".join(response.streaming_content).decode().strip().splitlines()
    assert rows[0].split(",")[:2] == ["Screen", "Slide"]
    assert len(rows) == 3 and all(row.startswith("Lobby left,Opening hours,") for row in rows[1:])


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_command_reaches_the_connected_screen():
    screen, token, _ = await paired_screen_with_slide()
    communicator = await playing_screen(token)
    from screens.fleet.services import screen_command_send

    await database_sync_to_async(screen_command_send)(screen=screen, name="identify")
    command = await communicator.receive_json_from(timeout=2)
    assert command["type"] == "command" and command["name"] == "identify"
    assert command["screen"]["name"] == screen.name
    await communicator.disconnect()


@pytest.mark.django_db
def test_the_screen_form_shows_the_last_status_read_only(admin_client):
    screen, _ = make_screen()
    Screen.objects.filter(pk=screen.pk).update(status={"resolution": "1080x1920", "errors": []}, client_version="0.2.0")
    html = admin_client.get(reverse("wagtailsnippets_screens_screen:edit", args=[screen.pk])).content.decode()
    assert "1080x1920" in html and "0.2.0" in html


@pytest.mark.django_db
def test_proof_of_play_names_the_slides_of_the_screens_layout_and_no_others():
    owner, guest = make_organisation("Borgerservice"), make_organisation("Biblioteket")
    in_layout, elsewhere = make_slide(organisation=owner), make_slide(organisation=owner)
    make_playlist(slides=[elsewhere], title="Not on this screen", organisation=owner)
    layout = make_layout(
        regions=[("ticker", make_playlist(slides=[in_layout], organisation=owner))], organisation=guest
    )
    screen, _ = make_screen(layout=layout, organisation=guest)
    played = protocol.parse_played({"type": "played", "events": [event("a", in_layout.pk), event("b", elsewhere.pk)]})
    play_events_record(screen=screen, events=played)
    rows = PlayEvent.objects.filter(screen=screen).order_by("event_id").values_list("event_id", "slide_id")
    assert list(rows) == [("a", in_layout.pk), ("b", None)]
