"""Time to resolve one screen's timeline: python -m bench.timeline (prints milliseconds per resolve)."""

import statistics
import time as clock
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.timeline import Campaign, Entry, Recurrence, timeline_resolve

ZONE = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 10, 22, tzinfo=ZONE)  # the horizon holds the autumn change


def screen(first_day: date) -> dict:
    """Three regions of five playlists, each on two schedules, and five campaigns."""
    rules = ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=DAILY", "FREQ=MONTHLY;BYDAY=1SA", "FREQ=WEEKLY;BYDAY=SA,SU"]
    regions = {
        region: [
            Entry(
                n,
                (
                    Recurrence(rules[n % 4], time(7 + n), time(12 + n), first_day),
                    Recurrence(rules[(n + 1) % 4], time(18), time(0), first_day),
                ),
            )
            for n in range(5)
        ]
        for region in ("main", "side", "ticker")
    }
    campaigns = [
        Campaign(n, 100 + n, NOW + timedelta(hours=9 * n), NOW + timedelta(hours=9 * n + 12), n % 2) for n in range(5)
    ]
    return {"regions": regions, "campaigns": campaigns}


def measure(first_day: date, days: int, runs: int = 30) -> float:
    inputs = screen(first_day)
    timings = []
    for _ in range(runs):
        started = clock.perf_counter()
        timeline_resolve(**inputs, now=NOW, horizon=timedelta(days=days), zone=ZONE)
        timings.append((clock.perf_counter() - started) * 1000)
    return statistics.median(timings)


if __name__ == "__main__":
    for first_day, days in [(NOW.date(), 7), (NOW.date() - timedelta(days=3 * 365), 7), (NOW.date(), 28)]:
        print(
            f"schedules from {first_day}, horizon {days:2} days: {measure(first_day, days):6.1f} ms per resolve (median)"
        )
