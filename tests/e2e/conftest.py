import os
import uuid
from pathlib import Path

import pytest

from tests.conftest import IN_CI
from tests.servers import DaphneServer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"Chromium is missing at {CHROMIUM}, and CI=true requires it.")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls in these tests are plain sync code.
    # (Servers started by the tests never inherit this: see tests/servers.py.)
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def daphne(django_db_setup, django_db_blocker, server_logs):
    """One daphne process with the embedded (in-memory) channel layer."""
    with django_db_blocker.unblock():
        server = DaphneServer(log_dir=server_logs)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def daphne_pair(django_db_setup, django_db_blocker, server_logs, redis_url):
    """Two daphne processes sharing the test database and the local Redis."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    with django_db_blocker.unblock():
        servers = [DaphneServer(redis_url=redis_url, channel_prefix=prefix, log_dir=server_logs) for _ in range(2)]
    yield servers
    for server in servers:
        server.stop()
