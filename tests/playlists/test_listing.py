"""The slide and playlist listings: publishing status, and where each is used, without a query per row."""

import re
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from playlists.listing import slide_usage
from playlists.models import Slide
from playlists.publishing_status import publishing_status
from playlists.usage import slides_with_usage
from tests.factories import make_playlist, make_screen, make_slide

pytestmark = pytest.mark.django_db

SLIDES = reverse("wagtailsnippets_playlists_slide:list")
PLAYLISTS = reverse("wagtailsnippets_playlists_playlist:list")
NOON = timezone.make_aware(datetime(2026, 12, 3, 12, 0))


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("it", "it@example.org", "pw"))
    return client


@pytest.mark.parametrize(
    "state, expected",
    [
        ({"live": False}, "Draft"),
        ({"live": False, "scheduled_at": NOON}, "Scheduled for 12/03/2026 noon"),
        ({"live": False, "expired": True}, "Expired"),
        ({"live": True}, "Live"),
        ({"live": True, "has_unpublished_changes": True}, "Live, with draft changes"),
        ({"live": True, "scheduled_at": NOON}, "Live, changes scheduled for 12/03/2026 noon"),
        ({"live": True, "expire_at": NOON}, "Live until 12/03/2026 noon"),
    ],
)
def test_the_status_says_draft_scheduled_live_or_expired(state, expected):
    given = {"live": False, "expired": False, "has_unpublished_changes": False, "scheduled_at": None, "expire_at": None}
    assert publishing_status(**{**given, **state}) == expected


def row(response, title: str) -> str:
    """The text of the listing's row showing this title."""
    html = response.content.decode()
    start = html.index("<tbody", html.index('class="listing'))
    table = html[start : html.index("</table>", start)]
    texts = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in table.split("<tr")[1:]]
    [text] = [text for text in texts if re.search(rf"\b{title}\b", text)]
    return text


def test_usage_counts_only_screens_that_show_the_slide():
    shown, unpublished = make_slide(title="Shown"), make_slide(title="Unpublished")
    unpublished.unpublish()
    live = make_playlist(slides=[shown, unpublished], title="Live")
    draft = make_playlist(slides=[shown], title="Draft", publish=False)
    make_screen(playlist=live, name="A")
    make_screen(playlist=live, name="B")
    make_screen(playlist=live, name="Unpaired", paired=False)
    make_screen(playlist=draft, name="On a draft")
    make_slide(title="Unused")
    usage = {slide.title: slide_usage(slide) for slide in slides_with_usage(Slide.objects.all())}
    assert usage == {
        "Shown": "in 2 playlists, on 2 screens",
        "Unpublished": "in 1 playlist, on 0 screens",
        "Unused": "in no playlist",
    }


def test_the_slide_listing_shows_status_and_usage(admin):
    slide = make_slide(title="Welcome")
    make_screen(playlist=make_playlist(slides=[slide]))
    make_slide(title="Idea", publish=False)
    listed = admin.get(SLIDES)
    assert "Live" in row(listed, "Welcome") and "in 1 playlist, on 1 screen" in row(listed, "Welcome")
    assert "Draft" in row(listed, "Idea") and "in no playlist" in row(listed, "Idea")


def test_the_playlist_listing_shows_on_how_many_screens(admin):
    playlist = make_playlist(slides=[make_slide()], title="Lobby")
    for name in ("A", "B", "C"):
        make_screen(playlist=playlist, name=name)
    listed = admin.get(PLAYLISTS)
    assert "Live" in row(listed, "Lobby") and "on 3 screens" in row(listed, "Lobby")


def listing_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [SLIDES, PLAYLISTS])
def test_the_listings_cost_the_same_queries_for_1_or_20_rows(admin, url, measurements):
    def add(count):
        for _ in range(count):
            slide = make_slide()
            make_screen(playlist=make_playlist(slides=[slide], title=f"Playlist {slide.pk}"), name=f"S{slide.pk}")

    add(1)
    admin.get(url)  # warm caches (content types, permissions)
    one = listing_queries(admin, url)
    add(19)
    twenty = listing_queries(admin, url)
    measurements[f"queries for {url}, 1 vs 20 rows"] = f"{one} vs {twenty}"
    assert one == twenty


def test_a_scheduled_slide_is_listed_as_scheduled_and_goes_live_with_publish_scheduled(admin):
    slide = make_slide(title="Christmas", publish=False)
    slide.go_live_at = timezone.now() + timedelta(days=1)
    slide.save_revision().publish()
    assert not Slide.objects.get(pk=slide.pk).live
    assert "Scheduled for" in row(admin.get(SLIDES), "Christmas")

    # A day later, as far as the schedule is concerned.
    revision = slide.revisions.get(approved_go_live_at__isnull=False)
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = revision.approved_go_live_at.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert Slide.objects.get(pk=slide.pk).live
    assert "Live" in row(admin.get(SLIDES), "Christmas")


def test_editors_can_set_go_live_and_expiry_on_slides_and_playlists(admin):
    for url in (reverse("wagtailsnippets_playlists_slide:add"), reverse("wagtailsnippets_playlists_playlist:add")):
        html = admin.get(url).content.decode()
        assert 'name="go_live_at"' in html and 'name="expire_at"' in html
