from django import forms
from django.utils.translation import gettext_lazy as _

from screens.emergencies.services import Targets, emergency_organisations, emergency_target_screens
from screens.fleet.models import Location, ScreenGroup

ALL, CHOSEN = "all", "chosen"


class OwnerLabelled(forms.ModelMultipleChoiceField):
    """Choices named with their organisation, for users who work in several."""

    several = False

    def label_from_instance(self, obj):
        return f"{obj} ({obj.organisation})" if self.several else str(obj)


class EmergencyForm(forms.Form):
    """What to show on which screens; validated twice, before the confirmation and with it."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, empty_label=_("Every organisation"), required=False
    )
    heading = forms.CharField(label=_("Heading"), max_length=80, help_text=_("Short and clear, e.g. “Fire alarm”."))
    text = forms.CharField(
        label=_("Text"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What people should do, e.g. “Leave the building by the nearest exit.”"),
    )
    target = forms.ChoiceField(
        label=_("Show on"),
        choices=[(ALL, _("All screens")), (CHOSEN, _("Screens at the chosen locations and in the chosen groups"))],
        initial=ALL,
        widget=forms.RadioSelect,
    )
    locations = OwnerLabelled(label=_("Locations"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple)
    groups = OwnerLabelled(label=_("Screen groups"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple)
    # Given by the confirmation page: confirming twice shows the message once.
    start_key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        organisations = emergency_organisations(user=user)
        self.fields["organisation"].queryset = organisations
        if not user.is_superuser:
            self.fields["organisation"].required = True
            self.fields["organisation"].empty_label = None
        several = user.is_superuser or len(organisations) > 1
        for name, model in (("locations", Location), ("groups", ScreenGroup)):
            self.fields[name].queryset = model.objects.filter(organisation__in=organisations).select_related(
                "organisation"
            )
            self.fields[name].several = several

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        organisation = data.get("organisation")
        chosen = data["target"] == CHOSEN
        locations = tuple(data["locations"]) if chosen else ()
        groups = tuple(data["groups"]) if chosen else ()
        if chosen and not (locations or groups):
            raise forms.ValidationError(_("Choose at least one location or screen group, or all screens."))
        if organisation and any(choice.organisation_id != organisation.pk for choice in (*locations, *groups)):
            raise forms.ValidationError(_("Choose only locations and groups of the chosen organisation."))
        self.targets = Targets(organisation, not chosen, locations, groups)
        self.screen_count = emergency_target_screens(targets=self.targets).count()
        if not self.screen_count:
            raise forms.ValidationError(_("No paired screen is among the chosen ones: nobody would see the message."))
        return data
