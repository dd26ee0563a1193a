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
from django.db.models import Q

from screens.campaigns.documents import campaign_editions
from screens.layouts.manifest import manifest_for
from screens.live import CAMPAIGNS_GROUP, EMERGENCY_GROUP, THEMES_GROUP, content_group

from .db_threads import in_thread_pool
from .emergency_relay import EmergencyRelay

logger = logging.getLogger(__name__)


class Edition(NamedTuple):
    """A manifest as sent: its content key, version, encoded message, and when its database read began."""

    content: str
    version: str
    message: str
    built_at: float


@in_thread_pool
def read_edition(key: str) -> Edition:
    manifest = manifest_for(key)
    return Edition(key, manifest.version, manifest.message, manifest.built_at)


@in_thread_pool
def read_campaigns(screen_ids: set[int]) -> list[dict]:
    return campaign_editions(screens=Q(pk__in=screen_ids))


class Hub:
    def __init__(self, layer):
        self.layer = layer
        self.members: dict[str, set] = {}
        self.latest: dict[str, Edition] = {}
        self.channel: str | None = None
        self.lock = asyncio.Lock()
        self.tasks: list[asyncio.Task] = []
        self.emergencies = EmergencyRelay(consumers=self.consumers)

    async def join(self, key: str, consumer) -> None:
        members = self.members.setdefault(key, set())
        first = not members
        members.add(consumer)
        if first:
            async with self.lock:
                if self.channel is None:
                    self.channel = await self.layer.new_channel()
                    await self.layer.group_add(THEMES_GROUP, self.channel)
                    await self.layer.group_add(CAMPAIGNS_GROUP, self.channel)
                    # Subscribe, then read: pushes arriving meanwhile wait in the channel until the read is in.
                    await self.layer.group_add(EMERGENCY_GROUP, self.channel)
                    await self.emergencies.load()
                    self.tasks = [
                        asyncio.ensure_future(self.receive_forever()),
                        asyncio.ensure_future(self.reconcile_forever()),
                    ]
                await self.layer.group_add(content_group(key), self.channel)

    async def leave(self, key: str, consumer) -> None:
        # Membership changes before any await, so a cancelled disconnect cannot leave a dead consumer behind.
        members = self.members.get(key)
        if members is None or consumer not in members:
            return
        members.discard(consumer)
        if members:
            return
        async with self.lock:
            if not self.members.get(key):
                # Unsubscribed, the hub would no longer hear of changes: forget what it had.
                self.members.pop(key, None)
                self.latest.pop(key, None)
                await self.layer.group_discard(content_group(key), self.channel)

    def consumers(self):
        for members in list(self.members.values()):
            yield from list(members)

    async def edition(self, key: str) -> Edition:
        """The newest manifest of a content this process is subscribed to; read once, then kept current by pushes."""
        if key not in self.latest:
            read = await read_edition(key)
            self.offer(key, read)
            return self.latest.get(key, read)
        return self.latest[key]

    def offer(self, key: str, edition: Edition) -> bool:
        """Keep the edition if it is the newest seen; pushes from several processes may arrive out of order."""
        current = self.latest.get(key)
        if key not in self.members or (current and current.built_at >= edition.built_at):
            return False
        self.latest[key] = edition
        return current is None or current.version != edition.version

    async def deliver(self, edition: Edition) -> None:
        # Sending never waits on the network (daphne buffers), so one loop serves every local socket.
        for consumer in list(self.members.get(edition.content, ())):
            try:
                await consumer.send_edition(edition)
            except Exception:
                logger.exception("Delivering a manifest to a screen failed")

    async def forward(self, key: str, event: dict) -> None:
        """Hand an event to each local consumer's own queue, where Channels runs it in turn with its other work."""
        for consumer in list(self.members.get(key, ())):
            await self.layer.send(consumer.channel_name, event)

    async def deliver_themes(self, themes: list[dict]) -> None:
        """Hand each local screen named in a theme event its theme; the others are not concerned."""
        await self.deliver_per_screen(themes, lambda consumer, group: consumer.send_theme(group["theme"]))

    async def deliver_campaigns(self, editions: list[dict]) -> None:
        """Hand each local screen named in a campaigns event its document; the others are not concerned."""
        await self.deliver_per_screen(editions, lambda consumer, edition: consumer.send_campaigns(edition))

    async def deliver_per_screen(self, groups: list[dict], send) -> None:
        """`groups` name their screens (`screens`: ids): each local consumer of one of them is sent its group."""
        group_of = {screen_id: group for group in groups for screen_id in group["screens"]}
        for consumer in list(self.consumers()):
            if consumer.screen_id in group_of:
                try:
                    await send(consumer, group_of[consumer.screen_id])
                except Exception:
                    logger.exception("Delivering a per-screen event to a screen failed")

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
                if event["type"] == "screen.campaigns":
                    await self.deliver_campaigns(event["editions"])
                    continue
                key = event["content"]
                if event["type"] == "screen.reload":
                    self.latest.pop(key, None)
                    await self.forward(key, event)
                elif self.offer(key, Edition(key, event["version"], event["text"], event["built_at"])):
                    await self.deliver(self.latest[key])
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
            for key in list(self.members):
                try:
                    if self.offer(key, await read_edition(key)):
                        await self.deliver(self.latest[key])
                except Exception:
                    logger.exception("Reconciling %s failed", key)
            try:
                await self.emergencies.reconcile()
            except Exception:
                logger.exception("Reconciling emergency messages failed")
            try:
                await self.reconcile_campaigns()
            except Exception:
                logger.exception("Reconciling campaigns failed")

    async def reconcile_campaigns(self) -> None:
        """Re-read the campaigns of every local screen at once: a lost push is repaired, and a new day's
        documents (resolved from the new day) reach screens, for a few queries per process, not per screen."""
        screen_ids = {consumer.screen_id for consumer in self.consumers() if consumer.screen_id}
        if screen_ids:
            await self.deliver_campaigns(await read_campaigns(screen_ids))


_hubs: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub]" = weakref.WeakKeyDictionary()


def hub() -> Hub:
    """This event loop's hub (one per process under daphne; one per test under the test runner)."""
    loop = asyncio.get_running_loop()
    if loop not in _hubs:
        _hubs[loop] = Hub(get_channel_layer())
    return _hubs[loop]
