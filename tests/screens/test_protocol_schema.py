"""The protocol's models against docs/protocol.md, against what clients may get wrong, and against the frames
the server really sends."""

import io
import json
import re

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from core import protocol, protocol_schema
from core.content_keys import screen_content_key
from core.pairing import hash_token, new_token
from display.asgi import application
from organisations.models import Organisation
from playlists.models import Playlist
from screens.campaigns.documents import campaign_editions
from screens.emergencies.models import Emergency
from screens.emergencies.services import Targets, emergency_end, emergency_event, emergency_start
from screens.fleet.models import Screen
from screens.fleet.services import screen_command_send, screen_pair, screen_unpair
from screens.layouts.manifest import manifest_for
from screens.layouts.models import Layout
from tests.factories import make_image, make_organisation, make_playlist, make_screen, make_slide, make_theme
from themes.models import Theme

DOC = protocol_schema.DOC.read_text(encoding="utf-8")
SERVER_TYPES = set(protocol.SERVER_FRAME.json_schema()["discriminator"]["mapping"])
READERS = {
    "hello": protocol.parse_hello,
    "heartbeat": lambda frame: None,
    "status": protocol.parse_status,
    "played": protocol.parse_played,
    "emergency.ack": protocol.parse_emergency_ack,
}
EVENT = {"id": "k2j4", "slide": 5, "started_at": "2026-11-23T10:00:00+01:00", "duration": 10.0}


def json_blocks(section: str) -> list[str]:
    """The ```json blocks of a "## " section of the doc."""
    text = DOC.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```json\n(.*?)```", text, re.DOTALL)


def server_frame(text: str) -> protocol.ServerModel:
    return protocol.SERVER_FRAME.validate_json(text)


def test_the_docs_schema_section_is_what_the_models_generate():
    assert protocol_schema.with_schema(DOC) == DOC, "stale: run python -m core.protocol_schema"
    assert protocol_schema.main(["--check"]) == 0


def test_a_stale_schema_section_fails_the_check_and_is_rewritten(tmp_path, monkeypatch, capsys):
    doc = tmp_path / "protocol.md"
    monkeypatch.setattr(protocol_schema, "DOC", doc)
    doc.write_text("# Screen protocol\n\nProse.\n", encoding="utf-8")
    assert protocol_schema.main(["--check"]) == 1  # no section yet
    assert protocol_schema.main([]) == 0
    assert protocol_schema.main(["--check"]) == 0
    written = doc.read_text(encoding="utf-8")
    assert written.startswith("# Screen protocol\n\nProse.\n\n## Schema (generated)\n")

    doc.write_text(written.replace('"const": "hello"', '"const": "hi"') + "\nAfter.\n", encoding="utf-8")
    assert protocol_schema.main(["--check"]) == 1
    protocol_schema.main([])
    assert doc.read_text(encoding="utf-8") == written + "\nAfter.\n"  # the prose around it is kept
    capsys.readouterr()
    assert protocol_schema.main(["--print"]) == 0
    assert json.loads(capsys.readouterr().out) == protocol_schema.protocol_schema()


def test_the_docs_give_an_example_of_every_client_frame():
    assert {json.loads(block)["type"] for block in json_blocks("Client → server")} == protocol.CLIENT_TYPES


@pytest.mark.parametrize("example", json_blocks("Client → server"))
def test_every_client_example_in_the_docs_is_taken_as_it_is(example):
    model = protocol.CLIENT_FRAME.validate_json(example)
    # Nothing in it was dropped, cut or stood in for by a default.
    assert model.model_dump(mode="json", exclude_unset=True) == json.loads(example)
    frame = protocol.parse_frame(example)
    READERS[frame["type"]](frame)


def test_a_received_frame_is_validated_once_whatever_reads_it(monkeypatch):
    frames = [protocol.parse_frame(example) for example in json_blocks("Client → server")]

    def validate_again(*args, **kwargs):
        raise AssertionError("validated twice")

    monkeypatch.setattr(protocol.ClientMessage, "model_validate", validate_again)
    for frame in frames:
        READERS[frame["type"]](frame)
    protocol.hello_emergencies(frames[0])
    protocol.played_ids(next(frame for frame in frames if frame["type"] == "played"))


