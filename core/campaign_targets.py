"""Which campaigns a screen plays. Pure: no Django.

A campaign names screens, screen groups and locations; a screen plays the campaigns of its own
organisation that name it, one of its groups or its location.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .timeline import Campaign


@dataclass(frozen=True)
class CampaignTargets:
    campaign: Campaign
    organisation_id: int
    screens: frozenset[int] = frozenset()
    groups: frozenset[int] = frozenset()
    locations: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ScreenPlace:
    """Where a screen stands, as far as campaigns are concerned."""

    id: int
    organisation_id: int
    location_id: int
    groups: frozenset[int] = frozenset()


def screen_campaigns(
    screen: ScreenPlace, campaigns: Iterable[CampaignTargets], *, ending_after: datetime
) -> tuple[Campaign, ...]:
    """The campaigns this screen plays that end after `ending_after`, by id (screens with the same
    campaigns get equal tuples, so they can share one document)."""
    chosen = (
        targets.campaign
        for targets in campaigns
        if targets.organisation_id == screen.organisation_id
        and targets.campaign.ends > ending_after
        and (
            screen.id in targets.screens
            or screen.location_id in targets.locations
            or bool(targets.groups & screen.groups)
        )
    )
    return tuple(sorted(chosen, key=lambda campaign: campaign.id))
