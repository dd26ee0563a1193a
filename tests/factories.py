"""Small builders for test data: only what a test names, sensible defaults for the rest."""

import io
from itertools import count

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from playlists.models import Playlist, PlaylistItem, Slide
from screens.models import Location, Screen
from screens.pairing import hash_token, new_token

_numbers = count(1)


def make_image(*, width: int = 3000, height: int = 2000, title: str = "Photo") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 40, 40)).save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"photo-{next(_numbers)}.png"))


def make_slide(*, heading: str = "Hello", text: str = "<p>Some text</p>", image=None, publish: bool = True, **fields) -> Slide:
    fields.setdefault("title", f"Slide {next(_numbers)}")
    slide = Slide(live=False, content=[("image_text", {"heading": heading, "text": text, "image": image})], **fields)
    slide.save()
    if publish:
        slide.save_revision().publish()
        slide.refresh_from_db()
    return slide


def make_playlist(*, slides=(), publish: bool = True, title: str = "Lobby") -> Playlist:
    playlist = Playlist(title=title, live=False)
    playlist.save()
    for order, slide in enumerate(slides):
        PlaylistItem.objects.create(playlist=playlist, slide=slide, sort_order=order)
    if publish:
        playlist = Playlist.objects.get(pk=playlist.pk)
        playlist.save_revision().publish()
        playlist.refresh_from_db()
    return playlist


def make_screen(*, playlist=None, paired: bool = True, name: str = "Lobby left") -> tuple[Screen, str | None]:
    """A screen and, if paired, its token."""
    location, _ = Location.objects.get_or_create(name="Town hall")
    token = new_token() if paired else None
    screen = Screen.objects.create(
        name=name, location=location, playlist=playlist, token_hash=hash_token(token) if token else None
    )
    return screen, token
