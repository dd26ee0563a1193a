from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_default_organisation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
    ]

    # It synced the role groups by calling organisations.roles, code that changes after the migration was
    # written. Roles are now synced after every migrate instead (organisations.apps).
    operations = []
