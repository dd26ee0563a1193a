from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.media import image_payload
from playlists.slide_types.base import SlideBlock, images_media, local_iso, refuse

# Square, cropped around the focal point: it fills half the screen in either orientation.
POSTER_IMAGE = "fill-1080x1080"


class PosterBlock(SlideBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    starts_at = blocks.DateTimeBlock(label=_("Starts"))
    ends_at = blocks.DateTimeBlock(label=_("Ends"), required=False)
    place = blocks.CharBlock(label=_("Place"), max_length=120, required=False)
    text = blocks.TextBlock(label=_("Text"), max_length=400, required=False)
    image = ImageChooserBlock(label=_("Image"), required=False)
    call_to_action = blocks.CharBlock(
        label=_("Call to action"),
        max_length=80,
        required=False,
        help_text=_("Optional, e.g. “Free entry: sign up at the desk”."),
    )

    class Meta:
        icon = "date"
        label = _("Event poster")
        description = _("An event with its date, time and place, a short text and an image.")

    def clean(self, value):
        value = super().clean(value)
        starts_at, ends_at = value.get("starts_at"), value.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            refuse(ends_at=_("The event must end after it starts."))
        return value

    def screen_payload(self, value) -> dict:
        image = image_payload(value.get("image"), POSTER_IMAGE)
        return {
            "heading": value.get("title", ""),
            "starts_at": local_iso(value.get("starts_at")),
            "ends_at": local_iso(value.get("ends_at")),
            "place": value.get("place", ""),
            "text": value.get("text", ""),
            "call_to_action": value.get("call_to_action", ""),
            "image": image,
            "media": images_media(image),
        }
