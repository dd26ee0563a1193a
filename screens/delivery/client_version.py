"""The version of the screen client being served, read from the client's own source: one place to bump it."""

import re
from functools import cache

from django.conf import settings

VERSION = re.compile(r'export const CLIENT_VERSION = "([^"]+)";')


@cache
def deployed_client_version() -> str:
    match = VERSION.search((settings.FRONTEND_DIR / "js" / "connection.js").read_text(encoding="utf-8"))
    return match.group(1) if match else ""
