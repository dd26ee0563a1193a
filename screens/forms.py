from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.forms import OrganisationOwnedForm
from playlists.models import Playlist

from .campaigns import screens_targeted_by
from .layouts import TEMPLATES, layout_template
from .models import Campaign
from .selectors import pairing_code_waiting
from .services import (
    UNKNOWN_CODE,
    PairingError,
    campaign_changed,
    layout_changed,
    screen_changed,
    screen_pair,
    screen_unpair,
)

OTHER_ORGANISATION = _("Choose one of the organisation’s own layouts.")


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


class LayoutForm(OrganisationOwnedForm):
    """Each playlist goes in a region of the chosen template, and must be one the organisation may show."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = "; ".join(
            f"{template.label}: {', '.join(str(region.label) for region in template.regions)}"
            for template in TEMPLATES.values()
        )
        self.fields["template"].help_text = _("How the screen is divided. The regions of each: %(regions)s.") % {
            "regions": regions
        }

    def clean(self):
        cleaned_data = super().clean()
        template, organisation = cleaned_data.get("template"), cleaned_data.get("organisation")
        placements = [
            child
            for child in self.formsets["region_playlists"].forms
            if child.is_valid() and child.cleaned_data and not child.cleaned_data.get("DELETE")
        ]
        if template:
            self.placements_check_regions(layout_template(template), placements)
        if organisation:
            self.placements_check_playlists(organisation, placements)
        return cleaned_data

    @staticmethod
    def placements_check_regions(template, placements) -> None:
        regions = {region.name: region.label for region in template.regions}
        for child in placements:
            if child.cleaned_data["region"] not in regions:
                message = _("The template “%(template)s” has no such region. Choose one of: %(regions)s.")
                names = ", ".join(str(label) for label in regions.values())
                child.add_error("region", message % {"template": template.label, "regions": names})

    @staticmethod
    def placements_check_playlists(organisation, placements) -> None:
        usable = Playlist.objects.usable_by([organisation])
        for child in placements:
            playlist = child.cleaned_data["playlist"]
            if not usable.filter(pk=playlist.pk).exists():
                child.add_error("playlist", _("This playlist is not shared with the layout’s organisation."))

    def save(self, commit=True):
        layout = super().save(commit=commit)
        if commit:
            layout_changed(layout=layout)
        return layout


class ScreenGroupForm(OrganisationOwnedForm):
    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        if organisation and any(screen.organisation_id != organisation.pk for screen in data.get("screens", ())):
            self.add_error("screens", _("Choose only screens of the group's organisation."))
        return data


class CampaignForm(OrganisationOwnedForm):
    """A campaign plays one of the playlists its organisation may show, on at least one of its own screens,
    screen groups or locations; saving it reaches the screens it names and those it no longer names."""

    def clean(self):
        data = super().clean()
        organisation, playlist = data.get("organisation"), data.get("playlist")
        targets = {name: list(data.get(name) or ()) for name in ("screens", "groups", "locations")}
        if not any(targets.values()):
            self.add_error(None, _("Choose at least one screen, screen group or location."))
        if organisation:
            for name, chosen in targets.items():
                if any(target.organisation_id != organisation.pk for target in chosen):
                    self.add_error(name, _("Choose only the campaign organisation’s own screens, groups and locations."))
            if playlist and not Playlist.objects.usable_by([organisation]).filter(pk=playlist.pk).exists():
                self.add_error("playlist", _("This playlist is not shared with the campaign’s organisation."))
        return data

    def save(self, commit=True):
        previously = screens_targeted_by(campaigns=Campaign.objects.filter(pk=self.instance.pk)) if self.instance.pk else set()
        campaign = super().save(commit=commit)
        if commit:
            campaign_changed(campaign=campaign, previously=previously)
        return campaign
