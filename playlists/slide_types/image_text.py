from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .base import SlideBlock, clean_html, image_payload, images_media


class ImageTextBlock(SlideBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(
        label=_("Text"), required=False, features=["bold", "italic", "ol", "ul", "link"]
    )
    image = ImageChooserBlock(label=_("Image"), required=False)

    class Meta:
        icon = "image"
        label = _("Image and text")
        description = _("A heading and a short text, with an optional image behind them.")
        preview_value = {"heading": _("Welcome to the town hall"), "text": "<p>Open 8–16.</p>"}

    def screen_payload(self, value) -> dict:
        image = image_payload(value.get("image"))
        return {
            "heading": value.get("heading", ""),
            "text_html": clean_html(value.get("text")),
            "image": image,
            "media": images_media(image),
        }
