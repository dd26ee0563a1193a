import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from playlists.models import Playlist
from screens.manifest import manifest_for_playlist
from screens.models import Location, Screen

pytestmark = pytest.mark.django_db


def test_demo_content_gives_a_playlist_of_three_published_slides_and_a_login(capsys):
    call_command("load_demo")
    printed = capsys.readouterr().out
    password = printed.split("password:")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    playlist = Playlist.objects.get(title="Lobby")
    assert len(manifest_for_playlist(playlist.pk).body["slides"]) == 3
    assert Location.objects.count() == 1
    assert Screen.objects.get(name="Main entrance").playlist == playlist


def test_loading_the_demo_twice_adds_nothing_and_resets_the_password(capsys):
    call_command("load_demo")
    call_command("load_demo")
    assert Playlist.objects.count() == 1 and Screen.objects.count() == 1


def test_the_screen_client_is_served_and_revalidated(client):
    response = client.get("/screen/")
    assert response.status_code == 200
    assert b'src="./js/main.js"' in b"".join(response.streaming_content)
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/screen/js/main.js").status_code == 200
    client.raise_request_exception = False
    assert client.get("/screen/../manage.py").status_code in {400, 404}


def test_health_endpoint(client):
    assert client.get("/healthz").json() == {"status": "ok"}
