from django.conf import settings
from django.utils.translation import gettext_lazy as _

from playlists.feeds.errors import FeedError
from playlists.feeds.fetcher import fetch
from playlists.feeds.framing import framing_refusal

from .base import SlideBlock
from .feed import address_block, address_error


class WebPageBlock(SlideBlock):
    """A page the screen itself loads in a sandboxed frame; the server only checks, at save time,
    that the site can be reached and allows being framed."""

    url = address_block(_("Page address"))

    class Meta:
        icon = "site"
        label = _("Web page")
        description = _("A web page shown full screen. The screen loads it itself, so it must be public.")

    def clean(self, value):
        value = super().clean(value)
        try:
            response = fetch(value["url"], read_body=False, accept="text/html, */*;q=0.5")
        except FeedError as error:
            raise address_error(error.message) from error
        refusal = framing_refusal(response.headers, page_url=response.url, screen_url=settings.WAGTAILADMIN_BASE_URL)
        if refusal:
            raise address_error(refusal)
        return value

    def screen_payload(self, value) -> dict:
        return {"url": value["url"], "media": []}
