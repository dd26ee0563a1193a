"""Emergency benchmark: N screens on real daphne processes; an emergency message started through the real
service; time until every screen has it, and until every acknowledgement is stored.

Each simulated screen acknowledges the message the moment it arrives (a real client waits for the next
paint, about 16-33 ms more). Latency = arrival (or stored acknowledgement count reaching N) - the moment
`emergency_start` was called, so it includes the target resolution, the inserts, the audit log entry, the
commit and the fan-out.

    python bench/emergency.py --screens 1000 --workers 2

Needs DATABASE_URL (PostgreSQL, migrated) and REDIS_URL; defaults point at the local servers.
"""

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import fanout  # noqa: E402  (sets the environment defaults)


class AckingScreen(fanout.Screen):
    def __init__(self, url: str, token: str):
        super().__init__(url, token)
        self.emergency_at: float | None = None

    async def handle(self, ws, message: dict, now: float) -> None:
        if message.get("type") == "emergency" and self.emergency_at is None:
            self.emergency_at = now
            await ws.send(json.dumps({"type": "emergency.ack", "id": message["id"]}))


def start_emergency(organisation) -> tuple[float, int]:
    from screens.emergencies.services import Targets, emergency_start

    started = time.time()
    emergency = emergency_start(targets=Targets(organisation, all_screens=True), heading="Bench", text="Leave now")
    return started, emergency.pk


def acks_stored(emergency_id: int) -> int:
    from django.db import close_old_connections

    from screens.emergencies.models import EmergencyAck

    close_old_connections()
    return EmergencyAck.objects.filter(emergency_id=emergency_id).count()


async def wait_until(condition, timeout: float = 60) -> float | None:
    """The wall time at which `condition()` (awaited) first held, or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await condition():
            return time.time()
        await asyncio.sleep(0.02)
    return None


async def measure(args, publisher) -> dict:
    server = fanout.start_server("ours", args.workers, args.port, "pubsub")
    try:
        tokens = await asyncio.to_thread(publisher.provision, args.screens)
        url = f"ws://127.0.0.1:{args.port}/ws/screen/"
        screens, tasks = await fanout.connect_fleet(url, tokens, screen_class=AckingScreen)
        connected = [s for s in screens if s.connect_seconds is not None]
        await asyncio.sleep(2)
        started, emergency_id = await asyncio.to_thread(start_emergency, publisher.location.organisation)

        async def all_received():
            return all(s.emergency_at is not None for s in connected)

        async def all_acked():
            return await asyncio.to_thread(acks_stored, emergency_id) >= len(connected)

        received_all_at = await wait_until(all_received)
        acked_all_at = await wait_until(all_acked)
        await fanout.stop_fleet(tasks)
        arrivals = [s.emergency_at - started for s in connected if s.emergency_at is not None]
        return {
            "workers": args.workers,
            "screens": args.screens,
            "connected": len(connected),
            "received": len(arrivals),
            "start_to_screen_p50_p95_p99_max": fanout.summary(arrivals),
            "start_to_all_screens_ms": round((received_all_at - started) * 1000) if received_all_at else None,
            "start_to_all_acks_stored_ms": round((acked_all_at - started) * 1000) if acked_all_at else None,
            "acks_stored": await asyncio.to_thread(acks_stored, emergency_id),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    os.environ["CHANNEL_LAYER_PREFIX"] = f"bench{args.port}"
    from bench.publisher import Publisher

    print(json.dumps(asyncio.run(measure(args, Publisher())), ensure_ascii=False))


if __name__ == "__main__":
    main()
