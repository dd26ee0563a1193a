"""One version for the product (server and screen client), and one ruff for every way it runs."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONNECTION_JS = ROOT / "frontend" / "js" / "connection.js"
CLIENT_VERSION = re.compile(
    r"""^export const CLIENT_VERSION = ["']([^"']+)["'];""", re.MULTILINE
)


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
        f"pyproject.toml says {server}, frontend/js/connection.js says {client}: "
        "bump both together"
    )


def test_pre_commit_runs_the_locked_ruff():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    constraints = (ROOT / "requirements" / "constraints.txt").read_text(
        encoding="utf-8"
    )
    hook = re.search(r"astral-sh/ruff-pre-commit\s+rev:\s*v?(\S+)", config)
    locked = re.search(r"^ruff==(\S+)$", constraints, re.MULTILINE)
    assert hook and locked, (
        "ruff should appear in both .pre-commit-config.yaml and the constraints"
    )
    assert hook[1] == locked[1], (
        f".pre-commit-config.yaml runs ruff {hook[1]}, requirements/constraints.txt pins "
        f"{locked[1]}: set the hook's rev to v{locked[1]}"
    )
