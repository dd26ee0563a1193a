"""Saving a campaign: the screens it names now, and those it named before, get their campaigns."""

from organisations.actions import AfterSaveMixin

from .documents import screens_targeted_by
from .models import Campaign
from .services import campaign_changed

TARGETS = ("screens", "groups", "locations")


class CampaignSaveMixin(AfterSaveMixin):
    """Targets are saved by the admin form with the row; a caller without a form passes them
    (`screens=`, `groups=`, `locations=`), so what the campaign named before is read first."""

    previously: frozenset[int] | set[int] = frozenset()

    def __init__(self, instance, user=None, *, screens=None, groups=None, locations=None, **kwargs):
        super().__init__(instance, user, **kwargs)
        self.targets = {
            name: value for name, value in zip(TARGETS, (screens, groups, locations), strict=True) if value is not None
        }

    def before_save(self) -> None:
        # Read before the save: afterwards nothing names the screens it no longer targets.
        if self.instance.pk:
            self.previously = screens_targeted_by(campaigns=Campaign.objects.filter(pk=self.instance.pk))

    def saved(self, instance) -> None:
        for name, chosen in self.targets.items():
            getattr(instance, name).set(chosen)
        campaign_changed(campaign=instance, previously=set(self.previously))
