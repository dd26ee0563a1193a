"""The bare Channels stack: one consumer per socket in one group, one group_send per publish."""

import json

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
