import io

import pytest
from django.core.management import call_command

from playlists.models import Playlist
from tests.manifests import playlist_slides

pytestmark = pytest.mark.django_db


def test_the_demo_screen_plays_one_slide_of_each_structured_type_once():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    slides = playlist_slides(Playlist.objects.get(title="Lobby").pk)
    assert [slide["type"] for slide in slides][-6:] == [
        "contacts",
        "table",
        "poster",
        "book_review",
        "qr_code",
        "clock",
    ]
    assert len(slides) == 15
    contacts, _, poster, review, qr, countdown = slides[-6:]
    assert contacts["people"][0]["photo"]["width"] == 400 and contacts["people"][2]["photo"] is None
    assert poster["image"] and review["cover"]["height"] == 1200 and qr["qr"]
    assert countdown["mode"] == "countdown" and countdown["target"] == poster["starts_at"]
