"""The columns of the campaign listing (targets prefetched by the listing's query)."""

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn

from .models import ENDED, RUNNING, UPCOMING

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
