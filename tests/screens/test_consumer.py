"""The screen consumer through the real ASGI stack (origin check, routing) with WebsocketCommunicator."""

import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from core import protocol
from core.pairing import hash_token
from display.asgi import application
from screens.fleet.models import PairingCode, Screen
from screens.fleet.services import PairingError, screen_pair, screen_unpair
from tests.factories import make_playlist, make_screen, make_slide
from tests.manifests import headings
from tests.sockets import receive_welcome

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

ORIGIN = [(b"origin", b"http://127.0.0.1:8000")]


async def connect(headers=ORIGIN) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def say_hello(communicator, **fields):
    await communicator.send_json_to({"type": "hello", "protocol": 1, **fields})


@database_sync_to_async
def screen_with_slides(headings=("Welcome",)):
    playlist = make_playlist(slides=[make_slide(heading=h) for h in headings])
    return make_screen(playlist=playlist)


async def test_a_new_screen_gets_a_code_and_then_its_token_the_moment_it_is_paired():
    screen, _ = await database_sync_to_async(make_screen)(paired=False, playlist=None)
    communicator = await connect()
    await say_hello(communicator)
    offer = await communicator.receive_json_from()
    assert offer["type"] == "pairing.code" and len(offer["code"]) == 6

    await database_sync_to_async(screen_pair)(screen=screen, code=offer["code"].lower())

    paired = await communicator.receive_json_from()
    assert paired["type"] == "paired"
    welcome = await receive_welcome(communicator)
    assert welcome["screen"]["name"] == screen.name
    assert (await communicator.receive_json_from())["type"] == "manifest"
    stored = await database_sync_to_async(Screen.objects.get)(pk=screen.pk)
    assert stored.token_hash == hash_token(paired["token"]) != paired["token"]
    assert stored.is_online  # seen at the moment of pairing, not only from its next hello
    await communicator.disconnect()


async def test_a_pairing_code_is_single_use():
    screen, _ = await database_sync_to_async(make_screen)(paired=False)
    other, _ = await database_sync_to_async(make_screen)(paired=False, name="Other")
    communicator = await connect()
    await say_hello(communicator)
    code = (await communicator.receive_json_from())["code"]
    await database_sync_to_async(screen_pair)(screen=screen, code=code)
    with pytest.raises(PairingError):
        await database_sync_to_async(screen_pair)(screen=other, code=code)
    await communicator.disconnect()


async def test_a_pairing_code_dies_with_its_socket():
    screen, _ = await database_sync_to_async(make_screen)(paired=False)
    communicator = await connect()
    await say_hello(communicator)
    offer = await communicator.receive_json_from()
    assert offer["expires_in"] == 15 * 60
    await communicator.disconnect()
    with pytest.raises(PairingError):
        await database_sync_to_async(screen_pair)(screen=screen, code=offer["code"])


async def test_a_paired_screen_receives_welcome_and_manifest():
    screen, token = await screen_with_slides(["Welcome", "Opening hours"])
    communicator = await connect()
    await say_hello(communicator, token=token)
    await receive_welcome(communicator)
    manifest = (await communicator.receive_json_from())["manifest"]
    assert headings(manifest) == ["Welcome", "Opening hours"]
    await communicator.disconnect()


async def test_a_screen_that_has_the_current_version_is_not_sent_it_again():
    screen, token = await screen_with_slides()
    first = await connect()
    await say_hello(first, token=token)
    await receive_welcome(first)
    version = (await first.receive_json_from())["manifest"]["version"]
    await first.disconnect()

    second = await connect()
    await say_hello(second, token=token, version=version)
    await receive_welcome(second)
    assert await second.receive_nothing(timeout=0.3)
    await second.disconnect()


async def test_an_invalid_token_is_refused_with_4001():
    communicator = await connect()
    await say_hello(communicator, token="not-a-real-token")
    assert (await communicator.receive_json_from())["code"] == "invalid_token"
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_INVALID_TOKEN


@pytest.mark.parametrize(
    ("frame", "code"),
    [("{oops", "bad_json"), ('{"type": "launch"}', "unknown_type"), ('{"no": "type"}', "missing_type")],
)
async def test_bad_frames_get_an_error_and_the_connection_survives(frame, code):
    screen, token = await screen_with_slides()
    communicator = await connect()
    await say_hello(communicator, token=token)
    await receive_welcome(communicator)
    await communicator.receive_json_from()  # manifest
    await communicator.send_to(text_data=frame)
    assert (await communicator.receive_json_from())["code"] == code
    await communicator.send_json_to({"type": "heartbeat"})
    assert (await communicator.receive_json_from()) == {"type": "heartbeat.ack"}
    await communicator.disconnect()


async def test_binary_frames_are_refused_politely():
    communicator = await connect()
    await communicator.send_to(bytes_data=b"\x00\x01")
    assert (await communicator.receive_json_from())["code"] == "binary_frame"
    await communicator.disconnect()


async def test_the_first_frame_must_be_hello():
    communicator = await connect()
    await communicator.send_json_to({"type": "heartbeat"})
    assert (await communicator.receive_json_from())["code"] == "hello_required"
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_PROTOCOL


async def test_an_unknown_protocol_version_is_refused():
    communicator = await connect()
    await communicator.send_json_to({"type": "hello", "protocol": 42})
    assert (await communicator.receive_json_from())["code"] == "unsupported_protocol"
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_UNSUPPORTED


async def test_an_oversized_frame_closes_with_1009():
    communicator = await connect()
    await communicator.send_to(text_data=json.dumps({"type": "hello", "pad": "x" * 70_000}))
    assert (await communicator.receive_json_from())["code"] == "frame_too_large"
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_TOO_LARGE


async def test_unpairing_disconnects_the_screen_at_once():
    screen, token = await screen_with_slides()
    communicator = await connect()
    await say_hello(communicator, token=token)
    await receive_welcome(communicator)
    await communicator.receive_json_from()  # manifest
    await database_sync_to_async(screen_unpair)(screen=screen)
    assert (await communicator.receive_json_from()) == {"type": "unpaired"}
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_INVALID_TOKEN

    again = await connect()
    await say_hello(again, token=token)
    assert (await again.receive_json_from())["code"] == "invalid_token"


async def test_pairing_codes_are_rate_limited_per_address(settings):
    settings.PAIRING_RATE_LIMIT = 2
    for _ in range(2):
        communicator = await connect()
        await say_hello(communicator)
        assert (await communicator.receive_json_from())["type"] == "pairing.code"
        await communicator.disconnect()
    communicator = await connect()
    await say_hello(communicator)
    assert (await communicator.receive_json_from())["code"] == "rate_limited"
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_RATE_LIMITED
    assert await database_sync_to_async(PairingCode.objects.count)() == 2


async def test_a_foreign_origin_is_refused_at_the_handshake():
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"https://evil.example")])
    connected, _ = await communicator.connect()
    assert not connected
