from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .base import FULL_SCREEN, SlideBlock, cover_image_payload, images_media

TRANSITIONS = [("fade", _("Fade")), ("zoom", _("Fade with a slow zoom (Ken Burns)"))]


class SlideshowImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    duration = blocks.IntegerBlock(label=_("Seconds"), default=5, min_value=1, max_value=600)


class SlideshowBlock(SlideBlock):
    # Each image is held decoded ahead of its turn: 20 keeps a Raspberry Pi well within its memory.
    images = blocks.ListBlock(SlideshowImageBlock(), min_num=1, max_num=20, label=_("Images"))
    transition = blocks.ChoiceBlock(choices=TRANSITIONS, default="fade", label=_("Transition"))

    class Meta:
        icon = "image"
        label = _("Slideshow")
        description = _("Several images, each for its own number of seconds; the slide lasts as long as they do.")

    def screen_payload(self, value) -> dict:
        images = []
        for item in value.get("images") or []:
            image = cover_image_payload(item.get("image"), FULL_SCREEN)
            if image:  # an unreadable file is left out, and its time with it
                images.append({**image, "duration": item.get("duration") or 5})
        return {
            "images": images,
            "transition": value.get("transition") or "fade",
            **({"duration": sum(image["duration"] for image in images)} if images else {}),
            "media": images_media(*images),
        }
