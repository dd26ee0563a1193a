import os
import socket

import pytest
from hypothesis import settings as hypothesis_settings

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(service: str, host: str, port: int) -> None:
    """Skip when a local server is missing, except in CI, where a missing server is a failure."""
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        if IN_CI:
            pytest.fail(f"{service} is not reachable at {host}:{port}, and CI=true requires it.")
        pytest.skip(f"{service} is not running at {host}:{port}")


@pytest.fixture(scope="session")
def redis_url():
    require("Redis", "127.0.0.1", 6379)
    return os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(scope="session")
def server_logs(tmp_path_factory):
    return tmp_path_factory.mktemp("daphne-logs")


_measurements: dict[str, object] = {}


@pytest.fixture(scope="session")
def measurements() -> dict:
    """Numbers a test measured, printed at the end of the run (never asserted on)."""
    return _measurements


def pytest_terminal_summary(terminalreporter):
    if _measurements:
        terminalreporter.section("measurements")
        for name, value in _measurements.items():
            terminalreporter.write_line(f"{name}: {value}")


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_addoption(parser):
    parser.addoption(
        "--database-only",
        action="store_true",
        help="Run only tests that use the database (the second pass, on PostgreSQL: the others ran on SQLite).",
    )


def uses_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    if config.getoption("--database-only"):
        unused = [item for item in items if not uses_database(item)]
        if unused:
            config.hook.pytest_deselected(items=unused)
            items[:] = [item for item in items if uses_database(item)]
    # Browser tests last: Playwright's sync API holds an event loop that async tests cannot share.
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


def migrated_baseline_restore() -> None:
    """What migrations create and transactional tests flush away: Wagtail's root collection and the role groups."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Collection

    from organisations.roles import ROLES, roles_sync

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
        roles_sync(apps)


@pytest.fixture(autouse=True)
def migrated_baseline(request):
    if request.node.get_closest_marker("django_db") is not None:
        migrated_baseline_restore()


# Property-based tests stay quick in every run: a few dozen examples each, no per-example deadline
# (timings are measured, never asserted). HYPOTHESIS_PROFILE=thorough explores far more.
hypothesis_settings.register_profile("quick", max_examples=40, deadline=None)
hypothesis_settings.register_profile("thorough", max_examples=2000, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


@pytest.fixture(scope="session")
def feed_server():
    """A local HTTP server with the feed fixtures (tests/feed_server.py)."""
    from tests.feed_server import FeedServer

    server = FeedServer()
    yield server
    server.stop()
