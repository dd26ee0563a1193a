"""The roles, as Wagtail groups: what each may do. Where (which organisation) comes from membership.

A new model's permissions go here; every `migrate` brings the role groups in line (`roles_after_migrate`).
"""

from django.apps import apps as global_apps
from django.utils.translation import gettext_noop


def codenames(app_label: str, models: list[str], actions: list[str]) -> list[str]:
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


EDIT = ["add", "change", "delete", "view"]
ADMIN_ACCESS = ["wagtailadmin.access_admin"]
MEDIA = (
    codenames("wagtailimages", ["image"], ["add", "change", "choose"])
    + codenames("wagtaildocs", ["document"], ["add", "change", "choose"])
    # wagtailmedia has no "choose": its chooser offers what the user may change.
    + codenames("wagtailmedia", ["media"], ["add", "change"])
)
CONTENT = codenames("playlists", ["slide", "playlist"], [*EDIT, "lock", "unlock"])
PUBLISH = codenames("playlists", ["slide", "playlist"], ["publish"])
SEE_SCREENS = codenames("screens", ["screen", "location", "screengroup", "layout"], ["view"])
SEE_PLAYLISTS = codenames("playlists", ["playlist"], ["view"])
MANAGE_SCREENS = codenames("screens", ["screen", "location", "screengroup", "layout"], EDIT) + ["screens.pair_screen"]
# Break glass: an emergency message over everything on the organisation's screens.
EMERGENCY = ["screens.start_emergency", "screens.view_emergency"]
MANAGE_USERS = codenames("auth", ["user"], ["add", "change", "view"])
# A theme change reaches screens at once, without approval: publishers make themes, the others choose them.
CHOOSE_THEMES = codenames("themes", ["theme"], ["view"])
MANAGE_THEMES = codenames("themes", ["theme"], EDIT)
# A campaign takes over screens at once, without approval: publishers make campaigns, the others see them.
SEE_CAMPAIGNS = codenames("screens", ["campaign"], ["view"])
MANAGE_CAMPAIGNS = codenames("screens", ["campaign"], EDIT)

# Group name → permissions ("app_label.codename"). Groups keep these English names in the database, where
# migrations and code find them; the admin shows them translated (organisations.users).
ROLES = {
    gettext_noop("Editor"): ADMIN_ACCESS + CONTENT + MEDIA + SEE_SCREENS + CHOOSE_THEMES + SEE_CAMPAIGNS,
    gettext_noop("Publisher"): (
        ADMIN_ACCESS + CONTENT + PUBLISH + MEDIA + SEE_SCREENS + MANAGE_THEMES + EMERGENCY + MANAGE_CAMPAIGNS
    ),
    gettext_noop("Screen admin"): ADMIN_ACCESS + MANAGE_SCREENS + SEE_PLAYLISTS + CHOOSE_THEMES + SEE_CAMPAIGNS,
    gettext_noop("Organisation admin"): ADMIN_ACCESS + MANAGE_USERS + EMERGENCY,
}


def roles_sync(apps) -> None:
    """Create the role groups and give each exactly its permissions; `apps` is a migration's app registry
    or django.apps.apps. Permissions not yet created (they are made after migrating) are created here."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name, labels in ROLES.items():
        permissions = []
        for label in labels:
            app_label, codename = label.split(".")
            model = codename.split("_", 1)[1]
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
            )
            permissions.append(permission)
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def roles_after_migrate(sender, apps=global_apps, **kwargs) -> None:
    """post_migrate (also sent by `flush`, with no app registry): the role groups get exactly the
    permissions listed here."""
    roles_sync(apps)
