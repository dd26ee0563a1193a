"""Publishing for the bare Channels baseline: straight to the group, as a bare Channels app would."""

import json
import os
import time


def empty_manifest(version: str) -> dict:
    """A manifest of the current shape (docs/protocol.md) with nothing to play, so its size matches a real empty one."""
    grid = {"key": "full", "columns": "1fr", "rows": "1fr", "areas": ["main"]}
    return {"version": version, "layout": {**grid, "regions": [{"name": "main", "playlists": []}]}, "playlists": {}}


class BarePublisher:
    def __init__(self):
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bare_settings"
        os.environ.setdefault("BARE_LAYER", "pubsub")
        import django

        django.setup()
        self.count = 0

    def provision(self, count: int) -> list[str]:
        return ["bare"] * count

    def publish(self) -> tuple[float, str]:
        from asgiref.sync import async_to_sync
        from channels.layers import get_channel_layer

        self.count += 1
        version = f"v{time.time_ns()}-{self.count}"
        text = json.dumps({"type": "manifest", "manifest": empty_manifest(version)})
        started = time.time()
        async_to_sync(get_channel_layer().group_send)("all", {"type": "broadcast", "text": text})
        return started, version
