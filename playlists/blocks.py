"""Slide types: each block is one kind of slide, rendered on screens by a client renderer of the same name."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class ImageTextBlock(blocks.StructBlock):
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


SLIDE_BLOCKS = [("image_text", ImageTextBlock())]
