"""Writes about campaigns."""

from .documents import screens_targeted_by
from .models import Campaign
from .pushes import push_campaigns_on_commit


def campaign_changed(*, campaign: Campaign, previously: set[int]) -> None:
    """An admin saved a campaign: the screens it names now, and those it named before, get their campaigns."""
    push_campaigns_on_commit(previously | screens_targeted_by(campaigns=Campaign.objects.filter(pk=campaign.pk)))
