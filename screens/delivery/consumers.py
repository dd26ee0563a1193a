"""The screen's WebSocket: translates protocol frames to services and channel-layer events to frames."""

import asyncio
import logging

from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from core import protocol
from core.content_keys import screen_content_key
from core.pairing import hash_token
from core.throttle import TokenBucket
from screens.emergencies.services import emergency_ack_record
from screens.fleet.selectors import screen_by_token, screen_for_playing
from screens.fleet.services import (
    RateLimited,
    pairing_code_issue,
    pairing_codes_expire,
    screen_status_record,
    screen_touch,
)
from screens.live import screen_group
from screens.proof_of_play.services import play_events_record
from themes.payload import screen_theme

from .client_version import deployed_client_version
from .db_threads import in_thread_pool
from .fanout import Edition, hub, read_campaigns

logger = logging.getLogger(__name__)


def screen_identity(screen) -> dict:
    return {"id": screen.pk, "name": screen.name, "location": screen.location.name}


def record_played(screen_id: int, token_hash: str, events) -> None:
    screen = screen_for_playing(screen_id=screen_id, token_hash=token_hash)
    if screen is not None:
        play_events_record(screen=screen, events=events)


@in_thread_pool
def authenticate(token: str):
    screen = screen_by_token(token=token)
    if screen is not None:
        screen_touch(screen_id=screen.pk, known_last_seen=screen.last_seen_at)
    return screen


@in_thread_pool
def heartbeat_check(screen_id: int, token_hash: str) -> tuple[bool, str | None, dict | None]:
    """(still paired with this token, the content key it should show, its theme); records that the screen is alive."""
    screen = screen_for_playing(screen_id=screen_id, token_hash=token_hash)
    if screen is None:
        return False, None, None
    screen_touch(screen_id=screen_id, known_last_seen=screen.last_seen_at)
    return True, content_of(screen), screen_theme(screen)


def content_of(screen) -> str:
    return screen_content_key(layout_id=screen.layout_id, playlist_id=screen.playlist_id)


