import pytest

from screens.manifest import build_manifest, manifest_for_playlist, manifests_by_playlist, preview_manifest
from tests.factories import make_playlist, make_slide

pytestmark = pytest.mark.django_db


def test_manifest_lists_published_slides_in_playlist_order():
    first, second = make_slide(heading="First"), make_slide(heading="Second", duration=20)
    playlist = make_playlist(slides=[second, first])
    manifest = manifest_for_playlist(playlist.pk)
    assert [s["heading"] for s in manifest.body["slides"]] == ["Second", "First"]
    assert manifest.body["slides"][0]["duration"] == 20
    assert manifest.body["playlist"] == {"id": playlist.pk, "title": playlist.title}


def test_draft_slides_never_reach_a_screen():
    playlist = make_playlist(slides=[make_slide(heading="Live"), make_slide(heading="Draft", publish=False)])
    assert [s["heading"] for s in manifest_for_playlist(playlist.pk).body["slides"]] == ["Live"]


def test_unsaved_draft_edits_of_a_live_slide_are_not_shown():
    slide = make_slide(heading="Published words")
    playlist = make_playlist(slides=[slide])
    slide.content = [("image_text", {"heading": "Draft words", "text": "", "image": None})]
    slide.save_revision()  # a draft revision; the live row is untouched
    assert manifest_for_playlist(playlist.pk).body["slides"][0]["heading"] == "Published words"


def test_an_unpublished_playlist_shows_nothing():
    playlist = make_playlist(slides=[make_slide()], publish=False)
    manifest = manifest_for_playlist(playlist.pk)
    assert manifest.body["playlist"] is None and manifest.body["slides"] == []


def test_no_playlist_gives_an_empty_manifest_with_a_version():
    manifest = manifest_for_playlist(None)
    assert manifest.body["slides"] == [] and manifest.version


def test_version_follows_content():
    slide = make_slide(heading="One")
    playlist = make_playlist(slides=[slide])
    before = manifest_for_playlist(playlist.pk).version
    assert manifest_for_playlist(playlist.pk).version == before
    slide.content = [("image_text", {"heading": "Two", "text": "", "image": None})]
    slide.save_revision().publish()
    assert manifest_for_playlist(playlist.pk).version != before


def test_rich_text_is_cleaned_and_plain_text_left_for_the_client_to_escape():
    slide = make_slide(heading="<b>Tom & Jerry</b>", text='<p onclick="x()">Hi<script>alert(1)</script></p>')
    payload = build_manifest(playlist=None, slides=[slide]).body["slides"][0]
    assert payload["heading"] == "<b>Tom & Jerry</b>"  # plain text: escaped by the client
    assert "script" not in payload["text_html"] and "onclick" not in payload["text_html"]
    assert "Hi" in payload["text_html"]


def test_screens_sharing_a_playlist_share_one_built_manifest():
    playlist = make_playlist(slides=[make_slide(), make_slide()])
    manifests = manifests_by_playlist({playlist.pk, None})
    assert set(manifests) == {playlist.pk, None}
    assert manifests[playlist.pk].message.startswith('{"type":"manifest"')


def test_preview_shows_the_editors_unpublished_version():
    slide = make_slide(heading="Published")
    slide.content = [("image_text", {"heading": "In the editor", "text": "", "image": None})]
    assert preview_manifest(slide).body["slides"][0]["heading"] == "In the editor"
