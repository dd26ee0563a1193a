"""Saving a screen: the row, then pairing with a code, unpairing, or a reload of what it shows."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from organisations.actions import AfterSaveMixin

from .services import screen_saved

PAIR_PERMISSION = "screens.pair_screen"


class ScreenSaveMixin(AfterSaveMixin):
    """`pairing_code` and `unpair` are given by the caller, or come from the admin form's fields."""

    def __init__(self, instance, user=None, *, pairing_code: str = "", unpair: bool = False, **kwargs):
        super().__init__(instance, user, **kwargs)
        data = self.form.cleaned_data if self.form is not None else {}
        self.pairing_code = pairing_code or data.get("pairing_code", "")
        self.unpair = unpair or bool(data.get("unpair"))

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        pairing = self.pairing_code or self.unpair
        if pairing and self.user and not skip_permission_checks and not self.user.has_perm(PAIR_PERMISSION):
            raise PermissionDenied(_("You do not have permission to pair or unpair screens."))

    def saved(self, instance) -> None:
        screen_saved(screen=instance, user=self.user, pairing_code=self.pairing_code, unpair=self.unpair)
