"""Live delivery's transport: after a change commits, send events to the channel layer's groups.

A push is a hint, the database the truth: a failed send is logged and never fails the change that made
it; screens converge by reconciliation and on their next reconnect. What to send is decided by each
domain's `pushes` module (layouts, campaigns, themes); how it reaches sockets by `screens.delivery`.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

# Each joined once by every process's fan-out hub; their events name the screens they are for.
THEMES_GROUP = "screens.themes"
EMERGENCY_GROUP = "emergencies"
CAMPAIGNS_GROUP = "screens.campaigns"


def screen_group(screen_id: int) -> str:
    return f"screen.{screen_id}"


def content_group(key: str) -> str:
    return f"content.{key}"


def send_to_group(group: str, event: dict) -> None:
    async_to_sync(get_channel_layer().group_send)(group, event)


def send_to_channel(channel_name: str, event: dict) -> None:
    async_to_sync(get_channel_layer().send)(channel_name, event)


def send_to_content(key: str, event: dict) -> None:
    """Content groups are joined by each process's fan-out hub, which needs to know the content."""
    send_to_group(content_group(key), {**event, "content": key})


def after_commit(send, *args) -> None:
    """Run a push once the change is committed; a push is a hint, so a failure is logged, not raised."""

    def run():
        try:
            send(*args)
        except Exception:
            logger.exception("Live push %s%r failed; screens converge on their next reconnect", send.__name__, args)

    transaction.on_commit(run)


def reload_screen_on_commit(screen_id: int) -> None:
    """Ask a screen to look up what it shows again (after an admin changed it)."""
    after_commit(send_to_group, screen_group(screen_id), {"type": "screen.reload"})


def reload_content_on_commit(key: str) -> None:
    """Ask every screen showing a content to look up what it shows again (after its layout or playlist was deleted)."""
    after_commit(send_to_content, key, {"type": "screen.reload"})
