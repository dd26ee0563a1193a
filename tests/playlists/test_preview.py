import json
import re

import pytest
from django.test import RequestFactory

from tests.factories import make_playlist, make_slide
from tests.manifests import headings

pytestmark = pytest.mark.django_db


def preview_manifest_of(obj) -> dict:
    response = obj.serve_preview(RequestFactory().get("/"), obj.default_preview_mode)
    html = response.render().content.decode()
    assert 'src="/screen/js/preview.js"' in html  # the screen client's own renderer
    return json.loads(re.search(r'id="preview-manifest"[^>]*>(.*?)</script>', html, re.S).group(1))


def test_slide_preview_renders_the_unsaved_edit_with_the_screen_renderer():
    slide = make_slide(heading="Published")
    slide.content = [("image_text", {"heading": "Being edited </script><script>alert(1)</script>", "text": "", "image": None})]
    manifest = preview_manifest_of(slide)
    assert headings(manifest)[0].startswith("Being edited </script>")


def test_playlist_preview_shows_its_slides_in_order():
    playlist = make_playlist(slides=[make_slide(heading="One"), make_slide(heading="Two")])
    assert headings(preview_manifest_of(playlist)) == ["One", "Two"]


def test_previews_offer_landscape_and_portrait_screen_sizes():
    sizes = {size["name"]: size["device_width"] for size in make_slide().preview_sizes}
    assert sizes == {"landscape": 1920, "portrait": 1080}
