from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.media import image_payload
from playlists.slide_types.base import SlideBlock, clean_html, images_media

# Book covers are portrait: whole, never cropped.
COVER = "max-800x1200"


class BookReviewBlock(SlideBlock):
    cover_image = ImageChooserBlock(label=_("Cover"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    author = blocks.CharBlock(label=_("Author"), max_length=120)
    review = blocks.RichTextBlock(label=_("Review"), features=["bold", "italic"])
    rating = blocks.IntegerBlock(
        label=_("Rating"), min_value=1, max_value=5, required=False, help_text=_("1 to 5 stars; leave empty for none.")
    )
    reviewer = blocks.CharBlock(label=_("Reviewer"), max_length=80, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Book review")
        description = _("A book's cover, title and author, with a short review and a rating.")

    def screen_payload(self, value) -> dict:
        cover = image_payload(value.get("cover_image"), COVER)
        return {
            "heading": value.get("title", ""),
            "author": value.get("author", ""),
            "review_html": clean_html(value.get("review")),
            "rating": value.get("rating"),
            "reviewer": value.get("reviewer", ""),
            "cover": cover,
            "media": images_media(cover),
        }
