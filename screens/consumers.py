"""The screen's WebSocket: translates protocol frames to services and channel-layer events to frames."""

import logging

from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from . import protocol
from .db_threads import in_thread_pool
from .fanout import Edition, hub
from .live import screen_group
from .selectors import screen_by_token, screen_for_playing
from .services import RateLimited, pairing_code_issue, pairing_codes_expire, screen_touch

logger = logging.getLogger(__name__)


@in_thread_pool
def authenticate(token: str) -> int | None:
    screen = screen_by_token(token=token)
    if screen is None:
        return None
    screen_touch(screen_id=screen.pk, known_last_seen=screen.last_seen_at)
    return screen.pk


class ScreenConsumer(AsyncWebsocketConsumer):
    screen_id: int | None = None
    joined = False  # subscribed (through the hub) to the content of...
    playlist_id: int | None = None  # ...this playlist
    edition: Edition | None = None  # the newest manifest of it sent or confirmed current
    version: str | None = None  # the manifest version the client has
    greeted = False
    welcomed = False

    async def receive(self, text_data=None, bytes_data=None):
        try:
            if bytes_data is not None:
                raise protocol.BINARY_FRAME
            message = protocol.parse_frame(text_data)
            if not self.greeted and message["type"] != "hello":
                raise protocol.HELLO_REQUIRED
            await getattr(self, f"on_{message['type']}")(message)
        except protocol.ProtocolError as error:
            await self.reject(error)
        except Exception:
            logger.exception("Screen frame failed")
            await self.reject(protocol.SERVER_ERROR)

    async def reject(self, error: protocol.ProtocolError):
        await self.send(text_data=protocol.error_frame(error))
        if error.close_code:
            await self.close(code=error.close_code)

    async def on_hello(self, message: dict):
        if self.greeted:
            raise protocol.ProtocolError("hello_repeated", "Send 'hello' once per connection.")
        self.greeted = True
        token, self.version = protocol.parse_hello(message)
        if token is None:
            await self.offer_pairing_code()
            return
        screen_id = await authenticate(token)
        if screen_id is None:
            raise protocol.INVALID_TOKEN
        await self.play(screen_id)

    async def on_heartbeat(self, message: dict):
        if self.screen_id:
            await in_thread_pool(screen_touch)(screen_id=self.screen_id)
        await self.send(text_data=protocol.encode({"type": "heartbeat.ack"}))

    async def offer_pairing_code(self):
        try:
            pairing = await in_thread_pool(pairing_code_issue)(
                channel_name=self.channel_name, client_address=self.client_address()
            )
        except RateLimited:
            raise protocol.RATE_LIMITED from None
        await self.send(
            text_data=protocol.encode(
                {
                    "type": "pairing.code",
                    "code": pairing.code,
                    "expires_at": pairing.expires_at.isoformat(),
                    "expires_in": settings.PAIRING_CODE_TTL,
                }
            )
        )

    async def play(self, screen_id: int):
        """Join the screen's groups, greet it and send its manifest (if it lacks that version).

        Groups are joined before the database is read, so no change can fall between the read
        and the subscription.
        """
        if self.screen_id is None:
            self.screen_id = screen_id
            await self.channel_layer.group_add(screen_group(screen_id), self.channel_name)
        screen = await in_thread_pool(screen_for_playing)(screen_id=screen_id)
        if screen is None:
            await self.screen_unpaired({})
            return
        if not self.welcomed:
            self.welcomed = True
            welcome = {"id": screen.pk, "name": screen.name, "location": screen.location.name}
            await self.send(text_data=protocol.encode({"type": "welcome", "screen": welcome}))
        if not self.joined or screen.playlist_id != self.playlist_id:
            await self.leave_content()
            self.playlist_id, self.edition = screen.playlist_id, None
            await hub().join(self.playlist_id, self)
            self.joined = True
        await self.send_edition(await hub().edition(self.playlist_id))

    async def leave_content(self):
        if self.joined:
            self.joined = False
            await hub().leave(self.playlist_id, self)

    async def send_edition(self, edition: Edition):
        """Send a manifest unless the screen has it already or has a newer one."""
        if self.edition and self.edition.built_at > edition.built_at:
            return
        self.edition = edition
        if edition.version != self.version:
            self.version = edition.version
            await self.send(text_data=edition.message)

    def client_address(self) -> str:
        client = self.scope.get("client") or ("", 0)
        return str(client[0] or "")

    async def disconnect(self, code):
        await self.leave_content()
        if self.screen_id:
            await self.channel_layer.group_discard(screen_group(self.screen_id), self.channel_name)
        elif self.greeted:
            # Nobody can receive a token on this socket any more.
            await in_thread_pool(pairing_codes_expire)(channel_name=self.channel_name)

    # Channel-layer events.

    async def screen_reload(self, event):
        if self.screen_id:
            await self.play(self.screen_id)

    async def screen_paired(self, event):
        await in_thread_pool(screen_touch)(screen_id=event["screen_id"])
        await self.send(text_data=protocol.encode({"type": "paired", "token": event["token"]}))
        await self.play(event["screen_id"])

    async def screen_unpaired(self, event):
        await self.send(text_data=protocol.encode({"type": "unpaired"}))
        await self.close(code=protocol.CLOSE_INVALID_TOKEN)
