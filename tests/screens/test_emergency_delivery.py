"""Emergency messages over the real ASGI stack: who gets them, acknowledgements, reconnects, lost pushes."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from display.asgi import application
from screens.delivery.fanout import hub
from screens.emergencies.models import Emergency, EmergencyAck
from screens.emergencies.services import Targets, emergency_end, emergency_start
from screens.fleet.models import Location, ScreenGroup
from tests.factories import make_organisation, make_playlist, make_screen, make_slide

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@database_sync_to_async
def fleet():
    """Borgerservice: two screens at the town hall (one in the group "Ground floor") and one at the library;
    Biblioteket: one screen. Returns {name: (screen, token)} and the group."""
    ours, theirs = make_organisation("Borgerservice"), make_organisation("Biblioteket")
    playlist = make_playlist(slides=[make_slide(heading="Welcome", organisation=ours)], organisation=ours)
    screens = {
        "hall-1": make_screen(playlist=playlist, name="hall-1", organisation=ours),
        "hall-2": make_screen(playlist=playlist, name="hall-2", organisation=ours),
        "library": make_screen(playlist=playlist, name="library", organisation=ours),
        "theirs": make_screen(playlist=None, name="theirs", organisation=theirs),
    }
    library = Location.objects.create(name="Library", organisation=ours)
    screens["library"][0].location = library
    screens["library"][0].save()
    group = ScreenGroup.objects.create(name="Ground floor", organisation=ours)
    group.screens.add(screens["hall-2"][0])
    return screens, group


async def playing(token: str, **hello) -> WebsocketCommunicator:
    """A screen that said hello and got its welcome; the frames after welcome are left to the test."""
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    assert (await communicator.connect())[0]
    await communicator.send_json_to({"type": "hello", "protocol": 1, "token": token, **hello})
    assert (await communicator.receive_json_from())["type"] == "welcome"
    return communicator


async def frames_until_quiet(communicator, timeout=0.3) -> list[dict]:
    frames = []
    while not await communicator.receive_nothing(timeout=timeout):
        frames.append(await communicator.receive_json_from())
    return frames


async def emergencies_in(communicator) -> list[dict]:
    return [f for f in await frames_until_quiet(communicator) if f["type"].startswith("emergency")]


start = database_sync_to_async(emergency_start)
end = database_sync_to_async(emergency_end)


def targets(organisation_name="Borgerservice", *, all_screens=False, locations=(), groups=()):
    organisation = make_organisation(organisation_name) if organisation_name else None
    return Targets(organisation, all_screens, tuple(locations), tuple(groups))


@pytest.mark.parametrize(
    ("chosen", "reached"),
    [("all", {"hall-1", "hall-2", "library"}), ("location", {"library"}), ("group", {"hall-2"})],
)
async def test_a_message_reaches_exactly_the_targeted_screens_at_once(chosen, reached):
    screens, group = await fleet()
    sockets = {name: await playing(token) for name, (_, token) in screens.items()}
    for socket in sockets.values():
        await frames_until_quiet(socket)  # the manifest
    library = screens["library"][0].location
    chosen_targets = await database_sync_to_async(targets)(
        all_screens=chosen == "all",
        locations=[library] if chosen == "location" else [],
        groups=[group] if chosen == "group" else [],
    )
    emergency = await start(targets=chosen_targets, heading="Fire alarm", text="Leave the building <now>")

    for name, socket in sockets.items():
        frames = await emergencies_in(socket)
        expected = [
            {"type": "emergency", "id": emergency.pk, "heading": "Fire alarm", "text": "Leave the building <now>"}
        ]
        assert frames == (expected if name in reached else []), name
        await socket.disconnect()


async def test_a_superusers_message_for_every_organisation_reaches_every_paired_screen():
    screens, _ = await fleet()
    theirs = await playing(screens["theirs"][1])
    await frames_until_quiet(theirs)
    await start(targets=await database_sync_to_async(targets)(None, all_screens=True), heading="Storm", text="")
    assert [f["heading"] for f in await emergencies_in(theirs)] == ["Storm"]
    await theirs.disconnect()


async def test_ending_restores_the_screens_and_a_repeated_end_changes_nothing():
    screens, _ = await fleet()
    socket = await playing(screens["hall-1"][1])
    await frames_until_quiet(socket)
    emergency = await start(targets=await database_sync_to_async(targets)(all_screens=True), heading="Fire", text="")
    await emergencies_in(socket)
    assert await end(emergency=emergency) is True
    assert await emergencies_in(socket) == [{"type": "emergency.end", "id": emergency.pk}]
    assert await end(emergency=emergency) is False
    assert await emergencies_in(socket) == []
    await socket.disconnect()


async def test_acks_are_stored_once_and_bad_ones_get_a_clear_error_without_closing():
    screens, group = await fleet()
    hall_1, hall_2 = await playing(screens["hall-1"][1]), await playing(screens["hall-2"][1])
    emergency = await start(targets=await database_sync_to_async(targets)(groups=[group]), heading="Fire", text="Leave")
    await frames_until_quiet(hall_1)
    await frames_until_quiet(hall_2)

    for _ in range(3):  # a screen acks again after every reconnect: stored once, no error
        await hall_2.send_json_to({"type": "emergency.ack", "id": emergency.pk})
    assert await hall_2.receive_nothing(timeout=0.3)
    acks = await database_sync_to_async(list)(EmergencyAck.objects.values_list("emergency_id", "screen_id"))
    assert acks == [(emergency.pk, screens["hall-2"][0].pk)]

    for ack, code in [
        ({"id": emergency.pk}, "unknown_emergency"),  # hall-1 is not in the group: never sent it
        ({"id": emergency.pk + 1000}, "unknown_emergency"),
        ({"id": "1"}, "bad_emergency_ack"),
        ({"id": True}, "bad_emergency_ack"),
        ({}, "bad_emergency_ack"),
    ]:
        await hall_1.send_json_to({"type": "emergency.ack", **ack})
        error = await hall_1.receive_json_from()
        assert (error["type"], error["code"]) == ("error", code)
        assert "Traceback" not in error["message"]
    await hall_1.send_json_to({"type": "heartbeat"})
    assert await hall_1.receive_json_from() == {"type": "heartbeat.ack"}
    assert await database_sync_to_async(EmergencyAck.objects.count)() == 1
    await hall_1.disconnect()
    await hall_2.disconnect()


async def test_a_burst_of_acks_is_stored_in_one_write():
    screens, _ = await fleet()
    sockets = [await playing(screens[name][1]) for name in ("hall-1", "hall-2", "library")]
    emergency = await start(targets=await database_sync_to_async(targets)(all_screens=True), heading="Fire", text="")
    for socket in sockets:
        await frames_until_quiet(socket)
    acks = hub().emergencies.acks
    store, writes = acks.store, []

    async def counted(batch):
        writes.append(len(batch))
        await store(batch)

    acks.store = counted
    for socket in sockets:
        await socket.send_json_to({"type": "emergency.ack", "id": emergency.pk})
    for socket in sockets:
        assert await socket.receive_nothing(timeout=0.3), "a known message's ack gets no answer"
    await acks.drained()
    assert writes == [3]
    stored = await database_sync_to_async(set)(EmergencyAck.objects.values_list("screen_id", flat=True))
    assert stored == {screens[name][0].pk for name in ("hall-1", "hall-2", "library")}
    for socket in sockets:
        await socket.disconnect()


async def test_acks_survive_a_failed_write_and_are_stored_on_the_retry(monkeypatch):
    screens, _ = await fleet()
    socket = await playing(screens["hall-1"][1])
    emergency = await start(targets=await database_sync_to_async(targets)(all_screens=True), heading="Fire", text="")
    await frames_until_quiet(socket)
    acks = hub().emergencies.acks
    store, attempts = acks.store, []

    async def failing_once(batch):
        attempts.append(dict(batch))
        if len(attempts) == 1:
            raise ConnectionError("the database went away")
        await store(batch)

    acks.store = failing_once
    monkeypatch.setattr("screens.delivery.ack_batch.RETRY_SECONDS", 0.05)
    await socket.send_json_to({"type": "emergency.ack", "id": emergency.pk})
    assert await socket.receive_nothing(timeout=0.2)
    await acks.drained()
    assert len(attempts) == 2 and attempts[0] == attempts[1]
    assert await database_sync_to_async(EmergencyAck.objects.filter(emergency=emergency).count)() == 1
    await socket.disconnect()


async def test_an_ack_before_pairing_is_refused():
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    await communicator.connect()
    await communicator.send_json_to({"type": "hello", "protocol": 1})
    await communicator.receive_json_from()  # pairing.code
    await communicator.send_json_to({"type": "emergency.ack", "id": 1})
    assert (await communicator.receive_json_from())["code"] == "not_paired"
    await communicator.disconnect()


async def test_a_screen_that_reconnects_during_a_message_gets_it_right_after_welcome():
    screens, _ = await fleet()
    emergency = await start(targets=await database_sync_to_async(targets)(all_screens=True), heading="Fire", text="")
    socket = await playing(screens["hall-1"][1], emergencies=[emergency.pk])  # it showed it before a reboot
    first = await socket.receive_json_from()
    assert first == {"type": "emergency", "id": emergency.pk, "heading": "Fire", "text": ""}
    assert (await socket.receive_json_from())["type"] == "campaigns"
    assert (await socket.receive_json_from())["type"] == "manifest"
    await socket.disconnect()


async def test_a_screen_that_was_away_when_the_message_ended_is_told_when_it_is_back():
    screens, _ = await fleet()
    emergency = await start(targets=await database_sync_to_async(targets)(all_screens=True), heading="Fire", text="")
    await end(emergency=emergency)
    # It still shows the message, and one the server never sent it (a tampered or very old store).
    socket = await playing(screens["hall-1"][1], emergencies=[emergency.pk, 999_999, "x"])
    frames = await frames_until_quiet(socket)
    assert [f for f in frames if f["type"] not in {"campaigns", "manifest"}] == [
        {"type": "emergency.end", "id": emergency.pk},
        {"type": "emergency.end", "id": 999_999},
    ]
    await socket.disconnect()


async def test_a_start_whose_push_was_lost_reaches_the_screens_by_reconciliation(settings):
    settings.SCREEN_RECONCILE_SECONDS = 0.2
    screens, _ = await fleet()
    socket = await playing(screens["hall-1"][1])
    await frames_until_quiet(socket)

    @database_sync_to_async
    def start_without_a_push():
        emergency = Emergency.objects.create(
            organisation=screens["hall-1"][0].organisation, heading="Quiet", started_at="2026-11-23T10:00:00Z"
        )
        emergency.screens.add(screens["hall-1"][0])
        return emergency

    emergency = await start_without_a_push()
    assert (await socket.receive_json_from(timeout=3))["id"] == emergency.pk
    await database_sync_to_async(Emergency.objects.filter(pk=emergency.pk).update)(ended_at="2026-11-23T10:05:00Z")
    assert await socket.receive_json_from(timeout=3) == {"type": "emergency.end", "id": emergency.pk}
    await socket.disconnect()
