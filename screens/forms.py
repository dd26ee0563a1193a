from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.forms import OrganisationOwnedForm

from .selectors import pairing_code_waiting
from .services import UNKNOWN_CODE, PairingError, screen_changed, screen_pair, screen_unpair


class ScreenForm(OrganisationOwnedForm):
    """The screen form also pairs (with the code shown on the screen) and unpairs, for users allowed to pair."""

    pairing_code = forms.CharField(
        label=_("Pairing code"),
        required=False,
        max_length=16,
        help_text=_("The code shown on the screen. Entering it pairs the screen at once."),
    )
    unpair = forms.BooleanField(
        label=_("Unpair this screen"),
        required=False,
        help_text=_("The screen stops playing at once and shows a new pairing code."),
    )

    def clean_pairing_code(self):
        code = self.cleaned_data.get("pairing_code", "").strip()
        if code and pairing_code_waiting(code=code, now=timezone.now()) is None:
            raise forms.ValidationError(UNKNOWN_CODE)
        return code

    def save(self, commit=True):
        screen = super().save(commit=commit)
        if not commit:
            return screen
        if self.cleaned_data.get("pairing_code"):
            try:
                screen_pair(screen=screen, code=self.cleaned_data["pairing_code"], user=self.for_user)
            except PairingError as error:
                # Someone used the code between validation and saving; the screen itself is saved.
                self.add_error("pairing_code", str(error))
        elif self.cleaned_data.get("unpair") and screen.is_paired:
            screen_unpair(screen=screen, user=self.for_user)
        else:
            screen_changed(screen=screen)
        return screen


class ScreenGroupForm(OrganisationOwnedForm):
    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        if organisation and any(screen.organisation_id != organisation.pk for screen in data.get("screens", ())):
            self.add_error("screens", _("Choose only screens of the group's organisation."))
        return data
