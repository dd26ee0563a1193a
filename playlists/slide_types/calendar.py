from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from playlists.feeds.cache import feed_content
from playlists.feeds.calendar import events_showing

from .feed import FeedSlideBlock, address_block, heading_block


class CalendarBlock(FeedSlideBlock):
    feed_kind = "calendar"

    url = address_block(_("Calendar address (iCal, .ics)"))
    heading = heading_block()
    span = blocks.ChoiceBlock(
        label=_("Show"), choices=[("today", _("Today's events")), ("week", _("This week's events"))], default="today"
    )

    class Meta:
        icon = "date"
        label = _("Calendar")
        description = _("Today's or this week's events from an iCal calendar, fetched by the server every few minutes.")

    def screen_payload(self, value) -> dict:
        content = feed_content(self.feed_kind, value["url"]) or {}
        span = value.get("span") or "today"
        events = events_showing(
            content.get("events", []), span=span, now=timezone.now(), zone=ZoneInfo(settings.TIME_ZONE)
        )
        return {"heading": value.get("heading", ""), "span": span, "events": events, "media": []}
