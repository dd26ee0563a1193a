"""Per-process fan-out: each process subscribes once to a content group and writes to its own sockets.

With a channel-layer group per socket, a push to a thousand screens wakes a thousand consumer
tasks, each decoding the same message. Here each process receives it once, on one channel, and
hands the same text to every local consumer showing that content. The hub also keeps the newest
manifest of each content it is subscribed to, so a reconnect storm does not rebuild it per socket,
and re-reads each one from the database now and then, so a lost push (a Redis restart, a network
blip) is repaired within a reconcile interval.
"""

import asyncio
import logging
import random
import weakref
from typing import NamedTuple

from channels.layers import get_channel_layer
from django.conf import settings

from .db_threads import in_thread_pool
from .emergency_relay import EmergencyRelay
from .live import EMERGENCY_GROUP, THEMES_GROUP, content_group
from .manifest import manifest_for_playlist

logger = logging.getLogger(__name__)


class Edition(NamedTuple):
    """A manifest as sent: its playlist, version, encoded message, and when its database read began."""

    playlist_id: int | None
    version: str
    message: str
    built_at: float


@in_thread_pool
def read_edition(playlist_id: int | None) -> Edition:
    manifest = manifest_for_playlist(playlist_id)
    return Edition(playlist_id, manifest.version, manifest.message, manifest.built_at)


class Hub:
    def __init__(self, layer):
        self.layer = layer
        self.members: dict[int | None, set] = {}
        self.latest: dict[int | None, Edition] = {}
        self.channel: str | None = None
        self.lock = asyncio.Lock()
        self.tasks: list[asyncio.Task] = []
        self.emergencies = EmergencyRelay(consumers=self.consumers)

    async def join(self, playlist_id: int | None, consumer) -> None:
        members = self.members.setdefault(playlist_id, set())
        first = not members
        members.add(consumer)
        if first:
            async with self.lock:
                if self.channel is None:
                    self.channel = await self.layer.new_channel()
                    await self.layer.group_add(THEMES_GROUP, self.channel)
                    # Subscribe, then read: pushes arriving meanwhile wait in the channel until the read is in.
                    await self.layer.group_add(EMERGENCY_GROUP, self.channel)
                    await self.emergencies.load()
                    self.tasks = [asyncio.ensure_future(self.receive_forever()), asyncio.ensure_future(self.reconcile_forever())]
                await self.layer.group_add(content_group(playlist_id), self.channel)

    async def leave(self, playlist_id: int | None, consumer) -> None:
        # Membership changes before any await, so a cancelled disconnect cannot leave a dead consumer behind.
        members = self.members.get(playlist_id)
        if members is None or consumer not in members:
            return
        members.discard(consumer)
        if members:
            return
        async with self.lock:
            if not self.members.get(playlist_id):
                # Unsubscribed, the hub would no longer hear of changes: forget what it had.
                self.members.pop(playlist_id, None)
                self.latest.pop(playlist_id, None)
                await self.layer.group_discard(content_group(playlist_id), self.channel)

    def consumers(self):
        for members in list(self.members.values()):
            yield from list(members)

    async def edition(self, playlist_id: int | None) -> Edition:
        """The newest manifest of a content this process is subscribed to; read once, then kept current by pushes."""
        if playlist_id not in self.latest:
            read = await read_edition(playlist_id)
            self.offer(playlist_id, read)
            return self.latest.get(playlist_id, read)
        return self.latest[playlist_id]

    def offer(self, playlist_id: int | None, edition: Edition) -> bool:
        """Keep the edition if it is the newest seen; pushes from several processes may arrive out of order."""
        current = self.latest.get(playlist_id)
        if playlist_id not in self.members or (current and current.built_at >= edition.built_at):
            return False
        self.latest[playlist_id] = edition
        return current is None or current.version != edition.version

    async def deliver(self, edition: Edition) -> None:
        # Sending never waits on the network (daphne buffers), so one loop serves every local socket.
        for consumer in list(self.members.get(edition.playlist_id, ())):
            try:
                await consumer.send_edition(edition)
            except Exception:
                logger.exception("Delivering a manifest to a screen failed")

    async def forward(self, playlist_id: int | None, event: dict) -> None:
        """Hand an event to each local consumer's own queue, where Channels runs it in turn with its other work."""
        for consumer in list(self.members.get(playlist_id, ())):
            await self.layer.send(consumer.channel_name, event)

    async def deliver_themes(self, themes: list[dict]) -> None:
        """Hand each local screen named in a theme event its theme; the others are not concerned."""
        theme_of = {screen_id: group["theme"] for group in themes for screen_id in group["screens"]}
        for consumer in [consumer for members in self.members.values() for consumer in members]:
            if consumer.screen_id in theme_of:
                try:
                    await consumer.send_theme(theme_of[consumer.screen_id])
                except Exception:
                    logger.exception("Delivering a theme to a screen failed")

    async def receive_forever(self) -> None:
        while True:
            try:
                event = await self.layer.receive(self.channel)
                if event["type"].startswith("emergency."):
                    await self.emergencies.receive(event)
                    continue
                if event["type"] == "screen.theme":
                    await self.deliver_themes(event["themes"])
                    continue
                playlist_id = event["playlist"]
                if event["type"] == "screen.reload":
                    self.latest.pop(playlist_id, None)
                    await self.forward(playlist_id, event)
                elif self.offer(playlist_id, Edition(playlist_id, event["version"], event["text"], event["built_at"])):
                    await self.deliver(self.latest[playlist_id])
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("Fan-out failed")
                await asyncio.sleep(1)

    async def reconcile_forever(self) -> None:
        """Re-read every content this process shows, so screens converge even if a push was lost."""
        while True:
            interval = settings.SCREEN_RECONCILE_SECONDS
            await asyncio.sleep(interval * random.uniform(0.75, 1.25))
            for playlist_id in list(self.members):
                try:
                    if self.offer(playlist_id, await read_edition(playlist_id)):
                        await self.deliver(self.latest[playlist_id])
                except Exception:
                    logger.exception("Reconciling playlist %s failed", playlist_id)
            try:
                await self.emergencies.reconcile()
            except Exception:
                logger.exception("Reconciling emergency messages failed")


_hubs: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub]" = weakref.WeakKeyDictionary()


def hub() -> Hub:
    """This event loop's hub (one per process under daphne; one per test under the test runner)."""
    loop = asyncio.get_running_loop()
    if loop not in _hubs:
        _hubs[loop] = Hub(get_channel_layer())
    return _hubs[loop]
