"""Pushing themes: the screens chosen get the theme they now show, in one read and one message."""

from django.db.models import Q

from screens.live import THEMES_GROUP, after_commit, send_to_group

from .selectors import screen_themes


def push_themes(screens: Q) -> None:
    """Send the screens chosen by `screens` their theme: one read and one message, whatever their number."""
    groups = screen_themes(screens=screens)
    if groups:
        send_to_group(THEMES_GROUP, {"type": "screen.theme", "themes": groups})


def push_themes_on_commit(screens: Q) -> None:
    after_commit(push_themes, screens)
