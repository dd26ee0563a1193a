"""Images and media files as screens receive them: renditions, alt text, media entries.

Pure: any object with Wagtail's image interface (`get_rendition`, `default_alt_text`) will do.
"""

import logging

logger = logging.getLogger(__name__)

# Big enough for a 1080p panel, small enough for a Raspberry Pi to decode quickly.
SCREEN_IMAGE = "max-1920x1080"


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


def media_entry(url: str, kind: str, orientation: str | None = None) -> dict:
    """One file a screen fetches ahead of its slide and keeps for offline play; kind is "image" or "video".
    With an orientation, only screens of that orientation need it."""
    return {"url": url, "kind": kind, **({"orientation": orientation} if orientation else {})}
