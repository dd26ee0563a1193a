"""OS2display's shared playlists: others may show a playlist, its slides included, but never change it."""

import pytest
from django.urls import reverse

from core.content_keys import playlist_key
from playlists.models import Playlist
from screens.fleet.models import Screen
from screens.layouts.manifest import manifest_for
from tests.manifests import slides_of
from tests.organisations.conftest import admin_form

pytestmark = pytest.mark.django_db


def put_on_screen(client, ours, playlist):
    form = {**admin_form(organisation=ours.organisation, location=ours.location, playlist=playlist), "pairing_code": ""}
    return client.post(reverse("wagtailsnippets_screens_screen:edit", args=[ours.screen.pk]), form)


def test_a_shared_playlist_plays_on_the_other_organisations_screen_slides_and_all(client, ours, theirs):
    theirs.playlist.shared_with.add(ours.organisation)
    client.force_login(ours.user)
    assert put_on_screen(client, ours, theirs.playlist).status_code == 302
    screen = Screen.objects.get(pk=ours.screen.pk)
    assert screen.playlist == theirs.playlist
    slides = slides_of(manifest_for(playlist_key(screen.playlist_id)).body)
    assert [s["id"] for s in slides] == [theirs.slide.pk]


def test_a_playlist_not_shared_cannot_be_put_on_a_screen(client, ours, theirs):
    client.force_login(ours.user)
    response = put_on_screen(client, ours, theirs.playlist)
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert Screen.objects.get(pk=ours.screen.pk).playlist == ours.playlist


def test_the_playlist_chooser_offers_shared_playlists(client, ours, theirs):
    client.force_login(ours.user)
    chooser = reverse("wagtailsnippetchoosers_playlists_playlist:choose")
    assert theirs.playlist.title not in client.get(chooser).content.decode()
    theirs.playlist.shared_with.add(ours.organisation)
    assert theirs.playlist.title in client.get(chooser).content.decode()


def test_a_shared_playlist_cannot_be_changed_by_those_it_is_shared_with(client, ours, theirs):
    theirs.playlist.shared_with.add(ours.organisation)
    client.force_login(ours.user)
    edit = reverse("wagtailsnippets_playlists_playlist:edit", args=[theirs.playlist.pk])
    assert client.get(edit).status_code == 302  # back to the dashboard, with "permission denied"
    client.post(edit, admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist))
    assert Playlist.objects.get(pk=theirs.playlist.pk).title == theirs.playlist.title
    assert theirs.playlist.title not in client.get(reverse("wagtailsnippets_playlists_playlist:list")).content.decode()


def test_unsharing_takes_the_playlist_off_the_other_organisations_screens(
    ours, theirs, django_capture_on_commit_callbacks
):
    theirs.playlist.shared_with.add(ours.organisation)
    Screen.objects.filter(pk=ours.screen.pk).update(playlist=theirs.playlist)
    Screen.objects.filter(pk=theirs.screen.pk).update(playlist=theirs.playlist)
    with django_capture_on_commit_callbacks() as reloads:
        theirs.playlist.shared_with.remove(ours.organisation)
    assert Screen.objects.get(pk=ours.screen.pk).playlist is None
    assert Screen.objects.get(pk=theirs.screen.pk).playlist == theirs.playlist  # the owner's screens keep it
    assert len(reloads) == 1  # the detached screen is told to look again


def test_unsharing_from_the_organisations_side_also_detaches(ours, theirs):
    theirs.playlist.shared_with.add(ours.organisation)
    Screen.objects.filter(pk=ours.screen.pk).update(playlist=theirs.playlist)
    ours.organisation.shared_playlists.clear()
    assert Screen.objects.get(pk=ours.screen.pk).playlist is None
