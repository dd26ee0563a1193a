from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class OrganisationsConfig(AppConfig):
    default = True  # this module also holds UsersConfig
    name = "organisations"
    verbose_name = _("Organisations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .permissions import register_permission_policies
        from .roles import roles_after_migrate

        register_permission_policies()
        # Roles follow organisations.roles as it is now, after every migrate (as Django's own permissions do).
        post_migrate.connect(roles_after_migrate, sender=self, dispatch_uid="organisations-roles")


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the users admin scoped to organisations (INSTALLED_APPS names this)."""

    user_viewset = "organisations.users.MemberViewSet"
