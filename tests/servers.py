"""Real daphne processes on loopback, sharing the test database (and Redis, when given)."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class DaphneServer:
    def __init__(
        self,
        *,
        redis_url: str = "",
        channel_prefix: str = "",
        log_dir: Path,
        env: dict | None = None,
        daphne_args=(),
        port: int | None = None,
    ):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "display.settings",
            "SECRET_KEY": "test-servers-secret-key",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "DATABASE_URL": test_database_url(),
            # No persistent connections: the test database is dropped as soon as the tests end.
            "DATABASE_CONN_MAX_AGE": "0",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "REDIS_URL": redis_url,
            "CHANNEL_LAYER_PREFIX": channel_prefix,
            "BASE_URL": self.url,
            # Feed tests serve their fixtures on 127.0.0.1 (tests/feed_server.py).
            "FEEDS_ALLOW_LOOPBACK": "true",
            **(env or {}),
        }
        self.log_path = log_dir / f"daphne-{self.port}.log"
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "display.serve", "--workers", "1", "--port", str(self.port), *daphne_args],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so that stop() can end the workers too, whatever state they are in
        )
        self.wait_until_ready()

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"daphne exited early:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"daphne did not become ready:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.signal_all(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self.signal_all(signal.SIGKILL)  # any worker still shutting down
        self.process.wait()
        self.log.close()

    def signal_all(self, signum: int) -> None:
        try:
            os.killpg(self.process.pid, signum)
        except ProcessLookupError:
            pass
