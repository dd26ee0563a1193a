"""Acknowledgements of emergency messages, stored together: one insert per short interval, not one per screen.

When a message reaches a thousand screens, their acks arrive within a second. Stored one by one, each
is a transaction of its own (4.7–7.1 s for 1,000 on PostgreSQL, see BENCHMARKS.md); collected for a
tenth of a second they are one insert. Only acks this process knows to be for a screen it delivered
the message to are collected: the others need the database to check them, and get an answer.
"""

import asyncio
import logging
from datetime import datetime

from django.utils import timezone

from screens.emergencies.services import emergency_acks_store

from .db_threads import in_thread_pool

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 0.1
RETRY_SECONDS = 1.0


STORE = in_thread_pool(emergency_acks_store)


class AckBatch:
    def __init__(self, store=STORE, interval: float = FLUSH_SECONDS):
        self.store = store
        self.interval = interval
        self.pending: dict[tuple[int, int], datetime] = {}  # (emergency, screen) → when it was acknowledged
        self.task: asyncio.Task | None = None

    def add(self, emergency_id: int, screen_id: int) -> None:
        self.pending.setdefault((emergency_id, screen_id), timezone.now())
        if self.task is None or self.task.done():
            self.task = asyncio.ensure_future(self.flush_soon())

    async def flush_soon(self) -> None:
        await asyncio.sleep(self.interval)
        while self.pending:
            batch, self.pending = self.pending, {}
            try:
                await self.store(batch)
            except Exception:
                # Kept and tried again: a database blip must not lose what screens reported.
                logger.exception("Storing %s emergency acks failed; trying again", len(batch))
                self.pending = {**batch, **self.pending}
                await asyncio.sleep(RETRY_SECONDS)

    async def drained(self) -> None:
        """Wait until every ack added so far is stored (for shutdown and tests)."""
        while self.task is not None and not self.task.done():
            await self.task