class ScreenConsumer(AsyncWebsocketConsumer):
    screen_id: int | None = None
    token_hash = ""  # of the token this socket authenticated with: re-checked on every heartbeat
    joined = False  # subscribed (through the hub) to the content of...
    content: str | None = None  # ...this content key
    edition: Edition | None = None  # the newest manifest of it sent or confirmed current
    version: str | None = None  # the manifest version the client has
    emergencies_shown: tuple[int, ...] = ()  # the emergency messages the client said in hello it shows
    theme: dict | None = None  # the theme the client was sent
    campaigns_version: str | None = None  # the campaigns document the client was sent...
    campaigns_built_at = 0.0  # ...and when the newest read of it began
    greeted = False
    welcomed = False
    offered_code = False
    hello_deadline: asyncio.TimerHandle | None = None

    async def connect(self):
        # What one screen may write: a status every 5 s; proof of play in bursts of 60 batches after an outage.
        self.status_budget = TokenBucket(rate=0.2, burst=3)
        self.played_budget = TokenBucket(rate=0.5, burst=60)
        self.ack_budget = TokenBucket(rate=1, burst=20)
        await self.accept()
        # A socket that never says hello holds resources for nothing.
        self.hello_deadline = asyncio.get_running_loop().call_later(
            settings.SCREEN_HELLO_TIMEOUT, lambda: asyncio.ensure_future(self.close(code=protocol.CLOSE_PROTOCOL))
        )

    async def dispatch(self, message):
        # Channels stops a consumer whose handler raises, without running disconnect(): close instead,
        # so the socket's subscriptions are always cleaned up.
        try:
            await super().dispatch(message)
        except StopConsumer:
            raise
        except Exception:
            logger.exception("Screen event %s failed", message.get("type"))
            await self.close(code=protocol.CLOSE_SERVER_ERROR)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            if bytes_data is not None:
                raise protocol.BINARY_FRAME
            message = protocol.parse_frame(text_data)
            if not self.greeted and message["type"] != "hello":
                raise protocol.HELLO_REQUIRED
            await getattr(self, f"on_{message['type'].replace('.', '_')}")(message)
        except protocol.ProtocolError as error:
            await self.reject(error)
        except Exception:
            logger.exception("Screen frame failed")
            await self.reject(protocol.SERVER_ERROR)

    async def reject(self, error: protocol.ProtocolError):
        await self.send(text_data=protocol.error_frame(error))
        # Until the screen is playing or has a code, any error ends the session: it reconnects afresh.
        if error.close_code or self.welcomed or self.offered_code:
            close_code = error.close_code
        else:
            close_code = protocol.CLOSE_SERVER_ERROR if error is protocol.SERVER_ERROR else protocol.CLOSE_PROTOCOL
        if close_code:
            await self.close(code=close_code)

    async def on_hello(self, message: dict):
        if self.greeted:
            raise protocol.ProtocolError("hello_repeated", "Send 'hello' once per connection.")
        self.greeted = True
        self.hello_deadline.cancel()
        token, self.version = protocol.parse_hello(message)
        self.emergencies_shown = tuple(protocol.hello_emergencies(message))
        if token is None:
            await self.offer_pairing_code()
            return
        screen = await authenticate(token)
        if screen is None:
            raise protocol.INVALID_TOKEN
        self.token_hash = hash_token(token)
        await self.play(screen.pk, screen)

    async def on_heartbeat(self, message: dict):
        if self.screen_id:
            # Also repairs a lost unpair or reassignment: the database is the truth, a push only a hint.
            paired, content, theme = await heartbeat_check(self.screen_id, self.token_hash)
            if not paired:
                await self.screen_unpaired({})
                return
            if content != self.content:
                await self.play(self.screen_id)
            await self.send_theme(theme)
        await self.send(text_data=protocol.encode({"type": "heartbeat.ack"}))

    async def on_status(self, message: dict):
        self.require_screen()
        if self.status_budget.take():  # reports beyond the budget are dropped: the next one says the same
            await in_thread_pool(screen_status_record)(screen_id=self.screen_id, status=protocol.parse_status(message))

    async def on_played(self, message: dict):
        self.require_screen()
        if not self.played_budget.take():
            raise protocol.RATE_LIMITED_SOFT  # unacknowledged, the events are sent again later
        events = protocol.parse_played(message)
        if events:
            await in_thread_pool(record_played)(self.screen_id, self.token_hash, events)
        await self.send(text_data=protocol.encode({"type": "played.ack", "ids": protocol.played_ids(message)}))

    async def on_emergency_ack(self, message: dict):
        self.require_screen()
        emergency_id = protocol.parse_emergency_ack(message)
        if not self.ack_budget.take():
            raise protocol.RATE_LIMITED_SOFT
        # Repeated acks are fine (a message is sent again after every reconnect); they are stored once.
        # This process knows the active messages and their screens: their acks are stored in batches, and
        # only other acks need the database to check them.
        relay = hub().emergencies
        if relay.targets(emergency_id, self.screen_id):
            relay.acks.add(emergency_id, self.screen_id)
        elif not await in_thread_pool(emergency_ack_record)(emergency_id=emergency_id, screen_id=self.screen_id):
            raise protocol.UNKNOWN_EMERGENCY

    def require_screen(self):
        if not self.screen_id:
            raise protocol.NOT_PAIRED

    async def offer_pairing_code(self):
        try:
            pairing = await in_thread_pool(pairing_code_issue)(
                channel_name=self.channel_name, client_address=self.client_address()
            )
        except RateLimited:
            raise protocol.RATE_LIMITED from None
        self.offered_code = True
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

    async def play(self, screen_id: int, screen=None):
        """Join the screen's groups, greet it and send its campaigns and manifest (if it lacks those versions).

        The content group is joined before the manifest is read, so no publish can fall between the
        read and the subscription. The screen row may come from just before joining its own group
        (on hello, to spare a query per connect): a change in that instant is taken up by the next
        heartbeat's check.
        """
        if self.screen_id is None:
            self.screen_id = screen_id
            await self.channel_layer.group_add(screen_group(screen_id), self.channel_name)
        if screen is None:
            screen = await in_thread_pool(screen_for_playing)(screen_id=screen_id, token_hash=self.token_hash)
        if screen is None:
            await self.screen_unpaired({})
            return
        theme = await in_thread_pool(screen_theme)(screen)
        greeting = not self.welcomed
        if greeting:
            self.welcomed, self.theme = True, theme
            welcome = {
                "type": "welcome",
                "screen": screen_identity(screen),
                "client": deployed_client_version(),
                "theme": theme,
            }
            await self.send(text_data=protocol.encode(welcome))
        else:
            await self.send_theme(theme)  # it may have moved to another location or organisation
        if not self.joined or content_of(screen) != self.content:
            await self.leave_content()
            self.content, self.edition = content_of(screen), None
            await hub().join(self.content, self)
            self.joined = True
        if greeting:
            # Joined first: a message starting from here on reaches this socket through the hub.
            await hub().emergencies.greet(self, self.emergencies_shown)
        # Read after the hub joined the campaigns group (in join above): no change can fall in between.
        for edition in await read_campaigns({screen.pk}):
            await self.send_campaigns(edition)
        await self.send_edition(await hub().edition(self.content))

    async def leave_content(self):
        if self.joined:
            self.joined = False
            await hub().leave(self.content, self)

    async def send_edition(self, edition: Edition):
        """Send a manifest unless the screen has it already or has a newer one."""
        if not self.joined or edition.content != self.content:
            return
        if self.edition and self.edition.built_at > edition.built_at:
            return
        self.edition = edition
        if edition.version != self.version:
            self.version = edition.version
            await self.send(text_data=edition.message)

    async def send_theme(self, theme: dict) -> None:
        """Send the screen's theme unless it has it already."""
        if self.welcomed and theme != self.theme:
            self.theme = theme
            await self.send(text_data=protocol.encode({"type": "theme", "theme": theme}))

    async def send_campaigns(self, edition: dict) -> None:
        """Send the screen its campaigns document unless it has that version or a newer read came first."""
        if not self.welcomed or self.campaigns_built_at > edition["built_at"]:
            return
        self.campaigns_built_at = edition["built_at"]
        if edition["version"] != self.campaigns_version:
            self.campaigns_version = edition["version"]
            await self.send(text_data=edition["text"])

    def client_address(self) -> str:
        client = self.scope.get("client") or ("", 0)
        return str(client[0] or "")[:64]

    async def disconnect(self, code):
        if self.hello_deadline:
            self.hello_deadline.cancel()
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
        await self.send(text_data=protocol.encode({"type": "paired", "token": event["token"]}))
        self.token_hash = hash_token(event["token"])
        await in_thread_pool(screen_touch)(screen_id=event["screen_id"])
        await self.play(event["screen_id"])

    async def screen_command(self, event):
        await self.send(
            text_data=protocol.encode({"type": "command", "name": event["name"], "screen": event["screen"]})
        )

    async def screen_unpaired(self, event):
        await self.send(text_data=protocol.encode({"type": "unpaired"}))
        await self.close(code=protocol.CLOSE_INVALID_TOKEN)
