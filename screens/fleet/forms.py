from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.forms import OrganisationOwnedForm

from .selectors import pairing_code_waiting
from .services import UNKNOWN_CODE

OTHER_ORGANISATION = _("Choose one of the organisation’s own layouts.")


class ScreenForm(OrganisationOwnedForm):
    """The screen's fields, and for users allowed to pair a pairing code or an unpair box: saving hands them
    to the screen's save action (`screens.fleet.actions`), which pairs or unpairs."""

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

    def clean(self):
        cleaned_data = super().clean()
        layout, organisation = cleaned_data.get("layout"), cleaned_data.get("organisation")
        # A member of several organisations is offered all their layouts: a screen gets only its own.
        if layout and organisation and layout.organisation_id != organisation.pk:
            self.add_error("layout", OTHER_ORGANISATION)
        return cleaned_data

    def clean_pairing_code(self):
        code = self.cleaned_data.get("pairing_code", "").strip()
        if code and pairing_code_waiting(code=code, now=timezone.now()) is None:
            raise forms.ValidationError(UNKNOWN_CODE)
        return code


class ScreenGroupForm(OrganisationOwnedForm):
    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        if organisation and any(screen.organisation_id != organisation.pk for screen in data.get("screens", ())):
            self.add_error("screens", _("Choose only screens of the group's organisation."))
        return data
