from django.db import migrations

from organisations.roles import roles_sync


def grant_campaign_permissions(apps, schema_editor):
    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("screens", "0009_campaigns"),
        ("organisations", "0005_roles_video"),
        ("themes", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_campaign_permissions, migrations.RunPython.noop)]
