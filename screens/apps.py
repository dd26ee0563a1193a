from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreensConfig(AppConfig):
    name = "screens"
    verbose_name = _("Screens")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .delivery.signal_handlers import register_signal_handlers

        register_signal_handlers()
