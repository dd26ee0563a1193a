"""Pictures of news entries, fetched by the server and kept as our own media files.

Screens never load them from the third party: they get a re-encoded JPEG from our media storage,
listed in the slide's media so they are cached for offline play like any other image.
"""

import hashlib
import io
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from .fetcher import Limits, fetch

logger = logging.getLogger(__name__)

MAX_PIXELS = 40_000_000  # refused before decoding: a small file can declare an enormous picture
SCREEN_SIZE = (1280, 720)


def screen_jpeg(body: bytes) -> bytes:
    with PILImage.open(io.BytesIO(body)) as picture:
        if picture.width * picture.height > MAX_PIXELS:
            raise ValueError(f"{picture.width}×{picture.height} pixels is too large")
        picture = picture.convert("RGB")
        picture.thumbnail(SCREEN_SIZE)
        out = io.BytesIO()
        picture.save(out, format="JPEG", quality=82)
        return out.getvalue()


def stored_image(source_url: str) -> dict | None:
    """Our copy of a feed's picture, as {"url", "width", "height"}; None if it cannot be had."""
    name = f"feeds/{hashlib.sha256(source_url.encode()).hexdigest()[:32]}.jpg"
    try:
        if not default_storage.exists(name):
            limits = Limits.from_settings(max_bytes=settings.FEEDS_MAX_IMAGE_BYTES)
            body = fetch(source_url, limits=limits, accept="image/*").body
            name = default_storage.save(name, ContentFile(screen_jpeg(body)))
        with default_storage.open(name) as file, PILImage.open(file) as picture:
            width, height = picture.size
    except Exception as error:
        # A picture is optional: the entry shows without it.
        logger.info("No picture from %s: %s", source_url, error)
        return None
    return {"url": default_storage.url(name), "width": width, "height": height}
