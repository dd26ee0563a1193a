from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("screens", "0009_campaigns"),
        ("organisations", "0005_roles_video"),
        ("themes", "0002_roles"),
    ]

    # It synced the role groups by calling organisations.roles, code that changes after the migration was
    # written. Roles are now synced after every migrate instead (organisations.apps).
    operations = []
