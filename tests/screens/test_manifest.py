import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.content_keys import NOTHING, layout_key, playlist_key
from screens.layouts.manifest import manifest_for, manifests_for
from tests.factories import make_layout, make_playlist, make_slide
from tests.manifests import headings, manifest_of_slides, slides_of

pytestmark = pytest.mark.django_db


def payload_of(slide) -> dict:
    return slides_of(manifest_of_slides([slide]))[0]


def test_a_playlist_plays_full_screen_in_one_region_with_published_slides_in_order():
    first, second = make_slide(heading="First"), make_slide(heading="Second", duration=20)
    playlist = make_playlist(slides=[second, first])
    body = manifest_for(playlist_key(playlist.pk)).body
    assert body["layout"] == {
        "key": "full",
        "columns": "1fr",
        "rows": "1fr",
        "areas": ["main"],
        "regions": [{"name": "main", "playlists": [playlist.pk]}],
    }
    entry = body["playlists"][str(playlist.pk)]
    assert (entry["id"], entry["title"]) == (playlist.pk, playlist.title) and entry["version"]
    assert headings(body) == ["Second", "First"]
    assert slides_of(body)[0]["duration"] == 20


def test_draft_slides_never_reach_a_screen():
    playlist = make_playlist(slides=[make_slide(heading="Live"), make_slide(heading="Draft", publish=False)])
    assert headings(manifest_for(playlist_key(playlist.pk)).body) == ["Live"]


def test_unsaved_draft_edits_of_a_live_slide_are_not_shown():
    slide = make_slide(heading="Published words")
    playlist = make_playlist(slides=[slide])
    slide.content = [("image_text", {"heading": "Draft words", "text": "", "image": None})]
    slide.save_revision()  # a draft revision; the live row is untouched
    assert headings(manifest_for(playlist_key(playlist.pk)).body) == ["Published words"]


def test_an_unpublished_playlist_shows_nothing():
    playlist = make_playlist(slides=[make_slide()], publish=False)
    body = manifest_for(playlist_key(playlist.pk)).body
    assert body["layout"]["regions"] == [{"name": "main", "playlists": []}] and body["playlists"] == {}


def test_nothing_to_play_gives_an_empty_full_screen_manifest_with_a_version():
    manifest = manifest_for(NOTHING)
    assert slides_of(manifest.body) == [] and manifest.body["layout"]["key"] == "full" and manifest.version


def test_version_follows_content():
    slide = make_slide(heading="One")
    playlist = make_playlist(slides=[slide])
    before = manifest_for(playlist_key(playlist.pk)).version
    assert manifest_for(playlist_key(playlist.pk)).version == before
    slide.content = [("image_text", {"heading": "Two", "text": "", "image": None})]
    slide.save_revision().publish()
    assert manifest_for(playlist_key(playlist.pk)).version != before


def test_rich_text_is_cleaned_and_plain_text_left_for_the_client_to_escape():
    payload = payload_of(
        make_slide(heading="<b>Tom & Jerry</b>", text='<p onclick="x()">Hi<script>alert(1)</script></p>')
    )
    assert payload["heading"] == "<b>Tom & Jerry</b>"  # plain text: escaped by the client
    assert "script" not in payload["text_html"] and "onclick" not in payload["text_html"]
    assert "Hi" in payload["text_html"]


def test_screens_sharing_content_share_one_built_manifest():
    playlist = make_playlist(slides=[make_slide(), make_slide()])
    manifests = manifests_for({playlist_key(playlist.pk), NOTHING})
    assert set(manifests) == {playlist_key(playlist.pk), NOTHING}
    assert manifests[playlist_key(playlist.pk)].message.startswith('{"type":"manifest"')


def test_preview_shows_the_editors_unpublished_version():
    slide = make_slide(heading="Published")
    slide.content = [("image_text", {"heading": "In the editor", "text": "", "image": None})]
    assert headings(slide.preview_manifest().body) == ["In the editor"]


# Layouts.


