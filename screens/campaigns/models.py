"""Campaigns: a playlist that takes over chosen screens, full screen, for a window."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from organisations.models import OrganisationOwned
from screens.fleet.models import Location, Screen, ScreenGroup


class Campaign(index.Indexed, OrganisationOwned):
    """A playlist that takes over its screens, full screen, for a window. Overlapping campaigns queue
    (`playlists.timeline`); when the last ends, the screens go back to what they were playing.

    Not drafted: saving reaches screens at once, so only Publishers may make and change campaigns, as with
    themes. The playlist and its slides are published (and approved) on their own."""

    title = models.CharField(_("title"), max_length=255)
    playlist = models.ForeignKey(
        "playlists.Playlist",
        on_delete=models.CASCADE,
        related_name="campaigns",
        verbose_name=_("playlist"),
        help_text=_("Played full screen while the campaign runs: its published slides only."),
    )
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    priority = models.SmallIntegerField(
        _("priority"),
        default=0,
        help_text=_(
            "When campaigns overlap, the higher priority plays first; of equal priorities, the one that starts "
            "first. The others wait for their turn and play what is left of their window."
        ),
    )
    screens = models.ManyToManyField(Screen, related_name="campaigns", blank=True, verbose_name=_("screens"))
    groups = models.ManyToManyField(ScreenGroup, related_name="campaigns", blank=True, verbose_name=_("screen groups"))
    locations = models.ManyToManyField(Location, related_name="campaigns", blank=True, verbose_name=_("locations"))

    search_fields = [*OrganisationOwned.search_fields, index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("A campaign must end after it starts.")})

    def status(self, now=None) -> str:
        now = now or timezone.now()
        return UPCOMING if now < self.starts else RUNNING if now < self.ends else ENDED


UPCOMING, RUNNING, ENDED = "upcoming", "running", "ended"
