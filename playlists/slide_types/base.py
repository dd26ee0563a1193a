"""What every slide type shares: the block contract and the helpers payloads are built with."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import blocks
from wagtail.rich_text import expand_db_html
from wagtail.whitelist import Whitelister

from core.media import alt_text, media_entry, rendition

# Images that cover an area are cropped by Wagtail around their focal point, once per orientation: a manifest
# serves every screen showing its playlist, so it carries both crops and each screen fetches the one it needs.
FULL_SCREEN = {"landscape": "fill-1920x1080", "portrait": "fill-1080x1920"}
HALF_SCREEN = {"landscape": "fill-960x1080", "portrait": "fill-1080x960"}


class SlideBlock(blocks.StructBlock):
    """A slide type: the admin form (the struct's fields) and what a screen needs to show it."""

    def screen_payload(self, value) -> dict:
        """The type's own fields for the manifest, JSON-ready. Media files the client must
        fetch ahead and cache go in "media" as {"url", "kind"} entries (see `media_entry`).
        A "duration" here replaces the slide's own (a slideshow's is the sum of its images')."""
        raise NotImplementedError


def clean_html(richtext) -> str:
    """Rich text as a screen may insert it: links expanded, everything not in the whitelist stripped."""
    return Whitelister().clean(expand_db_html(richtext.source)) if richtext else ""


def cover_image_payload(image, specs: dict[str, str]) -> dict | None:
    """An image cropped to cover an area: the landscape crop, with the portrait crop under "portrait"."""
    if image is None:
        return None
    landscape, portrait = rendition(image, specs["landscape"]), rendition(image, specs["portrait"])
    if not (landscape and portrait):
        return None
    return {**landscape, "alt": alt_text(image), "portrait": portrait}


def images_media(*images: dict | None) -> list[dict]:
    """The media entries of these image payloads, leaving out the missing ones; a cover image
    (one with a "portrait" crop) gives one entry per orientation."""
    entries = []
    for image in filter(None, images):
        if "portrait" in image:
            entries += [
                media_entry(image["url"], "image", "landscape"),
                media_entry(image["portrait"]["url"], "image", "portrait"),
            ]
        else:
            entries.append(media_entry(image["url"], "image"))
    return entries


def local_iso(moment: datetime | None) -> str | None:
    """An aware ISO 8601 time in the installation's time zone (a naive one is taken as local already)."""
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return timezone.localtime(moment).isoformat()


def refuse(**messages: str) -> None:
    """Fail a slide's validation with each message shown on the field it names."""
    raise blocks.StructBlockValidationError(
        block_errors={name: ValidationError(message) for name, message in messages.items()}
    )
