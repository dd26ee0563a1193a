"""One version for the product: the server and the screen client agree."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONNECTION_JS = ROOT / "frontend" / "js" / "connection.js"
CLIENT_VERSION = re.compile(r"""^export const CLIENT_VERSION = ["']([^"']+)["'];""", re.MULTILINE)


def server_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def client_version() -> str:
    found = CLIENT_VERSION.findall(CONNECTION_JS.read_text(encoding="utf-8"))
    assert len(found) == 1, "connection.js should export CLIENT_VERSION exactly once"
    return found[0]


def test_server_and_screen_client_have_the_same_version():
    server, client = server_version(), client_version()
    assert server == client, (
        f"pyproject.toml says {server}, frontend/js/connection.js says {client}: bump both together"
    )
