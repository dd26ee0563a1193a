"""Per-process fan-out: each process subscribes once to a content group and writes to its own sockets.

With a channel-layer group per socket, a push to a thousand screens wakes a thousand consumer
tasks, each decoding the same message. Here each process receives the message once, on one
channel, and hands it to every local consumer showing that content.
"""

import asyncio
import logging
import weakref

from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


class Hub:
    def __init__(self, layer):
        self.layer = layer
        self.members: dict[str, set] = {}
        self.channel: str | None = None
        self.task: asyncio.Task | None = None
        self.lock = asyncio.Lock()

    async def join(self, group: str, consumer) -> None:
        async with self.lock:
            if self.channel is None:
                self.channel = await self.layer.new_channel()
                self.task = asyncio.ensure_future(self.run())
            members = self.members.setdefault(group, set())
            if not members:
                await self.layer.group_add(group, self.channel)
            members.add(consumer)

    async def leave(self, group: str, consumer) -> None:
        async with self.lock:
            members = self.members.get(group)
            if members is None or consumer not in members:
                return
            members.discard(consumer)
            if not members:
                del self.members[group]
                await self.layer.group_discard(group, self.channel)

    async def run(self) -> None:
        while True:
            try:
                event = await self.layer.receive(self.channel)
                await self.deliver(event)
            except asyncio.CancelledError:
                raise
            except Exception:
                # Screens converge on their next reconnect; the hub must outlive one bad message.
                logger.exception("Fan-out failed")
                await asyncio.sleep(1)

    async def deliver(self, event: dict) -> None:
        handler_name = event["type"].replace(".", "_")
        for consumer in list(self.members.get(event.get("group"), ())):
            try:
                await getattr(consumer, handler_name)(event)
            except Exception:
                logger.exception("Delivering %s to a screen failed", event["type"])


_hubs: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub]" = weakref.WeakKeyDictionary()


def hub() -> Hub:
    """This event loop's hub (one per process under daphne; one per test under the test runner)."""
    loop = asyncio.get_running_loop()
    if loop not in _hubs:
        _hubs[loop] = Hub(get_channel_layer())
    return _hubs[loop]
