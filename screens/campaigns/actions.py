"""Saving a campaign: the screens it names now, and those it named before, get their campaigns."""

from organisations.actions import AfterSaveMixin

from .documents import screens_targeted_by
from .models import Campaign
from .services import campaign_changed


class CampaignSaveMixin(AfterSaveMixin):
    previously: set[int] = frozenset()

    def before_save(self) -> None:
        # Read before the save: afterwards nothing names the screens it no longer targets.
        if self.instance.pk:
            self.previously = screens_targeted_by(campaigns=Campaign.objects.filter(pk=self.instance.pk))

    def saved(self, instance) -> None:
        campaign_changed(campaign=instance, previously=set(self.previously))
