from django.db import migrations

from organisations.roles import roles_sync


def grant_theme_permissions(apps, schema_editor):
    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0001_initial"),
        ("organisations", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant_theme_permissions, migrations.RunPython.noop)]
