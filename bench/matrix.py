"""Runs the fan-out benchmark over fleet sizes and servers, and prints a Markdown table for BENCHMARKS.md.

python bench/matrix.py            # the whole matrix (about 15 minutes on 2 cores)
python bench/matrix.py --quick    # 100 and 1,000 screens only
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FULL = [
    ("bare", "core", 1, 1000, False),
    ("bare", "pubsub", 1, 1000, False),
    ("bare", "pubsub", 1, 2000, False),
    ("ours", "pubsub", 1, 100, False),
    ("ours", "pubsub", 1, 1000, True),
    ("ours", "pubsub", 2, 1000, True),
    ("ours", "pubsub", 2, 5000, False),
    ("ours", "pubsub", 2, 10000, False),
]
QUICK = [row for row in FULL if row[3] <= 1000]
COLUMNS = [
    "target", "layer", "workers", "screens", "connected", "refused_or_failed", "fanout_p50_p95_p99_max",
    "fanout_p99_per_publish_ms",
    "connect_p50_p95_p99_max", "rss_mib_per_worker", "server_cpu_seconds_during_publishes",
    "burst_reconnected", "burst_refused_or_failed", "burst_seconds_until_all_playing",
]  # fmt: skip


def run(target, layer, workers, screens, restart) -> dict:
    command = [sys.executable, str(ROOT / "bench/fanout.py"), "--target", target, "--layer", layer]
    command += ["--workers", str(workers), "--screens", str(screens)] + (["--restart"] if restart else [])
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"target": target, "layer": layer, "workers": workers, "screens": screens, "connected": "failed"}
    return json.loads(lines[-1])


def main():
    rows = QUICK if "--quick" in sys.argv else FULL
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for row in rows:
        result = run(*row)
        print("| " + " | ".join(str(result.get(column, "")) for column in COLUMNS) + " |", flush=True)


if __name__ == "__main__":
    main()
