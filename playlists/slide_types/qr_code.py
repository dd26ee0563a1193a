import base64
import logging
from functools import lru_cache

import qrcode
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, URLValidator
from django.utils.translation import gettext_lazy as _
from qrcode.image.svg import SvgPathFillImage
from wagtail import blocks

from .base import SlideBlock

logger = logging.getLogger(__name__)

# Longer addresses make denser codes that phones struggle to read from a distance.
MAX_URL_LENGTH = 300

web_address = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address starting with http:// or https://.")
)
short_enough = MaxLengthValidator(
    MAX_URL_LENGTH,
    _("Keep the address to %(limit_value)d characters (it has %(show_value)d), so the code stays easy to scan."),
)


class ScreenQrImage(SvgPathFillImage):
    # No hairline seams between modules when the browser scales the code.
    QR_PATH_STYLE = {**SvgPathFillImage.QR_PATH_STYLE, "shape-rendering": "crispEdges"}


# Every manifest build (each publish, each reconciliation) asks again; making a code takes tens of milliseconds.
@lru_cache(maxsize=128)
def qr_data_url(url: str) -> str:
    """A QR code of `url` as an SVG data URL, for an <img>: an image cannot run scripts, whatever it contains."""
    # The standard quiet zone of four modules: phones find the code faster.
    svg = qrcode.make(url, image_factory=ScreenQrImage, border=4).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def checked_url(url: str) -> str | None:
    """The URL if it passes the block's own checks, else None: values can reach a slide without the form."""
    try:
        for validate in (web_address, short_enough):
            validate(url)
    except ValidationError:
        logger.warning("QR code slide with an invalid address: %r", url[:MAX_URL_LENGTH])
        return None
    return url


class QrCodeBlock(SlideBlock):
    # A CharBlock, not a URLBlock: URLField's own checks would answer only "Enter a valid URL.".
    url = blocks.CharBlock(label=_("Web address"), validators=[web_address, short_enough])
    caption = blocks.CharBlock(label=_("Caption"), max_length=120, help_text=_("What people get by scanning."))

    class Meta:
        icon = "link"
        label = _("QR code")
        description = _("A QR code for a web address, with a caption.")
        preview_value = {"url": "https://example.org/", "caption": _("Scan to read more")}

    def screen_payload(self, value) -> dict:
        url = checked_url(value.get("url") or "")
        return {
            "caption": value.get("caption", ""),
            "url": url or "",
            "qr": qr_data_url(url) if url else None,
            "media": [],
        }
