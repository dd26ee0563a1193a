"""Emergency messages ("break glass") and the screens' acknowledgements of them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from screens.fleet.models import Location, Screen, ScreenGroup


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

    def __str__(self):
        return f"{self.emergency_id} @ {self.screen_id}"
