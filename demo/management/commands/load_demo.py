from django.conf import settings
from django.core.management.base import BaseCommand

from demo.content import demo_content_load, demo_logins_reset


class Command(BaseCommand):
    help = "Load demo content and print a login for the demo admin and for each role in each demo organisation."

    def handle(self, *args, **options):
        demo_content_load()
        admin, *members = demo_logins_reset()
        base = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write(
            "\n"
            f"  Admin:          {base}/admin/   user: {admin.username}   password: {admin.password}\n"
            f"  Screen client:  {base}/screen/\n"
            "  Pair a screen:  open the screen client, then in the admin edit Infoscreen → Screens →\n"
            "                  “Main entrance” and enter the code shown on the screen.\n"
            "\n  Organisation logins (each sees only its own organisation):\n"
        )
        for login in members:
            self.stdout.write(
                f"    {login.organisation:<14} {login.role:<19} user: {login.username:<26} password: {login.password}\n"
            )
