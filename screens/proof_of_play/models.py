"""Proof of play: which slide each screen showed, when and for how long."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from screens.fleet.models import Screen


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
