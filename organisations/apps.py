from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class OrganisationsConfig(AppConfig):
    default = True  # this module also holds UsersConfig
    name = "organisations"
    verbose_name = _("Organisations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .permissions import register_permission_policies

        register_permission_policies()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the users admin scoped to organisations (INSTALLED_APPS names this)."""

    user_viewset = "organisations.users.MemberViewSet"
