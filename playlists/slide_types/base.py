"""What every slide type shares: the block contract and the helpers payloads are built with."""

import logging
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import blocks
from wagtail.rich_text import expand_db_html
from wagtail.whitelist import Whitelister

logger = logging.getLogger(__name__)

# Big enough for a 1080p panel, small enough for a Raspberry Pi to decode quickly.
SCREEN_IMAGE = "max-1920x1080"
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


def alt_text(image) -> str:
    """The alt text of a chosen image: the slide's own (ImageBlock), else the image's; none if decorative."""
    if getattr(image, "decorative", False):
        return ""
    return getattr(image, "contextual_alt_text", None) or image.default_alt_text or ""


def rendition(image, spec: str) -> dict | None:
    """{url, width, height} of a rendition, or None if the file cannot be made into one."""
    try:
        made = image.get_rendition(spec)
    except Exception:
        # One unreadable file must not take the whole playlist off its screens: the slide shows without it.
        logger.exception("No rendition %s of image %s", spec, image.pk)
        return None
    return {"url": made.url, "width": made.width, "height": made.height}


def image_payload(image, spec: str = SCREEN_IMAGE) -> dict | None:
    """A rendition of `image` sized for screens, or None if there is none or it cannot be made."""
    made = rendition(image, spec) if image is not None else None
    return {**made, "alt": alt_text(image)} if made else None


def cover_image_payload(image, specs: dict[str, str]) -> dict | None:
    """An image cropped to cover an area: the landscape crop, with the portrait crop under "portrait"."""
    if image is None:
        return None
    landscape, portrait = rendition(image, specs["landscape"]), rendition(image, specs["portrait"])
    if not (landscape and portrait):
        return None
    return {**landscape, "alt": alt_text(image), "portrait": portrait}


def media_entry(url: str, kind: str, orientation: str | None = None) -> dict:
    """One file a screen fetches ahead of its slide and keeps for offline play; kind is "image" or "video".
    With an orientation, only screens of that orientation need it."""
    return {"url": url, "kind": kind, **({"orientation": orientation} if orientation else {})}


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
