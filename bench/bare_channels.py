"""The bare Channels stack: one consumer per socket in one group, one group_send per publish."""

import json
import os
import time

from django.core.asgi import get_asgi_application
from django.http import JsonResponse
from django.urls import path

django_app = get_asgi_application()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

urlpatterns = [path("healthz", lambda request: JsonResponse({"status": "ok"}))]


class BareConsumer(AsyncWebsocketConsumer):
    groups = ["all"]

    async def receive(self, text_data=None, bytes_data=None):
        await self.send(text_data=json.dumps({"type": "manifest", "manifest": {"version": "v0"}}))

    async def broadcast(self, event):
        await self.send(text_data=event["text"])


application = ProtocolTypeRouter(
    {"http": django_app, "websocket": URLRouter([path("ws/screen/", BareConsumer.as_asgi())])}
)


class BarePublisher:
    """Publishes straight to the group, as a bare Channels app would."""

    def __init__(self):
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bare_settings"
        os.environ.setdefault("BARE_LAYER", "pubsub")
        import django

        django.setup()
        self.count = 0

    def provision(self, count: int) -> list[str]:
        return ["bare"] * count

    def publish(self) -> tuple[float, str]:
        from asgiref.sync import async_to_sync
        from channels.layers import get_channel_layer

        self.count += 1
        version = f"v{self.count}"
        text = json.dumps({"type": "manifest", "manifest": {"version": version, "slides": []}})
        started = time.time()
        async_to_sync(get_channel_layer().group_send)("all", {"type": "broadcast", "text": text})
        return started, version
