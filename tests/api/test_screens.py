"""Screens through the API: scoped lists, pairing and unpairing through the write path, remote commands."""

from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from core.pairing import hash_token
from organisations.models import OrganisationLogEntry
from screens.fleet.models import PairingCode, Screen
from screens.fleet.services import SCREEN_PAIRED
from tests.api.conftest import token_client
from tests.factories import make_organisation, make_pairing_code, make_screen, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_list_is_paged_and_holds_only_the_users_organisations_screens(as_user, two_screens):
    mine, _theirs = two_screens
    make_screen(organisation=mine.organisation, name="Lobby A2")
    client = as_user(mine.organisation, "Editor")
    page = client.get("/api/v1/screens", {"page_size": 1}).json()
    assert page["count"] == 2 and [s["name"] for s in page["items"]] == ["Lobby A"]
    assert [s["name"] for s in client.get("/api/v1/screens", {"page": 2, "page_size": 1}).json()["items"]] == [
        "Lobby A2"
    ]


def test_the_page_size_is_at_most_100(as_user, two_screens):
    mine, _theirs = two_screens
    client = as_user(mine.organisation, "Editor")
    assert client.get("/api/v1/screens", {"page_size": 1000}).status_code == 200
    invalid = client.get("/api/v1/screens", {"page_size": 0})
    assert invalid.status_code == 422 and "page_size" in invalid.json()["errors"]


def test_the_organisation_filter(superuser_client, two_screens):
    mine, theirs = two_screens
    page = superuser_client.get("/api/v1/screens", {"organisation": theirs.organisation_id}).json()
    assert [s["id"] for s in page["items"]] == [theirs.pk]


def test_a_screens_fields(as_user, two_screens):
    mine, _theirs = two_screens
    body = as_user(mine.organisation, "Editor").get(f"/api/v1/screens/{mine.pk}").json()
    assert body["organisation"] == {"id": mine.organisation_id, "name": "Borgerservice"}
    assert body["location"]["id"] == mine.location_id
    assert body["paired"] is True and body["online"] is False
    assert {"playlist", "layout", "last_seen_at", "client_version", "status"} <= set(body)


def test_pairing_hands_the_token_to_the_waiting_client_and_is_logged(as_user):
    screen, _ = make_screen(paired=False)
    channel = make_pairing_code()
    user = make_user(organisation=screen.organisation, roles=("Screen admin",))
    response = token_client(user).post(
        f"/api/v1/screens/{screen.pk}/pair", {"code": "h7k-q3m"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["paired"] is True
    event = async_to_sync(get_channel_layer().receive)(channel)
    assert event["type"] == "screen.paired" and event["screen_id"] == screen.pk
    assert Screen.objects.get(pk=screen.pk).token_hash == hash_token(event["token"])
    assert PairingCode.objects.get(code="H7KQ3M").used_at is not None
    entry = OrganisationLogEntry.objects.get(action=SCREEN_PAIRED, object_id=str(screen.pk))
    assert entry.user == user and entry.organisation == screen.organisation


@pytest.mark.parametrize("code", ["WRONG1", "ABC", "EXP1R3"])
def test_a_bad_code_is_400_on_the_code_field_and_changes_nothing(as_user, code):
    screen, _ = make_screen(paired=False)
    make_pairing_code("EXP1R3", expires_in=timedelta(minutes=-1))
    response = as_user(screen.organisation, "Screen admin").post(
        f"/api/v1/screens/{screen.pk}/pair", {"code": code}, content_type="application/json"
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"} and "No screen is waiting" in body["errors"]["code"][0]
    assert not Screen.objects.get(pk=screen.pk).is_paired


@pytest.mark.parametrize(
    ("role", "status"), [("Screen admin", 200), ("Editor", 403), ("Publisher", 403), ("Organisation admin", 404)]
)
def test_who_may_pair(as_user, role, status):
    screen, _ = make_screen(paired=False)
    make_pairing_code()
    response = as_user(screen.organisation, role).post(
        f"/api/v1/screens/{screen.pk}/pair", {"code": "H7KQ3M"}, content_type="application/json"
    )
    assert response.status_code == status
    assert Screen.objects.get(pk=screen.pk).is_paired is (status == 200)


def test_unpairing_revokes_the_token_and_tells_the_screen(as_user):
    screen, _ = make_screen(paired=True)
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(f"screen.{screen.pk}", channel)
    response = as_user(screen.organisation, "Screen admin").post(f"/api/v1/screens/{screen.pk}/unpair")
    assert response.status_code == 200 and response.json()["paired"] is False
    assert async_to_sync(layer.receive)(channel) == {"type": "screen.unpaired"}


def test_a_command_reaches_the_screen_and_needs_the_change_permission(as_user):
    screen, _ = make_screen(paired=True)
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(f"screen.{screen.pk}", channel)
    assert (
        as_user(screen.organisation, "Editor").post(f"/api/v1/screens/{screen.pk}/commands/reload").status_code == 403
    )
    response = as_user(screen.organisation, "Screen admin").post(f"/api/v1/screens/{screen.pk}/commands/identify")
    assert response.status_code == 202
    event = async_to_sync(layer.receive)(channel)
    assert event["type"] == "screen.command" and event["name"] == "identify"


def test_an_unknown_command_is_422(as_user):
    screen, _ = make_screen(paired=True, organisation=make_organisation())
    response = as_user(screen.organisation, "Screen admin").post(f"/api/v1/screens/{screen.pk}/commands/explode")
    assert response.status_code == 422 and "name" in response.json()["errors"]
