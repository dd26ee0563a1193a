"""Where and on which device: locations, screens, screen groups, and the codes screens pair with."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from organisations.models import OrganisationOwned, theme_choice, theme_owner_check


class Location(index.Indexed, OrganisationOwned):
    name = models.CharField(_("name"), max_length=255)
    address = models.CharField(
        _("address or building"), max_length=255, blank=True, help_text=_("For example “Town hall — main entrance”.")
    )
    theme = theme_choice(_("For the screens here. Empty: the organisation's theme."))

    search_fields = [
        *OrganisationOwned.search_fields,
        index.SearchField("name"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        theme_owner_check(theme=self.theme, organisation_id=self.organisation_id)


class Screen(index.Indexed, OrganisationOwned):
    name = models.CharField(_("name"), max_length=255)
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="screens", verbose_name=_("location"))
    playlist = models.ForeignKey(
        "playlists.Playlist",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="screens",
        verbose_name=_("playlist"),
        help_text=_("Played full screen when the screen has no layout."),
    )
    layout = models.ForeignKey(
        "screens.Layout",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="screens",
        verbose_name=_("layout"),
        help_text=_(
            "A screen with a layout plays the layout, with a playlist in each region, and not the playlist above."
        ),
    )
    # SHA-256 of the screen's token; the token itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    paired_at = models.DateTimeField(_("paired at"), null=True, blank=True, editable=False)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True, editable=False)
    client_version = models.CharField(_("client version"), max_length=32, blank=True, editable=False)
    # The screen's last report of itself (docs/protocol.md, "status"): slide, uptime, resolution, errors…
    status = models.JSONField(_("status"), default=dict, blank=True, editable=False)
    status_at = models.DateTimeField(_("status reported"), null=True, blank=True, editable=False)

    search_fields = [*OrganisationOwned.search_fields, index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("screen")
        verbose_name_plural = _("screens")
        ordering = ["name"]
        permissions = [("pair_screen", _("Can pair and unpair screens"))]

    def __str__(self):
        return self.name

    @property
    def is_paired(self) -> bool:
        return bool(self.token_hash)

    @property
    def is_online(self) -> bool:
        """Heard from within the online window; a connected screen is heard from every 30 s."""
        window = timedelta(seconds=settings.SCREEN_ONLINE_WINDOW)
        return self.last_seen_at is not None and timezone.now() - self.last_seen_at < window


class PairingCode(models.Model):
    """A code shown on an unpaired screen, waiting for an admin to enter it."""

    code = models.CharField(max_length=16, unique=True)
    # The waiting client's channel: the token is sent there the moment the code is used.
    channel_name = models.CharField(max_length=255)
    client_address = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pairing code")
        verbose_name_plural = _("pairing codes")

    def __str__(self):
        return self.code


class ScreenGroup(index.Indexed, OrganisationOwned):
    """Screens chosen together, e.g. “Ground floor” or “Self-service”: a target for emergency messages."""

    name = models.CharField(_("name"), max_length=255)
    screens = models.ManyToManyField(Screen, related_name="groups", blank=True, verbose_name=_("screens"))

    search_fields = [*OrganisationOwned.search_fields, index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("screen group")
        verbose_name_plural = _("screen groups")
        ordering = ["name"]

    def __str__(self):
        return self.name
