"""Run several daphne processes on one port: one per core, no load balancer in between.

Each worker gets its own listening socket with SO_REUSEPORT on the same address, and the
kernel spreads new connections across them. The workers need the Redis channel layer
(REDIS_URL) so that a publish made through one reaches screens held by another.

    python -m display.serve --workers 2 --port 8000 [daphne options...]
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time

# Screens stay connected for days (daphne's default cuts every socket after 24 h, all at once after a
# restart), a fleet reconnecting at once needs longer than 5 s to be handshaken, and a silent
# screen is noticed within ping interval + timeout = 50 s. Options given on the command line win.
DAPHNE_DEFAULTS = [
    "--websocket_timeout", "-1",
    "--websocket_connect_timeout", "30",
    "--ping-interval", "20",
    "--ping-timeout", "30",
]  # fmt: skip


STOP_GRACE_SECONDS = 15


def listening_socket(host: str, port: int, backlog: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    # A deep backlog lets a whole fleet reconnect at once after a restart without refused handshakes.
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, help="default: one per core with REDIS_URL, else one")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--backlog", type=int, default=4096)
    parser.add_argument("--application", default="display.asgi:application")
    args, daphne_args = parser.parse_known_args(argv)
    if args.workers is None:
        args.workers = (os.cpu_count() or 1) if os.environ.get("REDIS_URL") else 1
    if args.workers > 1 and not os.environ.get("REDIS_URL"):
        parser.error("more than one worker needs REDIS_URL: the in-memory channel layer cannot cross processes")

    workers = []
    for _ in range(args.workers):
        sock = listening_socket(args.host, args.port, args.backlog)
        daphne = [sys.executable, "-m", "daphne", "--fd", str(sock.fileno()), *DAPHNE_DEFAULTS, *daphne_args]
        command = [*daphne, args.application]
        workers.append(subprocess.Popen(command, pass_fds=[sock.fileno()]))
        sock.close()

    stopping = []

    def stop(signum, frame):
        stopping.append(signum)
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # If any worker dies, stop them all: a supervisor (systemd, compose) restarts the whole set.
    while not stopping and all(worker.poll() is None for worker in workers):
        time.sleep(0.5)
    stop(None, None)
    # A worker still closing sockets after the grace period is killed: a restart must find the port free.
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    while time.monotonic() < deadline and any(worker.poll() is None for worker in workers):
        time.sleep(0.2)
    for worker in workers:
        if worker.poll() is None:
            worker.kill()
    # Any worker that did not stop cleanly makes the whole set fail, so a supervisor restarts it.
    return 1 if any(worker.wait() != 0 for worker in workers) else 0


if __name__ == "__main__":
    sys.exit(main())
