"""Pairing and unpairing through the screen form in the Wagtail admin."""

from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.urls import reverse

from core.pairing import hash_token
from screens.fleet.models import PairingCode, Screen
from tests.factories import make_pairing_code, make_playlist, make_screen

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("it-admin", "it@example.org", "pw")
    client.force_login(user)
    return client


def form_data(screen, **extra):
    return {
        "organisation": screen.organisation_id,
        "name": screen.name,
        "location": screen.location_id,
        "playlist": screen.playlist_id or "",
        **extra,
    }


def edit_url(screen):
    return reverse("wagtailsnippets_screens_screen:edit", args=[screen.pk])


def test_entering_the_code_pairs_the_screen_and_hands_the_token_to_the_waiting_client(admin):
    screen, _ = make_screen(paired=False, playlist=make_playlist())
    channel = make_pairing_code()
    response = admin.post(edit_url(screen), form_data(screen, pairing_code="h7k-q3m"))
    assert response.status_code == 302
    event = async_to_sync(get_channel_layer().receive)(channel)
    assert event["type"] == "screen.paired" and event["screen_id"] == screen.pk
    assert Screen.objects.get(pk=screen.pk).token_hash == hash_token(event["token"])
    assert PairingCode.objects.get(code="H7KQ3M").used_at is not None


@pytest.mark.parametrize("code", ["WRONG1", "ABC", "H7KQ3M-expired"])
def test_a_wrong_or_expired_code_gets_a_clear_error_and_changes_nothing(admin, code):
    screen, _ = make_screen(paired=False)
    make_pairing_code("EXP1R3" if code.endswith("expired") else "H7KQ3M", expires_in=timedelta(minutes=-1))
    response = admin.post(edit_url(screen), form_data(screen, name="Renamed", pairing_code=code.split("-")[0]))
    assert response.status_code == 200
    assert "No screen is waiting with this code" in response.content.decode()
    assert Screen.objects.get(pk=screen.pk).name == screen.name
    assert not Screen.objects.get(pk=screen.pk).is_paired


def test_unpairing_revokes_the_token_and_tells_the_screen(admin):
    screen, token = make_screen(paired=True)
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(f"screen.{screen.pk}", channel)
    response = admin.post(edit_url(screen), form_data(screen, unpair="on"))
    assert response.status_code == 302
    assert not Screen.objects.get(pk=screen.pk).is_paired
    assert async_to_sync(layer.receive)(channel) == {"type": "screen.unpaired"}


def test_changing_a_screen_asks_it_to_reload(admin):
    screen, _ = make_screen(paired=True)
    playlist = make_playlist(title="New")
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(f"screen.{screen.pk}", channel)
    screen.playlist = playlist
    assert admin.post(edit_url(screen), form_data(screen)).status_code == 302
    assert async_to_sync(layer.receive)(channel) == {"type": "screen.reload"}


def test_the_screen_list_shows_paired_state(admin):
    make_screen(paired=True, name="Lobby left")
    response = admin.get(reverse("wagtailsnippets_screens_screen:list"))
    assert response.status_code == 200 and "Lobby left" in response.content.decode()