def test_a_layout_plays_each_regions_playlists_in_order_in_its_grid():
    news = make_playlist(slides=[make_slide(heading="News 1"), make_slide(heading="News 2")], title="News")
    events = make_playlist(slides=[make_slide(heading="Event")], title="Events")
    ticker = make_playlist(slides=[make_slide(heading="Bus 5A is late")], title="Ticker")
    layout = make_layout(template="main_ticker", regions=[("main", events), ("ticker", ticker), ("main", news)])
    body = manifest_for(layout_key(layout.pk)).body
    assert body["layout"]["key"] == "main_ticker"
    assert (body["layout"]["rows"], body["layout"]["areas"]) == ("7fr 1fr", ["main", "ticker"])
    assert body["layout"]["regions"] == [
        {"name": "main", "playlists": [events.pk, news.pk]},
        {"name": "ticker", "playlists": [ticker.pk]},
    ]
    assert headings(body, "main") == ["Event", "News 1", "News 2"]
    assert headings(body, "ticker") == ["Bus 5A is late"]
    assert set(body["playlists"]) == {str(events.pk), str(news.pk), str(ticker.pk)}


def test_a_layout_leaves_out_unpublished_playlists_and_regions_its_template_lacks():
    shown = make_playlist(slides=[make_slide(heading="Shown")], title="Shown")
    draft = make_playlist(slides=[make_slide(heading="Draft")], title="Draft", publish=False)
    stray = make_playlist(slides=[make_slide(heading="Stray")], title="Stray")
    layout = make_layout(template="main_sidebar", regions=[("main", shown), ("sidebar", draft), ("ticker", stray)])
    body = manifest_for(layout_key(layout.pk)).body
    assert headings(body) == ["Shown"]
    assert [region["name"] for region in body["layout"]["regions"]] == ["main", "sidebar"]
    assert set(body["playlists"]) == {str(shown.pk)}


def test_a_playlist_in_two_regions_is_sent_once():
    playlist = make_playlist(slides=[make_slide(heading="Twice")])
    layout = make_layout(template="grid_2x2", regions=[("top_left", playlist), ("bottom_right", playlist)])
    body = manifest_for(layout_key(layout.pk)).body
    assert list(body["playlists"]) == [str(playlist.pk)]
    assert headings(body) == ["Twice", "Twice"]


def test_a_playlists_version_changes_only_with_that_playlist():
    main, ticker = make_playlist(slides=[make_slide()], title="Main"), make_playlist(slides=[make_slide()], title="T")
    layout = make_layout(template="main_ticker", regions=[("main", main), ("ticker", ticker)])
    before = manifest_for(layout_key(layout.pk)).body["playlists"]
    ticker_slide = ticker.items.get().slide
    ticker_slide.content = [("image_text", {"heading": "Changed", "text": "", "image": None})]
    ticker_slide.save_revision().publish()
    after = manifest_for(layout_key(layout.pk)).body["playlists"]
    assert after[str(main.pk)]["version"] == before[str(main.pk)]["version"]
    assert after[str(ticker.pk)]["version"] != before[str(ticker.pk)]["version"]


def test_a_layout_is_read_in_four_queries_however_many_playlists_it_has():
    playlists = [make_playlist(slides=[make_slide(), make_slide()], title=f"P{n}") for n in range(6)]
    layout = make_layout(template="grid_2x2", regions=[("top_left", p) for p in playlists])
    with CaptureQueriesContext(connection) as queries:
        manifest_for(layout_key(layout.pk))
    assert len(queries) == 4  # the layout, its placements, their schedules, their slides


def test_a_deleted_layout_gives_an_empty_manifest():
    layout = make_layout(template="main_ticker", regions=[])
    key = layout_key(layout.pk)
    layout.delete()
    assert slides_of(manifest_for(key).body) == []


def test_layout_preview_shows_the_regions_as_edited():
    kept = make_playlist(slides=[make_slide(heading="Kept")], title="Kept")
    layout = make_layout(template="main_sidebar", regions=[("main", kept)])
    layout.template = "three_columns"
    body = layout.preview_manifest().body
    assert body["layout"]["key"] == "three_columns"
    assert [region["name"] for region in body["layout"]["regions"]] == ["left", "centre", "right"]
    assert headings(body) == []  # "main" is not a region of three columns
