"""Pushing manifests: after a change commits, each affected content's manifest is built once and sent
to every screen showing it, whatever their number."""

import logging

from screens.live import after_commit, send_to_content

from .manifest import manifests_for

logger = logging.getLogger(__name__)


def push_contents(keys: set[str]) -> None:
    """Build each content's manifest once and send it to every screen showing it."""
    for key, manifest in manifests_for(keys).items():
        event = {"type": "screen.manifest", "version": manifest.version, "text": manifest.message}
        try:
            send_to_content(key, {**event, "built_at": manifest.built_at})
        except Exception:
            logger.exception("Pushing %s failed; its screens converge by reconciliation", key)


def push_contents_on_commit(keys: set[str]) -> None:
    if keys:
        after_commit(push_contents, set(keys))
