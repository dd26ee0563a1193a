"""Fan-out benchmark: N screens on real daphne processes; publish through the real publish path.

Provisions N screens with real tokens in PostgreSQL, starts the server (`display.serve`: W daphne
workers on one port with SO_REUSEPORT, Redis channel layer), connects N WebSocket clients that
speak the real protocol (ramping 100 sockets per 250 ms), publishes a slide K times through
Wagtail's publish action, and prints publish → receive latency, connect times, and the server
processes' memory and CPU.

    python bench/fanout.py --screens 1000 --workers 1
    python bench/fanout.py --screens 1000 --target bare      # the bare Channels baseline

Needs DATABASE_URL (PostgreSQL) and REDIS_URL; defaults point at the local servers.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/infoscreen_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
os.environ.setdefault("SECRET_KEY", "bench-only-secret")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "display.settings")

from bench import procstats  # noqa: E402

RAMP_BATCH, RAMP_PAUSE = 100, 0.25


def server_env(port: int) -> dict:
    return {
        **os.environ,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "ERROR",
    }


def start_server(target: str, workers: int, port: int, layer: str) -> subprocess.Popen:
    env = server_env(port)
    if target == "bare":
        env["DJANGO_SETTINGS_MODULE"] = "bench.bare_settings"
        env["BARE_LAYER"] = layer
        application = "bench.bare_channels:application"
    else:
        application = "display.asgi:application"
    command = [sys.executable, "-m", "display.serve", "--workers", str(workers), "--port", str(port), "-v", "0"]
    server = subprocess.Popen([*command, "--application", application], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            time.sleep(1)  # let every worker finish starting, not just the first to answer
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("server did not start")


class Screen:
    """One simulated screen: connects, says hello, records when each new manifest version arrives."""

    def __init__(self, url: str, token: str):
        self.url, self.token = url, token
        self.handshake_seconds: float | None = None
        self.connect_seconds: float | None = None
        self.error: str | None = None
        self.arrivals: dict[str, float] = {}

    async def run(self):
        """Runs until cancelled, like a screen: as little work per message as the protocol allows."""
        from websockets.asyncio.client import connect

        started = time.perf_counter()
        try:
            async with connect(self.url, origin="http://127.0.0.1", open_timeout=120, ping_interval=None) as ws:
                self.handshake_seconds = time.perf_counter() - started
                await ws.send(json.dumps({"type": "hello", "protocol": 1, "token": self.token}))
                async for text in ws:
                    now = time.time()
                    message = json.loads(text)
                    if message.get("type") == "manifest":
                        if self.connect_seconds is None:
                            self.connect_seconds = time.perf_counter() - started
                        self.arrivals.setdefault(message["manifest"]["version"], now)
                    await self.handle(ws, message, now)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            self.error = f"{type(error).__name__}: {error}"[:200]

    async def handle(self, ws, message: dict, now: float) -> None:
        """For other benchmarks: what else a screen does with a message."""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


def summary(values: list[float]) -> str:
    if not values:
        return "no samples"
    return " / ".join(f"{percentile(values, q) * 1000:.0f}" for q in (0.5, 0.95, 0.99, 1.0)) + " ms"


async def connect_fleet(
    url: str, tokens: list[str], batch: int = RAMP_BATCH, screen_class: type[Screen] = Screen
) -> tuple[list[Screen], list[asyncio.Task]]:
    screens = [screen_class(url, token) for token in tokens]
    tasks = []
    for start in range(0, len(screens), batch):
        tasks += [asyncio.ensure_future(s.run()) for s in screens[start : start + batch]]
        await asyncio.sleep(RAMP_PAUSE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and any(s.connect_seconds is None and s.error is None for s in screens):
        await asyncio.sleep(0.2)
    return screens, tasks


async def stop_fleet(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def measure(args, publisher) -> dict:
    server = start_server(args.target, args.workers, args.port, args.layer)
    workers = procstats.children(server.pid) or [server.pid]
    try:
        tokens = await asyncio.to_thread(publisher.provision, args.screens)
        ramp_started = time.perf_counter()
        screens, tasks = await connect_fleet(f"ws://127.0.0.1:{args.port}/ws/screen/", tokens)
        ramp_seconds = time.perf_counter() - ramp_started
        connected = [s for s in screens if s.connect_seconds is not None]
        await asyncio.sleep(2)
        cpu_before = procstats.cpu_seconds(workers)
        publishes = []
        for _ in range(args.publishes):
            publishes.append(await asyncio.to_thread(publisher.publish))
            deadline = time.monotonic() + 30
            version = publishes[-1][1]
            while time.monotonic() < deadline and sum(version in s.arrivals for s in connected) < len(connected):
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.5)
        cpu_used = procstats.cpu_seconds(workers) - cpu_before
        latencies, missing, per_publish = [], 0, []
        for started, version in publishes:
            these = [s.arrivals[version] - started for s in connected if version in s.arrivals]
            assert all(latency >= 0 for latency in these), "a version arrived before its publish"
            missing += len(connected) - len(these)
            latencies += these
            per_publish.append(f"{percentile(these, 0.99) * 1000:.0f}")
        rss = procstats.rss_mib(workers)
        await stop_fleet(tasks)
        errors = [s.error for s in screens if s.error]
        burst = await burst_reconnect(args, tokens) if args.restart else {}
        return {
            "target": args.target,
            "layer": args.layer,
            "workers": args.workers,
            "screens": args.screens,
            "connected": len(connected),
            "refused_or_failed": len(errors),
            "first_error": errors[0] if errors else "",
            "ramp_seconds": round(ramp_seconds, 1),
            "handshake_p50_p95_p99_max": summary([s.handshake_seconds for s in connected]),
            "connect_p50_p95_p99_max": summary([s.connect_seconds for s in connected]),
            "fanout_p50_p95_p99_max": summary(latencies),
            "fanout_p99_per_publish_ms": " / ".join(per_publish),
            "missed_deliveries": missing,
            "rss_mib_per_worker": rss,
            "server_cpu_seconds_during_publishes": round(cpu_used, 2),
            **burst,
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


async def burst_reconnect(args, tokens: list[str]) -> dict:
    """Restart the server and reconnect every screen at the same instant: the worst case, no jitter."""
    server = start_server(args.target, args.workers, args.port, args.layer)
    try:
        started = time.perf_counter()
        url = f"ws://127.0.0.1:{args.port}/ws/screen/"
        screens, tasks = await connect_fleet(url, tokens, batch=len(tokens))
        seconds = time.perf_counter() - started
        await stop_fleet(tasks)
        errors = [s.error for s in screens if s.error]
        return {
            "burst_reconnected": sum(s.connect_seconds is not None for s in screens),
            "burst_refused_or_failed": len(errors),
            "burst_first_error": errors[0] if errors else "",
            "burst_seconds_until_all_playing": round(seconds, 1),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--publishes", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--target", choices=["ours", "bare"], default="ours")
    parser.add_argument("--layer", choices=["pubsub", "core"], default="pubsub", help="bare target only")
    parser.add_argument("--restart", action="store_true", help="then restart the server and reconnect all at once")
    args = parser.parse_args()
    os.environ["CHANNEL_LAYER_PREFIX"] = f"bench{args.port}"
    os.environ["BARE_LAYER"] = args.layer
    if args.target == "bare":
        from bench.bare_publisher import BarePublisher as Publisher
    else:
        from bench.publisher import Publisher
    publisher = Publisher()
    result = asyncio.run(measure(args, publisher))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
