"""Cost of parsing a screen's frames as the consumer does: python -m bench.protocol (prints µs per frame).

Every frame a screen sends is validated once against the protocol's models (core/protocol.py)."""

import json
import timeit

from core import protocol

EVENT = {"id": "k2j4", "slide": 5, "started_at": "2026-11-23T10:00:00+01:00", "duration": 10.0}
FRAMES = {
    "heartbeat": ({"type": "heartbeat"}, lambda message: None),
    "hello": (
        {"type": "hello", "protocol": 1, "token": "t" * 43, "version": "9f2c" * 5, "client": "0.4.0"},
        protocol.parse_hello,
    ),
    "status": (
        {
            "type": "status",
            "client": "0.4.0",
            "slide": 5,
            "uptime": 3600,
            "resolution": "1920x1080",
            "user_agent": "Mozilla/5.0 (X11; Linux aarch64) Chromium/120",
            "offline_cache": "service-worker",
            "errors": [{"at": "2026-11-23T10:00:00+01:00", "message": "image failed"}] * 3,
        },
        protocol.parse_status,
    ),
    "played, 1 event": ({"type": "played", "events": [EVENT]}, protocol.parse_played),
    "played, 100 events": (
        {"type": "played", "events": [{**EVENT, "id": f"e{n}"} for n in range(100)]},
        protocol.parse_played,
    ),
}


def per_frame(text: str, parse) -> float:
    """Best of 7 runs, in µs: frame parsing and the type's own parse, as the consumer calls them."""
    number = 2000
    runs = timeit.repeat(lambda: parse(protocol.parse_frame(text)), number=number, repeat=7)
    return min(runs) / number * 1e6


if __name__ == "__main__":
    for name, (message, parse) in FRAMES.items():
        print(f"{name:20} {per_frame(json.dumps(message), parse):7.1f} µs per frame")
