import html
import json
import re

import pytest
from django.test import RequestFactory

from organisations.models import Organisation
from tests.factories import make_organisation, make_playlist, make_slide, make_theme
from tests.manifests import headings, slides_of
from themes.payload import DEFAULT_THEME

pytestmark = pytest.mark.django_db


def preview_screen(obj, mode=None) -> str:
    """The screen document the preview page frames (its iframe's srcdoc)."""
    response = obj.serve_preview(RequestFactory().get("/"), mode or obj.default_preview_mode)
    page = response.render().content.decode()
    return html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))


def embedded(obj, script_id: str):
    screen = preview_screen(obj)
    assert 'src="/screen/js/preview.js"' in screen  # the screen client's own renderer
    return json.loads(re.search(rf'id="{script_id}"[^>]*>(.*?)</script>', screen, re.S).group(1))


def preview_manifest_of(obj) -> dict:
    return embedded(obj, "preview-manifest")


def test_slide_preview_renders_the_unsaved_edit_with_the_screen_renderer():
    slide = make_slide(heading="Published")
    slide.content = [
        ("image_text", {"heading": "Being edited </script><script>alert(1)</script>", "text": "", "image": None})
    ]
    manifest = preview_manifest_of(slide)
    assert headings(manifest)[0].startswith("Being edited </script>")
    assert "<script>alert(1)" not in preview_screen(slide)  # escaped inside the JSON, not a tag


def test_playlist_preview_shows_its_slides_in_order():
    playlist = make_playlist(slides=[make_slide(heading="One"), make_slide(heading="Two")])
    assert headings(preview_manifest_of(playlist)) == ["One", "Two"]


def test_previews_offer_landscape_and_portrait_screen_sizes():
    sizes = {size["name"]: size["device_width"] for size in make_slide().preview_sizes}
    assert sizes == {"landscape": 1920, "portrait": 1080}


@pytest.mark.parametrize("mode, size", [("landscape", ("1920", "1080")), ("portrait", ("1080", "1920"))])
def test_each_preview_mode_frames_a_screen_of_its_exact_size(mode, size):
    slide = make_slide()
    page = slide.serve_preview(RequestFactory().get("/"), mode).render().content.decode()
    frame = re.search(r'<iframe id="preview-screen"[^>]*width="(\d+)" height="(\d+)"', page, re.S)
    assert frame.groups() == size
    assert [name for name, _label in slide.preview_modes] == ["landscape", "portrait"]


def test_the_preview_applies_the_organisations_theme_and_a_slides_own():
    organisation = make_organisation()
    assert embedded(make_slide(), "preview-theme") == DEFAULT_THEME
    Organisation.objects.filter(pk=organisation.pk).update(theme=make_theme(background="#202020"))
    assert embedded(make_playlist(slides=[make_slide()]), "preview-theme")["background"] == "#202020"
    own = make_slide(theme=make_theme(name="Own", background="#ffffff", text="#000000"))
    assert slides_of(preview_manifest_of(own))[0]["theme"]["background"] == "#ffffff"
