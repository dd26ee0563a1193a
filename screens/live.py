"""Live updates: after a change commits, send each affected manifest once to the screens showing it.

Screens join two groups: their own (for unpairing and reassignment) and their content's (one per
distinct manifest, named by a content key: a layout, or a playlist full screen). A publish therefore
costs one build and one group send per changed manifest, whatever the number of screens.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.db.models import Q

from .campaigns import campaign_editions
from .manifest import manifests_for
from .selectors import screen_themes

# Every process's fan-out hub joins this group once; theme events name the screens they are for.
THEMES_GROUP = "screens.themes"

logger = logging.getLogger(__name__)


# Joined once by each process's fan-out hub: emergency messages carry the ids of the screens they target.
EMERGENCY_GROUP = "emergencies"

# Joined once by each process's fan-out hub: campaign events carry each document with the screens it is for.
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
    """Content groups are joined by each process's fan-out hub (screens.fanout), which needs to know the content."""
    send_to_group(content_group(key), {**event, "content": key})


def push_contents(keys: set[str]) -> None:
    """Build each content's manifest once and send it to every screen showing it."""
    for key, manifest in manifests_for(keys).items():
        event = {"type": "screen.manifest", "version": manifest.version, "text": manifest.message}
        try:
            send_to_content(key, {**event, "built_at": manifest.built_at})
        except Exception:
            logger.exception("Pushing %s failed; its screens converge by reconciliation", key)


def push_themes(screens: Q) -> None:
    """Send the screens chosen by `screens` their theme: one read and one message, whatever their number."""
    groups = screen_themes(screens=screens)
    if groups:
        send_to_group(THEMES_GROUP, {"type": "screen.theme", "themes": groups})


def push_themes_on_commit(screens: Q) -> None:
    after_commit(push_themes, screens)


def push_campaigns(screen_ids: set[int]) -> None:
    """Send these screens their campaigns: one read per distinct set of campaigns and one message, whatever
    their number. Screens that already have their document are not sent it again (the consumer compares)."""
    editions = campaign_editions(screens=Q(pk__in=screen_ids)) if screen_ids else []
    if editions:
        send_to_group(CAMPAIGNS_GROUP, {"type": "screen.campaigns", "editions": editions})


def push_campaigns_on_commit(screen_ids: set[int]) -> None:
    if screen_ids:
        after_commit(push_campaigns, set(screen_ids))


def after_commit(send, *args) -> None:
    """Run a push once the change is committed; a push is a hint, so a failure is logged, not raised."""

    def run():
        try:
            send(*args)
        except Exception:
            logger.exception("Live push %s%r failed; screens converge on their next reconnect", send.__name__, args)

    transaction.on_commit(run)


def push_contents_on_commit(keys: set[str]) -> None:
    if keys:
        after_commit(push_contents, set(keys))


def reload_screen_on_commit(screen_id: int) -> None:
    """Ask a screen to look up what it shows again (after an admin changed it)."""
    after_commit(send_to_group, screen_group(screen_id), {"type": "screen.reload"})


def reload_content_on_commit(key: str) -> None:
    """Ask every screen showing a content to look up what it shows again (after its layout or playlist was deleted)."""
    after_commit(send_to_content, key, {"type": "screen.reload"})
