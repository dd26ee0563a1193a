from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.media import image_payload
from playlists.slide_types.base import (
    FULL_SCREEN,
    HALF_SCREEN,
    SlideBlock,
    clean_html,
    cover_image_payload,
    images_media,
)

LAYOUTS = [
    ("full", _("Image fills the screen, text on top")),
    ("image_left", _("Image on the left half (top on portrait screens), text on the other")),
    ("image_right", _("Image on the right half (bottom on portrait screens), text on the other")),
]
BOX_POSITIONS = [
    ("bottom-left", _("Bottom left")),
    ("bottom-right", _("Bottom right")),
    ("top-left", _("Top left")),
    ("top-right", _("Top right")),
    ("centre", _("Centre")),
]
LOGO = "max-480x240"


class ImageTextBlock(SlideBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), required=False, features=["bold", "italic", "ol", "ul", "link"])
    image = ImageChooserBlock(label=_("Image"), required=False)
    # Not required: forms and content made before these fields existed leave them out, and get the defaults.
    layout = blocks.ChoiceBlock(choices=LAYOUTS, default="full", required=False, label=_("Layout"))
    box_position = blocks.ChoiceBlock(
        choices=BOX_POSITIONS,
        default="bottom-left",
        required=False,
        label=_("Text position"),
        help_text=_("Where the text box sits on the image, or in its half."),
    )
    logo = ImageChooserBlock(label=_("Logo"), required=False, help_text=_("Shown small in a corner."))

    class Meta:
        icon = "image"
        label = _("Image and text")
        description = _("A heading and a short text, with an optional image behind or beside them.")
        preview_value = {"heading": _("Welcome to the town hall"), "text": "<p>Open 8–16.</p>"}

    def screen_payload(self, value) -> dict:
        layout = value.get("layout") or "full"
        image = cover_image_payload(value.get("image"), FULL_SCREEN if layout == "full" else HALF_SCREEN)
        logo = image_payload(value.get("logo"), LOGO)
        return {
            "heading": value.get("heading", ""),
            "text_html": clean_html(value.get("text")),
            "image": image,
            "layout": layout,
            "box_position": value.get("box_position") or "bottom-left",
            "logo": logo,
            "media": images_media(image, logo),
        }
