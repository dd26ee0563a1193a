#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "display.settings")
    if not os.environ.get("SECRET_KEY"):
        # Management commands on a developer's machine need no secret; the server (display.asgi) still
        # refuses to start without one unless DEBUG is set explicitly.
        os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
