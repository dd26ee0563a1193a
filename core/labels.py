"""The type of a label people read: a str, or the lazy proxy gettext_lazy gives, translated when shown."""

from typing import TypeAlias

from django.utils.functional import Promise

Label: TypeAlias = str | Promise
