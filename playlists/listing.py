"""The columns of the slide and playlist listings (values annotated by `playlists.usage`)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, StatusTagColumn

from .publishing_status import status_of


def on_screens(count: int) -> str:
    return ngettext("on %(count)d screen", "on %(count)d screens", count) % {"count": count}


def slide_usage(slide) -> str:
    if not slide.playlist_count:
        return _("in no playlist")
    playlists = ngettext("in %(count)d playlist", "in %(count)d playlists", slide.playlist_count) % {
        "count": slide.playlist_count
    }
    return _("%(playlists)s, %(screens)s") % {"playlists": playlists, "screens": on_screens(slide.screen_count)}


def playlist_usage(playlist) -> str:
    return on_screens(playlist.screen_count)


def status_column() -> StatusTagColumn:
    return StatusTagColumn(
        "status", label=_("Status"), accessor=status_of, primary=lambda obj: obj.live, sort_key="live"
    )


def usage_column(accessor) -> Column:
    return Column("usage", label=_("Used"), accessor=accessor, sort_key="screen_count")
