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


class SlideBlock(blocks.StructBlock):
    """A slide type: the admin form (the struct's fields) and what a screen needs to show it."""

    def screen_payload(self, value) -> dict:
        """The type's own fields for the manifest, JSON-ready. Media files the client must
        fetch ahead and cache go in "media" as {"url", "kind"} entries (see `media_entry`)."""
        raise NotImplementedError


def clean_html(richtext) -> str:
    """Rich text as a screen may insert it: links expanded, everything not in the whitelist stripped."""
    return Whitelister().clean(expand_db_html(richtext.source)) if richtext else ""


def image_payload(image, spec: str = SCREEN_IMAGE) -> dict | None:
    """A rendition of `image` sized for screens, or None if there is none or it cannot be made."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except Exception:
        # One unreadable file must not take the whole playlist off its screens: the slide shows without it.
        logger.exception("No rendition of image %s", image.pk)
        return None
    return {
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(rendition, "alt", "") or image.default_alt_text or "",
    }


def media_entry(url: str, kind: str) -> dict:
    """One file a screen fetches ahead of its slide and keeps for offline play; kind is "image" or "video"."""
    return {"url": url, "kind": kind}


def images_media(*images: dict | None) -> list[dict]:
    """The media entries of these image payloads, leaving out the missing ones."""
    return [media_entry(image["url"], "image") for image in images if image]


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
