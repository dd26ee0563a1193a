"""Settings for the test suite: the ordinary settings, with a throwaway secret and fast hashing."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    # For users who log in to the daphne processes the tests start, which run the ordinary settings.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="infoscreen-media-"))  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: daphne processes started by the tests must open the same test database.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"infoscreen-test-{os.getpid()}.sqlite3")
    }
# The test client and the test servers speak plain HTTP on loopback.
SECURE_SSL_REDIRECT = False
# Threads of the test process must not keep connections the test database's teardown would wait for.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Feed tests serve their fixtures from a local HTTP server on 127.0.0.1.
FEEDS_ALLOW_LOOPBACK = True
