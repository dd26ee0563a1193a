from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content for a first look (`manage.py load_demo`); no models of its own."""

    name = "demo"
    verbose_name = _("Demo content")
