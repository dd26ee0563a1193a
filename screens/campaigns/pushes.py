"""Pushing campaigns: one read per distinct set of campaigns and one message, whatever the number of screens."""

from django.db.models import Q

from screens.live import CAMPAIGNS_GROUP, after_commit, send_to_group

from .documents import campaign_editions


def push_campaigns(screen_ids: set[int]) -> None:
    """Send these screens their campaigns. Screens that already have their document are not sent it again
    (the consumer compares)."""
    editions = campaign_editions(screens=Q(pk__in=screen_ids)) if screen_ids else []
    if editions:
        send_to_group(CAMPAIGNS_GROUP, {"type": "screen.campaigns", "editions": editions})


def push_campaigns_on_commit(screen_ids: set[int]) -> None:
    if screen_ids:
        after_commit(push_campaigns, set(screen_ids))
