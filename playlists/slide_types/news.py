from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.media import media_entry
from playlists.feeds.cache import feed_content

from .feed import FeedSlideBlock, address_block, heading_block


class NewsBlock(FeedSlideBlock):
    feed_kind = "news"

    url = address_block(_("Feed address (RSS or Atom)"))
    heading = heading_block()
    entries = blocks.IntegerBlock(
        label=_("Number of entries"),
        default=5,
        min_value=1,
        max_value=20,
        help_text=_("Entries take turns on screen, sharing the slide's duration equally."),
    )
    show_images = blocks.BooleanBlock(label=_("Show pictures"), required=False, default=True)
    show_summary = blocks.BooleanBlock(label=_("Show summaries"), required=False, default=True)

    class Meta:
        icon = "list-ul"
        label = _("News feed")
        description = _("The newest entries of an RSS or Atom feed, fetched by the server every few minutes.")

    def screen_payload(self, value) -> dict:
        content = feed_content(self.feed_kind, value["url"]) or {}
        entries = [
            {
                "title": entry["title"],
                "summary": entry["summary"] if value.get("show_summary") else "",
                "image": entry.get("image") if value.get("show_images") else None,
            }
            for entry in content.get("entries", [])[: value.get("entries") or 5]
        ]
        return {
            "heading": value.get("heading") or content.get("title", ""),
            "entries": entries,
            "media": [media_entry(entry["image"]["url"], "image") for entry in entries if entry["image"]],
        }
