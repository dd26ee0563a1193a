from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0001_initial"),
        ("organisations", "0003_roles"),
    ]

    # It synced the role groups by calling organisations.roles, code that changes after the migration was
    # written. Roles are now synced after every migrate instead (organisations.apps).
    operations = []
