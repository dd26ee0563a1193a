from django.conf import settings
from django.core.management.base import BaseCommand

from screens.demo import demo_admin_reset, demo_content_load


class Command(BaseCommand):
    help = "Load demo content and print a login for the demo admin."

    def handle(self, *args, **options):
        demo_content_load()
        password = demo_admin_reset()
        base = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write(
            "\n"
            f"  Admin:          {base}/admin/   user: admin   password: {password}\n"
            f"  Screen client:  {base}/screen/\n"
            "  Pair a screen:  open the screen client, then in the admin edit Infoscreen → Screens →\n"
            "                  “Main entrance” and enter the code shown on the screen.\n"
        )
