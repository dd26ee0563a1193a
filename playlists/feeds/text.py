"""Third-party text made plain: tags stripped, entities decoded, whitespace collapsed, length bounded."""

import html
import re

from django.utils.html import strip_tags

SPACES = re.compile(r"\s+")
# Block-level tag boundaries become spaces, so "<p>One</p><p>Two</p>" reads "One Two".
BLOCK_BOUNDARY = re.compile(r"<(?:br|/?p|/?div|/?li|/?h[1-6])\b[^>]*>", re.IGNORECASE)


def plain_text(markup: str | None, *, limit: int) -> str:
    """Plain text for a screen (which escapes it again): never markup, at most `limit` characters."""
    text = html.unescape(strip_tags(BLOCK_BOUNDARY.sub(" ", markup or "")))
    text = SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,.;:–-") + "…"