def server_examples() -> dict[str, str]:
    """The server examples in the doc by type; abridged ones ("slides": […]) are not JSON."""
    return {re.search(r'"type": "([^"]+)"', block)[1]: block for block in json_blocks("Server → client")}


def test_every_complete_server_example_in_the_docs_is_a_server_frame():
    examples = server_examples()
    abridged = set()
    for kind, example in examples.items():
        try:
            json.loads(example)
        except ValueError:
            abridged.add(kind)
            continue
        assert server_frame(example).type == kind
    assert abridged == {"manifest", "campaigns"}
    assert set(examples) == SERVER_TYPES


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ({"type": "hello", "protocol": 2}, "unsupported_protocol"),
        ({"type": "hello", "protocol": "1", "token": "t"}, "unsupported_protocol"),
        ({"type": "hello", "token": "t"}, "unsupported_protocol"),
        ({"type": "played", "events": EVENT}, "bad_played"),
        ({"type": "played", "events": [EVENT] * (protocol.MAX_PLAYED_BATCH + 1)}, "bad_played"),
        ({"type": "played"}, "bad_played"),
        ({"type": "emergency.ack", "id": "12"}, "bad_emergency_ack"),
        ({"type": "emergency.ack", "id": 0}, "bad_emergency_ack"),
        ({"type": "emergency.ack", "id": True}, "bad_emergency_ack"),
        ({"type": "emergency.ack"}, "bad_emergency_ack"),
    ],
)
def test_invalid_content_is_refused_by_the_function_that_reads_it(frame, code):
    # The frame itself parses: whether it may be sent at all (hello first, paired screens only) is checked first.
    received = protocol.parse_frame(json.dumps(frame))
    with pytest.raises(protocol.ProtocolError) as raised:
        READERS[frame["type"]](received)
    assert raised.value.code == code
    with pytest.raises(protocol.ProtocolError) as raised:
        READERS[frame["type"]](frame)  # a dict built in code is validated the same way
    assert raised.value.code == code


@pytest.mark.parametrize("kind", sorted(protocol.CLIENT_TYPES))
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"type": "%s", "events": [', "bad_json"),
        ('{"type": "%s", "pad": "' + "x" * protocol.MAX_FRAME_BYTES + '"}', "frame_too_large"),
        ('{"type": " %s"}', "unknown_type"),
    ],
)
def test_a_malformed_frame_of_any_type_is_refused_before_its_content_is_read(kind, text, code):
    with pytest.raises(protocol.ProtocolError) as raised:
        protocol.parse_frame(text % kind)
    assert raised.value.code == code


def test_the_content_of_heartbeat_and_status_is_never_refused():
    assert protocol.parse_frame('{"type": "heartbeat", "at": [1]}') == {"type": "heartbeat", "at": [1]}
    status = protocol.parse_frame(
        json.dumps({"type": "status", "client": 5, "slide": "3", "uptime": -1, "errors": "x"})
    )
    assert protocol.parse_status(status) == {
        "client": "",
        "slide": None,
        "uptime": None,
        "resolution": "",
        "user_agent": "",
        "offline_cache": "",
        "errors": [],
    }


def test_the_frames_the_protocol_module_builds_are_server_frames():
    emergency = server_frame(protocol.emergency_frame(emergency_id=12, heading="Brand", text="Gå ud.\nNu."))
    assert emergency == protocol.EmergencyFrame(type="emergency", id=12, heading="Brand", text="Gå ud.\nNu.")
    assert server_frame(protocol.emergency_end_frame(12)) == protocol.EmergencyEndFrame(type="emergency.end", id=12)
    errors = [value for value in vars(protocol).values() if isinstance(value, protocol.ProtocolError)]
    assert len(errors) > 10
    for error in errors:
        assert server_frame(protocol.error_frame(error)) == protocol.ErrorFrame(
            type="error", code=error.code, message=error.message
        )


