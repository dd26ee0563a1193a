"""What slide types fed from another site share: the address field and its save-time check."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from playlists.feeds.cache import feed_check
from playlists.feeds.errors import FeedError

from .base import SlideBlock


def address_block(label) -> blocks.URLBlock:
    return blocks.URLBlock(label=label, max_length=2000)


def address_error(message) -> StructBlockValidationError:
    """The editor's form shows `message` under the address field."""
    return StructBlockValidationError(block_errors={"url": ValidationError(message)})


class FeedSlideBlock(SlideBlock):
    """A slide type whose content the server fetches from `url` (kind `feed_kind` in the feed cache)."""

    feed_kind = ""

    def clean(self, value):
        value = super().clean(value)
        try:
            feed_check(self.feed_kind, value["url"])
        except FeedError as error:
            raise address_error(error.message) from error
        return value


def heading_block() -> blocks.CharBlock:
    return blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
