"""Model fields for themes, free of model imports."""

from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .colours import HEX_COLOUR

hex_colour = RegexValidator(
    HEX_COLOUR, _("Enter a colour as # followed by six hexadecimal digits, for example #1a4f8b.")
)


class ColourField(models.CharField):
    """A "#rrggbb" colour, edited with the browser's colour picker."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 7)
        super().__init__(*args, **kwargs)

    @cached_property
    def validators(self):
        # The format says all there is to say, length included: one clear message instead of two.
        return [hex_colour]

    def formfield(self, **kwargs):
        return super().formfield(**{"widget": forms.TextInput(attrs={"type": "color"}), "max_length": None, **kwargs})
