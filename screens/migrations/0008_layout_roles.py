from django.db import migrations

from organisations.roles import roles_sync


def sync_roles(apps, schema_editor):
    # Screen admins manage layouts; editors and publishers see them.
    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("screens", "0007_layouts"),
        ("organisations", "0003_roles"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
