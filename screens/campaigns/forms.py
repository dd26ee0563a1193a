from django.utils.translation import gettext_lazy as _

from organisations.forms import OrganisationOwnedForm
from playlists.models import Playlist


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
                    self.add_error(
                        name, _("Choose only the campaign organisation’s own screens, groups and locations.")
                    )
            if playlist and not Playlist.objects.usable_by([organisation]).filter(pk=playlist.pk).exists():
                self.add_error("playlist", _("This playlist is not shared with the campaign’s organisation."))
        return data
