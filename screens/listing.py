"""The columns of the slide, playlist and campaign listings (values annotated or prefetched by the queryset)."""

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, StatusTagColumn

from playlists.publishing_status import status_of

from .models import ENDED, RUNNING, UPCOMING


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
    return StatusTagColumn("status", label=_("Status"), accessor=status_of, primary=lambda obj: obj.live, sort_key="live")


def usage_column(accessor) -> Column:
    return Column("usage", label=_("Used"), accessor=accessor, sort_key="screen_count")


CAMPAIGN_STATUSES = {UPCOMING: _("Upcoming"), RUNNING: _("Running"), ENDED: _("Ended")}


def campaign_window(campaign) -> str:
    starts, ends = timezone.localtime(campaign.starts), timezone.localtime(campaign.ends)
    until = time_format(ends) if starts.date() == ends.date() else date_format(ends, "SHORT_DATETIME_FORMAT")
    return f"{date_format(starts, 'SHORT_DATETIME_FORMAT')} – {until}"


def campaign_targets(campaign) -> str:
    """The screens, groups and locations it names (prefetched by the listing's query)."""
    parts = [
        (_("Screens"), campaign.screens.all()),
        (_("Screen groups"), campaign.groups.all()),
        (_("Locations"), campaign.locations.all()),
    ]
    return "; ".join(f"{label}: {', '.join(map(str, chosen))}" for label, chosen in parts if chosen)


def campaign_window_column() -> Column:
    return Column("window", label=_("When"), accessor=campaign_window, sort_key="starts")


def campaign_targets_column() -> Column:
    return Column("targets", label=_("Where"), accessor=campaign_targets)


def campaign_status_column() -> StatusTagColumn:
    return StatusTagColumn(
        "campaign_status",
        label=_("Status"),
        accessor=lambda campaign: CAMPAIGN_STATUSES[campaign.status()],
        primary=lambda campaign: campaign.status() == RUNNING,
    )
