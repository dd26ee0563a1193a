"""Images and media files as screens receive them: renditions, alt text, media entries.

Pure: any object with Wagtail's image interface (`get_rendition`, `default_alt_text`) will do.
"""

import logging
from typing import NotRequired, Protocol, TypedDict

logger = logging.getLogger(__name__)

# Big enough for a 1080p panel, small enough for a Raspberry Pi to decode quickly.
SCREEN_IMAGE = "max-1920x1080"


class Rendition(Protocol):
    """What is read of a Wagtail rendition."""

    @property
    def url(self) -> str: ...

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...


class Image(Protocol):
    """What is used of a Wagtail image. An ImageBlock's value may also carry `contextual_alt_text` and
    `decorative`; those are read with getattr, so a plain image does too."""

    @property
    def pk(self) -> object: ...

    @property
    def default_alt_text(self) -> str | None: ...

    def get_rendition(self, spec: str) -> Rendition: ...


class RenditionPayload(TypedDict):
    url: str
    width: int
    height: int


class ImagePayload(RenditionPayload):
    alt: str


class MediaEntry(TypedDict):
    url: str
    kind: str
    orientation: NotRequired[str]


def alt_text(image: Image) -> str:
    """The alt text of a chosen image: the slide's own (ImageBlock), else the image's; none if decorative."""
    if getattr(image, "decorative", False):
        return ""
    contextual: str | None = getattr(image, "contextual_alt_text", None)
    return contextual or image.default_alt_text or ""


def rendition(image: Image, spec: str) -> RenditionPayload | None:
    """{url, width, height} of a rendition, or None if the file cannot be made into one."""
    try:
        made = image.get_rendition(spec)
    except Exception:
        # One unreadable file must not take the whole playlist off its screens: the slide shows without it.
        logger.exception("No rendition %s of image %s", spec, image.pk)
        return None
    return {"url": made.url, "width": made.width, "height": made.height}


def image_payload(image: Image | None, spec: str = SCREEN_IMAGE) -> ImagePayload | None:
    """A rendition of `image` sized for screens, or None if there is none or it cannot be made."""
    if image is None:
        return None
    made = rendition(image, spec)
    return {**made, "alt": alt_text(image)} if made else None


def media_entry(url: str, kind: str, orientation: str | None = None) -> MediaEntry:
    """One file a screen fetches ahead of its slide and keeps for offline play; kind is "image" or "video".
    With an orientation, only screens of that orientation need it."""
    entry: MediaEntry = {"url": url, "kind": kind}
    if orientation:
        entry["orientation"] = orientation
    return entry
