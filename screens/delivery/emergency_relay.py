"""A process's active emergency messages, delivered to its own sockets (part of the fan-out hub).

Each process receives a start or end once, with the ids of the targeted screens, and writes the
already-encoded frame to each local socket of those screens. It keeps the active messages, so a
screen that connects is told at once without a database query, and re-reads them now and then, so
a lost push is repaired within the reconcile interval.
"""

import asyncio
import logging
from collections.abc import Callable, Iterable
from typing import NamedTuple

from core import protocol
from screens.emergencies.services import emergencies_active_events

from .ack_batch import AckBatch
from .db_threads import in_thread_pool

logger = logging.getLogger(__name__)


class Alert(NamedTuple):
    """An emergency message as a hub sends it: its id, the encoded frame and the targeted screens."""

    id: int
    frame: str
    screens: frozenset[int]

    @classmethod
    def from_event(cls, event: dict) -> "Alert":
        return cls(event["id"], event["text"], frozenset(event["screens"]))


@in_thread_pool
def read_active() -> dict[int, Alert]:
    return {event["id"]: Alert.from_event(event) for event in emergencies_active_events()}


class EmergencyRelay:
    def __init__(self, consumers: Callable[[], Iterable]):
        self.consumers = consumers  # every local consumer playing for a screen
        self.active: dict[int, Alert] = {}
        self.loaded = asyncio.Event()
        self.complete = False  # `active` came from a successful read: only then is a message missing from it ended
        self.pushes = 0  # pushes handled: a re-read that overlapped one may be older than it, and is not applied
        self.acks = AckBatch()

    def targets(self, emergency_id: int, screen_id: int) -> bool:
        """Whether an active message is for this screen, as far as this process knows."""
        alert = self.active.get(emergency_id)
        return alert is not None and screen_id in alert.screens

    async def load(self) -> None:
        """Read the active messages once, after subscribing and before handling pushes."""
        try:
            self.active = await read_active()
            self.complete = True
        except Exception:
            logger.exception("Reading active emergency messages failed; the next reconciliation reads them")
        self.loaded.set()

    async def receive(self, event: dict) -> None:
        self.pushes += 1
        alert = Alert.from_event(event)
        if event["type"] == "emergency.start":
            if alert.id in self.active:
                return
            self.active[alert.id] = alert
        else:
            self.active.pop(alert.id, None)
        await self.deliver(alert)

    async def reconcile(self) -> None:
        pushes = self.pushes
        read = await read_active()
        if pushes != self.pushes:
            return
        self.complete = True
        for ended in set(self.active) - set(read):
            alert = self.active.pop(ended)
            await self.deliver(Alert(ended, protocol.emergency_end_frame(ended), alert.screens))
        for started in set(read) - set(self.active):
            self.active[started] = read[started]
            await self.deliver(read[started])

    async def deliver(self, alert: Alert) -> None:
        for consumer in list(self.consumers()):
            if consumer.screen_id in alert.screens:
                try:
                    await consumer.send(text_data=alert.frame)
                except Exception:
                    logger.exception("Delivering an emergency message to a screen failed")

    async def greet(self, consumer, shown: Iterable[int]) -> None:
        """Bring a screen that (re)connects up to date: end what it shows that has ended, send what is active."""
        await self.loaded.wait()
        for emergency_id in shown:
            if self.complete and not self.targets(emergency_id, consumer.screen_id):
                await consumer.send(text_data=protocol.emergency_end_frame(emergency_id))
        for emergency_id in sorted(self.active):
            # Checked again at each send: a message may end while an earlier send waits.
            if self.targets(emergency_id, consumer.screen_id):
                await consumer.send(text_data=self.active[emergency_id].frame)