def test_an_emergency_message_is_sent_as_server_frames_from_start_to_end():
    emergency = Emergency(pk=12, heading="Fire alarm", text="Leave the building.", started_at=timezone.now())
    assert server_frame(emergency_event(emergency, [1, 2])["text"]).type == "emergency"
    emergency.ended_at = timezone.now()
    assert server_frame(emergency_event(emergency, [1, 2])["text"]).type == "emergency.end"


@pytest.mark.django_db
def test_the_demos_manifests_previews_and_campaigns_are_server_frames():
    call_command("load_demo", stdout=io.StringIO())
    screens = list(Screen.objects.all())
    for screen in screens:  # campaigns go to paired screens only
        Screen.objects.filter(pk=screen.pk).update(token_hash=hash_token(new_token()))
    keys = {screen_content_key(layout_id=s.layout_id, playlist_id=s.playlist_id) for s in screens}
    manifests = [server_frame(manifest_for(key).message) for key in keys]
    slide_types = {
        slide.type for m in manifests for playlist in m.manifest.playlists.values() for slide in playlist.slides
    }
    assert len(slide_types) >= 10  # every type there is, through the fields they share
    assert all(m.manifest.timeline for m in manifests)
    previews = [
        server_frame(obj.preview_manifest().message) for obj in [*Layout.objects.all(), *Playlist.objects.all()]
    ]
    assert any(preview.manifest.timeline is None for preview in previews)  # a playlist's has none
    campaigns = [server_frame(edition["text"]) for edition in campaign_editions(screens=Q())]
    assert any(frame.campaigns.track for frame in campaigns)


@database_sync_to_async
def unpaired_screen_with_a_theme():
    organisation = make_organisation()
    theme = make_theme(organisation=organisation, logo=make_image(width=800, height=400))
    Organisation.objects.filter(pk=organisation.pk).update(theme=theme)
    playlist = make_playlist(
        slides=[make_slide(heading="Welcome", organisation=organisation)], organisation=organisation
    )
    screen, _ = make_screen(paired=False, playlist=playlist, organisation=organisation)
    return screen, theme


def recolour(theme):
    theme = Theme.objects.get(pk=theme.pk)
    theme.background = "#222222"
    theme.save()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_every_frame_a_screen_gets_over_its_life_is_a_server_frame():
    screen, theme = await unpaired_screen_with_a_theme()
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    assert (await communicator.connect())[0]
    received: list[protocol.ServerModel] = []

    async def frames(send=None, timeout=0.5):
        if send is not None:
            await communicator.send_to(text_data=send if isinstance(send, str) else json.dumps(send))
        got = []
        while not await communicator.receive_nothing(timeout=timeout):
            got.append(server_frame(await communicator.receive_from()))
        received.extend(got)
        return got

    [offer] = await frames({"type": "hello", "protocol": 1})
    await database_sync_to_async(screen_pair)(screen=screen, code=offer.code)
    await frames()  # paired, welcome, campaigns, manifest
    await frames({"type": "heartbeat"})
    await frames({"type": "played", "events": [EVENT, {"id": "bad"}]})
    await frames({"type": "status", "client": "0.3.0"})
    await frames("not json")
    await database_sync_to_async(screen_command_send)(screen=screen, name="identify")
    await database_sync_to_async(recolour)(theme)
    await frames(timeout=1)
    organisation = await database_sync_to_async(Organisation.objects.get)(pk=screen.organisation_id)
    emergency = await database_sync_to_async(emergency_start)(
        targets=Targets(organisation, all_screens=True), heading="Fire alarm", text="Leave the building."
    )
    await frames(timeout=1)
    await frames({"type": "emergency.ack", "id": emergency.pk})
    await database_sync_to_async(emergency_end)(emergency=emergency)
    await frames(timeout=1)
    await database_sync_to_async(screen_unpair)(screen=await database_sync_to_async(Screen.objects.get)(pk=screen.pk))
    received.append(server_frame(await communicator.receive_from(timeout=2)))
    assert (await communicator.receive_output())["code"] == protocol.CLOSE_INVALID_TOKEN

    assert {frame.type for frame in received} == SERVER_TYPES
