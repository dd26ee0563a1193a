from django.db import migrations

from organisations.roles import roles_sync


def sync_roles(apps, schema_editor):
    roles_sync(apps)


class Migration(migrations.Migration):
    """Editors and publishers may upload and change their organisation's video (wagtailmedia)."""

    dependencies = [
        ("organisations", "0004_log_entry_without_organisation"),
        ("wagtailmedia", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
