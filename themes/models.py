from math import floor

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from organisations.models import OrganisationOwned

from .colours import MINIMUM_CONTRAST, contrast_ratio, is_readable
from .fields import ColourField
from .fonts import FONT_CHOICES, SYSTEM


class Theme(index.Indexed, OrganisationOwned):
    """Colours, font and logo for screens: an organisation's or a location's, or one slide's own."""

    name = models.CharField(_("name"), max_length=100)
    background = ColourField(_("background colour"), default="#000000")
    text = ColourField(
        _("text colour"),
        default="#ffffff",
        help_text=_("Must stand out from the background: a contrast of at least 4.5:1 (WCAG AA)."),
    )
    accent = ColourField(_("accent colour"), default="#ffcc00", help_text=_("For details such as the bar beside text."))
    font = models.CharField(_("font"), max_length=20, choices=FONT_CHOICES, default=SYSTEM)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown in a corner of every slide. A PNG with a transparent background works best."),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("background"),
        FieldPanel("text"),
        FieldPanel("accent"),
        FieldPanel("font"),
        FieldPanel("logo"),
    ]
    search_fields = [*OrganisationOwned.search_fields, index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        try:
            readable = is_readable(self.text, self.background)
        except ValueError:
            return  # a malformed colour has its own error
        if not readable:
            # Rounded down: 4.46:1 must not read as the 4.5:1 it fails.
            ratio = floor(contrast_ratio(self.text, self.background) * 10) / 10
            raise ValidationError(
                {
                    "text": _(
                        "Text in this colour is hard to read on the background: their contrast is %(ratio)s:1, "
                        "and screens need at least %(minimum)s:1 (WCAG AA). Choose a lighter or darker colour."
                    )
                    # In the user's language's number format: 3,2:1 in Danish.
                    % {"ratio": number_format(ratio, 1), "minimum": number_format(MINIMUM_CONTRAST, 1)}
                }
            )
