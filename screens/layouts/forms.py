from django.utils.translation import gettext_lazy as _

from core.grids import TEMPLATES, layout_template
from organisations.forms import OrganisationOwnedForm
from playlists.models import Playlist


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
