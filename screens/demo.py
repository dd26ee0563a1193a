"""Demo content for a first look: a location, a playlist of three slides, a screen ready to pair."""

import io
import secrets

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from playlists.models import Playlist, PlaylistItem, Slide

from .models import Location, Screen

DEMO_SLIDES = [
    ("Welcome", "Welcome to the town hall", "<p>Citizen service is open Monday to Friday, 8–16.</p>", (20, 70, 120)),
    ("Library", "The library has moved", "<p>Find us on the first floor, next to the café.</p>", (120, 60, 20)),
    ("Recycling", "New recycling rules", "<p>Sort glass, metal and plastic from 1 January.</p>", (30, 110, 60)),
]


def demo_image(title: str, colour: tuple[int, int, int]) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (1920, 1080), colour)
    draw = ImageDraw.Draw(picture)
    for band in range(0, 1920, 160):
        draw.rectangle([band, 0, band + 80, 1080], fill=tuple(min(255, c + 25) for c in colour))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"demo-{title.lower()}.jpg"))


def publish(obj) -> None:
    obj.save_revision().publish()


@transaction.atomic
def demo_content_load() -> None:
    location, _ = Location.objects.get_or_create(name="Town hall", defaults={"address": "Town hall — main entrance"})
    playlist = Playlist.objects.filter(title="Lobby").first()
    if playlist is None:
        playlist = Playlist(title="Lobby", live=False)
        playlist.save()
        for order, (title, heading, text, colour) in enumerate(DEMO_SLIDES):
            slide = Slide(
                title=title,
                duration=8,
                live=False,
                content=[("image_text", {"heading": heading, "text": text, "image": demo_image(title, colour)})],
            )
            slide.save()
            publish(slide)
            PlaylistItem.objects.create(playlist=playlist, slide=slide, sort_order=order)
        publish(Playlist.objects.get(pk=playlist.pk))
    Screen.objects.get_or_create(name="Main entrance", defaults={"location": location, "playlist": playlist})


def demo_admin_reset(*, username: str = "admin") -> str:
    """Create or reset the demo admin; returns its new random password."""
    password = secrets.token_urlsafe(9)
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": "admin@example.org"})
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return password
