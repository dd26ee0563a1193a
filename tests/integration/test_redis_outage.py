"""A Redis outage during play: publishing still saves, and every screen converges once Redis is back."""

import json
import shutil
import socket
import subprocess
import time

import pytest
from websockets.sync.client import connect

from tests.conftest import IN_CI
from tests.factories import make_playlist, make_screen, make_slide
from tests.manifests import headings
from tests.servers import DaphneServer, free_port

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


class RedisServer:
    """A throwaway redis-server on a spare port, which the test can stop and start again."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        if IN_CI:
            pytest.fail("redis-server is not installed, and CI=true requires it.")
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def receive_manifest(ws, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = json.loads(ws.recv(timeout=max(0.1, deadline - time.monotonic())))
        if message["type"] == "manifest":
            return message["manifest"]
    raise TimeoutError


def publish_heading(slide, heading):
    slide.content = [("image_text", {"heading": heading, "text": "", "image": None})]
    slide.save_revision().publish()


def test_screens_converge_after_a_redis_outage(redis_server, settings, server_logs, measurements):
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer", "CONFIG": {"hosts": [redis_server.url]}}
    }
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    slide = make_slide(heading="Before the outage")
    _, token = make_screen(playlist=make_playlist(slides=[slide]))
    server = DaphneServer(redis_url=redis_server.url, log_dir=server_logs, env={"SCREEN_RECONCILE_SECONDS": "10"})
    try:
        with connect(server.url.replace("http", "ws") + "/ws/screen/", origin=server.url) as ws:
            ws.send(json.dumps({"type": "hello", "protocol": 1, "token": token}))
            assert headings(receive_manifest(ws, 10))[0] == "Before the outage"

            redis_server.stop()
            publish_heading(slide, "During the outage")  # the push fails; the publish must not
            slide.refresh_from_db()
            assert slide.content[0].value["heading"] == "During the outage"

            redis_server.start()
            back = time.monotonic()
            assert headings(receive_manifest(ws, 60))[0] == "During the outage"
            measurements["Redis back → screen converged, reconcile every 10 s (s)"] = round(time.monotonic() - back, 1)

            publish_heading(slide, "After the outage")  # pushes flow again
            assert headings(receive_manifest(ws, 15))[0] == "After the outage"
    finally:
        server.stop()
        channel_layers.backends.clear()
