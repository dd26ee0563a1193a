from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from organisations.models import OrganisationOwned
from playlists.models import ScreenPreviewMixin
from themes.fields import theme_choice
from themes.models import theme_owner_check

from .layouts import FULL, layout_template, region_choices, template_choices


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


class Layout(ScreenPreviewMixin, index.Indexed, OrganisationOwned, ClusterableModel):
    """A grid template with playlists in its regions; many screens can share one."""

    name = models.CharField(_("name"), max_length=255)
    template = models.CharField(
        _("template"),
        max_length=32,
        choices=template_choices,
        default=FULL,
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("template"),
        InlinePanel(
            "region_playlists",
            label=_("Playlists in regions"),
            help_text=_("A region plays its playlists one after another, in this order, and then starts again."),
        ),
    ]
    search_fields = [*OrganisationOwned.search_fields, index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("layout")
        verbose_name_plural = _("layouts")
        ordering = ["name"]

    def __str__(self):
        return self.name

    # A portrait template previews on a portrait screen, in the panel's portrait size.
    @property
    def default_preview_size(self):
        return layout_template(self.template).orientation

    @property
    def default_preview_mode(self):
        return layout_template(self.template).orientation


class LayoutRegionPlaylist(Orderable):
    layout = ParentalKey(Layout, on_delete=models.CASCADE, related_name="region_playlists")
    region = models.CharField(_("region"), max_length=32, choices=region_choices)
    playlist = models.ForeignKey(
        "playlists.Playlist", on_delete=models.CASCADE, related_name="layout_regions", verbose_name=_("playlist")
    )

    panels = [FieldPanel("region"), FieldPanel("playlist")]

    class Meta(Orderable.Meta):
        verbose_name = _("playlist in a region")
        verbose_name_plural = _("playlists in regions")


class Screen(index.Indexed, OrganisationOwned):
    name = models.CharField(_("name"), max_length=255)
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="screens", verbose_name=_("location")
    )
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
        Layout,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="screens",
        verbose_name=_("layout"),
        help_text=_("A screen with a layout plays the layout, with a playlist in each region, and not the playlist above."),
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


class PlayEvent(models.Model):
    """Proof of play: a slide was on a screen from `started_at` for `duration` seconds."""

    screen = models.ForeignKey(Screen, on_delete=models.CASCADE, related_name="play_events", verbose_name=_("screen"))
    # The client's id for the event: a batch sent twice (after a lost acknowledgement) is stored once.
    event_id = models.CharField(max_length=64)
    slide = models.ForeignKey(
        "playlists.Slide", on_delete=models.SET_NULL, null=True, related_name="play_events", verbose_name=_("slide")
    )
    slide_title = models.CharField(_("slide title"), max_length=255)
    started_at = models.DateTimeField(_("started"), db_index=True)
    duration = models.FloatField(_("duration (seconds)"))

    class Meta:
        verbose_name = _("play event")
        verbose_name_plural = _("play events")
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["screen", "event_id"], name="play_event_once_per_screen")]

    def __str__(self):
        return f"{self.slide_title} @ {self.started_at:%Y-%m-%d %H:%M:%S}"


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


class Emergency(models.Model):
    """An emergency message over everything on the targeted screens, from `started_at` until it is ended.

    The targeted screens are resolved once, when it starts: they are the “M” of “acknowledged by N of M”.
    """

    # Empty: every organisation's screens (superusers only).
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    heading = models.CharField(_("heading"), max_length=80)
    text = models.TextField(_("text"), max_length=400, blank=True)
    all_screens = models.BooleanField(_("all screens"), default=False)
    locations = models.ManyToManyField(Location, related_name="+", blank=True, verbose_name=_("locations"))
    groups = models.ManyToManyField(ScreenGroup, related_name="+", blank=True, verbose_name=_("screen groups"))
    screens = models.ManyToManyField(Screen, related_name="emergencies", verbose_name=_("targeted screens"))
    started_at = models.DateTimeField(_("started"), db_index=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("started by")
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("ended by")
    )
    # From the confirmation form: a second click on “confirm” finds this emergency instead of starting another.
    start_key = models.UUIDField(unique=True, null=True, editable=False)

    class Meta:
        verbose_name = _("emergency message")
        verbose_name_plural = _("emergency messages")
        ordering = ["-started_at"]
        default_permissions = ["view"]
        permissions = [("start_emergency", _("Can start and end emergency messages"))]

    def __str__(self):
        return self.heading

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class EmergencyAck(models.Model):
    """A screen reported that it rendered an emergency message."""

    emergency = models.ForeignKey(Emergency, on_delete=models.CASCADE, related_name="acks")
    screen = models.ForeignKey(Screen, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["emergency", "screen"], name="emergency_ack_once_per_screen")]


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
