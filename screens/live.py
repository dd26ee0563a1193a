"""Live updates: after a change commits, send each affected screen its new manifest."""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from .manifest import manifests_by_playlist
from .selectors import ScreenTarget

logger = logging.getLogger(__name__)


def screen_group(screen_id: int) -> str:
    return f"screen.{screen_id}"


def send_to_screen(screen_id: int, event: dict) -> None:
    async_to_sync(get_channel_layer().group_send)(screen_group(screen_id), event)


def send_to_channel(channel_name: str, event: dict) -> None:
    async_to_sync(get_channel_layer().send)(channel_name, event)


def push_manifests(targets: list[ScreenTarget]) -> None:
    """Build one manifest per distinct playlist among the targets and send it to each target screen."""
    manifests = manifests_by_playlist({playlist_id for _, playlist_id in targets})
    for screen_id, playlist_id in targets:
        manifest = manifests[playlist_id]
        try:
            send_to_screen(screen_id, {"type": "screen.manifest", "version": manifest.version, "text": manifest.message})
        except Exception:
            # A push is a hint: the screen converges on its next reconnect, so a failed send must not fail the edit.
            logger.exception("Could not push the manifest to screen %s", screen_id)


def push_manifests_on_commit(targets: list[ScreenTarget]) -> None:
    if targets:
        transaction.on_commit(lambda: push_manifests(targets))


def send_on_commit(send, *args) -> None:
    def run():
        try:
            send(*args)
        except Exception:
            logger.exception("Could not send %s", args)

    transaction.on_commit(run)
