from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import SlideBlock, local_iso, refuse


class ClockBlock(SlideBlock):
    mode = blocks.ChoiceBlock(
        label=_("Show"),
        choices=[("clock", _("Clock with date")), ("countdown", _("Countdown"))],
        default="clock",
    )
    target = blocks.DateTimeBlock(label=_("Count down to"), required=False, help_text=_("For a countdown only."))
    label = blocks.CharBlock(
        label=_("Label"),
        max_length=120,
        required=False,
        help_text=_("Shown under the clock or countdown, e.g. “to the Christmas market”."),
    )
    done_text = blocks.CharBlock(
        label=_("When the countdown ends"),
        max_length=120,
        required=False,
        help_text=_("Shown instead of the countdown once it reaches zero, e.g. “The Christmas market is open!”."),
    )

    class Meta:
        icon = "time"
        label = _("Clock or countdown")
        description = _("The time and date, or a countdown to an event; it ticks on the screen.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("mode") == "countdown" and not value.get("target") and not self.is_deferred_validation:
            refuse(target=_("Choose the date and time to count down to."))
        return value

    def screen_payload(self, value) -> dict:
        countdown = value.get("mode") == "countdown"
        return {
            "mode": "countdown" if countdown else "clock",
            "target": local_iso(value.get("target")) if countdown else None,
            "label": value.get("label", ""),
            "done_text": value.get("done_text", "") if countdown else "",
            # The screen's own clock may be set to another zone; the clock shows the installation's local time.
            "time_zone": settings.TIME_ZONE,
            "media": [],
        }
