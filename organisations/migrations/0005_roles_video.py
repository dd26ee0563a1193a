from django.db import migrations


class Migration(migrations.Migration):
    """Editors and publishers may upload and change their organisation's video (wagtailmedia)."""

    dependencies = [
        ("organisations", "0004_log_entry_without_organisation"),
        ("wagtailmedia", "0001_initial"),
    ]

    # It synced the role groups by calling organisations.roles, code that changes after the migration was
    # written. Roles are now synced after every migrate instead (organisations.apps).
    operations = []
