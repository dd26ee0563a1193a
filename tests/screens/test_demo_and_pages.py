import io
import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from core.content_keys import layout_key, playlist_key
from organisations.models import Organisation
from playlists.feeds.models import FeedCache
from playlists.models import Playlist
from playlists.slide_types import SLIDE_BLOCKS
from screens.campaigns.models import Campaign
from screens.fleet.models import Location, Screen, ScreenGroup
from screens.layouts.manifest import manifest_for
from screens.layouts.models import Layout
from tests.manifests import headings, playlist_slides, slides_of

pytestmark = pytest.mark.django_db


def test_demo_content_gives_a_playlist_of_published_slides_of_every_type_and_a_login(capsys):
    call_command("load_demo")
    printed = capsys.readouterr().out
    password = printed.split("password:")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    playlist = Playlist.objects.get(title="Lobby")
    slides = slides_of(manifest_for(playlist_key(playlist.pk)).body)
    assert [slide["type"] for slide in slides] == ["image_text"] * 4 + [
        "slideshow",
        "video",
        "news",
        "calendar",
        "web_page",
        "contacts",
        "table",
        "poster",
        "book_review",
        "qr_code",
        "clock",
    ]
    assert {slide["type"] for slide in slides} == {name for name, _ in SLIDE_BLOCKS}, "a slide type has no demo slide"
    assert slides[3]["layout"] == "image_left" and slides[3]["logo"]["alt"] == "Borgerservice logo"
    assert len(slides[4]["images"]) == 2 and slides[4]["transition"] == "zoom"
    assert slides[5]["video"]["url"].endswith(".mp4") and slides[5]["duration"] == 3
    # The demo's feeds are the files committed under playlists/static/playlists/demo/, stored at load time.
    assert slides[6]["entries"][0]["title"] == "Ny legeplads åbner i byparken"
    assert FeedCache.objects.get(kind="calendar").content["events"]
    assert slides[8]["url"].endswith("/static/playlists/demo/page.html")
    assert Location.objects.count() == 2
    assert Screen.objects.get(name="Main entrance").playlist == playlist


def test_the_demo_screen_plays_its_playlist_above_a_news_ticker_and_opening_hours_on_weekdays():
    call_command("load_demo", stdout=io.StringIO())
    screen = Screen.objects.get(name="Main entrance")
    body = manifest_for(layout_key(screen.layout_id)).body
    assert body["layout"]["key"] == "main_ticker"
    lobby, opening = Playlist.objects.get(title="Lobby"), Playlist.objects.get(title="Open now")
    assert body["layout"]["regions"][0] == {"name": "main", "playlists": [lobby.pk, opening.pk]}
    assert body["playlists"][str(lobby.pk)]["slides"] == playlist_slides(lobby.pk)
    assert headings(body, "ticker") == ["Queue", "Elections"]
    # The Lobby plays always; "Open now" joins it Monday to Friday 08–16 only.
    main = body["timeline"]["regions"]["main"]
    assert {tuple(row["playlists"]) for row in main} == {(lobby.pk,), (lobby.pk, opening.pk)}
    for row in main:
        if opening.pk in row["playlists"]:
            starts, ends = datetime.fromisoformat(row["from"]), datetime.fromisoformat(row["until"])
            assert starts.weekday() < 5 and (starts.hour, ends.hour) == (8, 16)


def test_the_demo_has_an_upcoming_campaign_on_the_demo_screen_next_monday_morning():
    call_command("load_demo", stdout=io.StringIO())
    campaign = Campaign.objects.get()
    starts = timezone.localtime(campaign.starts)
    assert campaign.status() == "upcoming" and starts.weekday() == 0 and (starts.hour, starts.minute) == (9, 0)
    assert campaign.ends - campaign.starts == timedelta(minutes=30)
    assert Screen.objects.get(name="Main entrance").groups.get().campaigns.get() == campaign
    assert headings(manifest_for(playlist_key(campaign.playlist_id)).body) == ["Free flu shots today"]


def printed_logins(output: str) -> dict[str, str]:
    return dict(re.findall(r"user: (\S+)\s+password: (\S+)", output))


def test_demo_prints_a_working_login_for_each_role_in_two_organisations(capsys, client):
    call_command("load_demo")
    logins = printed_logins(capsys.readouterr().out)
    assert set(logins) == {"admin"} | {
        f"{organisation}-{role}"
        for organisation in ("borgerservice", "biblioteket")
        for role in ("editor", "publisher", "screens", "admin")
    }
    for username, password in logins.items():
        user = get_user_model().objects.get(username=username)
        assert user.check_password(password)
        assert user.is_superuser == (username == "admin")
    editor = get_user_model().objects.get(username="biblioteket-editor")
    assert [o.name for o in editor.organisations.all()] == ["Biblioteket"]
    assert [g.name for g in editor.groups.all()] == ["Editor"]


def test_demo_organisations_share_a_playlist_and_one_requires_approval():
    call_command("load_demo", stdout=io.StringIO())
    lobby = Playlist.objects.get(title="Lobby")
    assert [o.name for o in lobby.shared_with.all()] == ["Biblioteket"]
    assert Organisation.objects.get(name="Biblioteket").approval_workflow is not None
    assert Organisation.objects.get(name="Borgerservice").approval_workflow is None


def test_each_demo_organisation_has_a_screen_group_to_target_emergency_messages():
    call_command("load_demo", stdout=io.StringIO())
    groups = {group.organisation.name: [s.name for s in group.screens.all()] for group in ScreenGroup.objects.all()}
    assert groups == {"Borgerservice": ["Main entrance"], "Biblioteket": ["Reading room"]}


def test_demo_organisations_have_readable_themes_with_logos():
    call_command("load_demo")
    for organisation in Organisation.objects.all():
        theme = organisation.theme
        assert theme.organisation == organisation and theme.logo is not None
        theme.full_clean()  # passes the contrast rule


def test_loading_the_demo_twice_adds_nothing_and_resets_the_password(capsys):
    call_command("load_demo")
    first = printed_logins(capsys.readouterr().out)
    call_command("load_demo")
    second = printed_logins(capsys.readouterr().out)
    assert first.keys() == second.keys() and all(first[user] != second[user] for user in first)
    assert get_user_model().objects.count() == len(first)
    assert Playlist.objects.count() == 5 and Screen.objects.count() == 2 and Organisation.objects.count() == 2
    assert Layout.objects.count() == 1 and Campaign.objects.count() == 1


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


def test_the_admin_menu_has_no_empty_pages_explorer(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Infoscreen" in html and 'data-side-panel-toggle="explorer"' not in html and '"name": "explorer"' not in html
