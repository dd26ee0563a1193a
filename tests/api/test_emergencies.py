"""Emergency messages through the API: who may start one, where it goes, idempotency, ending, status."""

import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from screens.emergencies.models import Emergency
from screens.emergencies.services import emergency_ack_record
from screens.fleet.models import ScreenGroup
from screens.live import EMERGENCY_GROUP
from tests.factories import make_organisation, make_screen

pytestmark = pytest.mark.django_db(transaction=True)


def start(client, organisation, key: str | None = None, **fields):
    body = {"heading": "Fire alarm", "text": "Leave the building.", "organisation": organisation.pk, **fields}
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post("/api/v1/emergencies", body, content_type="application/json", **headers)


@pytest.fixture
def hub():
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(EMERGENCY_GROUP, channel)
    return lambda: async_to_sync(layer.receive)(channel)


def test_starting_reaches_the_hubs_and_the_status_counts_acknowledgements(as_user, hub):
    screen, _ = make_screen(paired=True)
    make_screen(paired=False, organisation=screen.organisation, name="Unpaired")
    client = as_user(screen.organisation, "Publisher")
    response = start(client, screen.organisation)
    assert response.status_code == 201
    body = response.json()
    assert body["active"] is True and (body["acknowledged"], body["targeted"]) == (0, 1)
    event = hub()
    assert event["type"] == "emergency.start" and event["id"] == body["id"] and event["screens"] == [screen.pk]
    emergency_ack_record(emergency_id=body["id"], screen_id=screen.pk)
    status = client.get(f"/api/v1/emergencies/{body['id']}").json()
    assert (status["acknowledged"], status["targeted"], status["missing"]) == (1, 1, [])


def test_ending_takes_it_off_the_screens(as_user, hub):
    screen, _ = make_screen(paired=True)
    client = as_user(screen.organisation, "Organisation admin")
    emergency_id = start(client, screen.organisation).json()["id"]
    hub()
    ended = client.post(f"/api/v1/emergencies/{emergency_id}/end")
    assert ended.status_code == 200 and ended.json()["active"] is False
    assert hub()["type"] == "emergency.end"


def test_a_repeated_idempotency_key_returns_the_same_message(as_user):
    screen, _ = make_screen(paired=True)
    client = as_user(screen.organisation, "Publisher")
    key = str(uuid.uuid4())
    first = start(client, screen.organisation, key=key).json()["id"]
    assert start(client, screen.organisation, key=key).json()["id"] == first
    assert Emergency.objects.count() == 1


@pytest.mark.parametrize(
    ("role", "status"), [("Publisher", 201), ("Organisation admin", 201), ("Editor", 403), ("Screen admin", 403)]
)
def test_who_may_start_one(as_user, role, status):
    screen, _ = make_screen(paired=True)
    assert start(as_user(screen.organisation, role), screen.organisation).status_code == status


def test_chosen_groups_and_locations_are_validated_as_in_the_admin(as_user):
    screen, _ = make_screen(paired=True)
    client = as_user(screen.organisation, "Publisher")
    nothing_chosen = start(client, screen.organisation, all_screens=False)
    assert nothing_chosen.status_code == 422 and "__all__" in nothing_chosen.json()["errors"]
    group = ScreenGroup.objects.create(name="Foyer", organisation=screen.organisation)
    group.screens.add(screen)
    chosen = start(client, screen.organisation, all_screens=False, groups=[group.pk])
    assert chosen.status_code == 201 and chosen.json()["targeted"] == 1


def test_another_organisations_targets_are_not_found(as_user):
    screen, _ = make_screen(paired=True)
    other = make_organisation("Biblioteket")
    theirs, _ = make_screen(paired=True, organisation=other, name="Theirs")
    client = as_user(screen.organisation, "Publisher")
    assert start(client, other).status_code == 404
    response = start(client, screen.organisation, all_screens=False, locations=[theirs.location_id])
    assert response.status_code == 404
    assert not Emergency.objects.exists()
