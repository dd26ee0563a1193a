"""The screen protocol (docs/protocol.md): its frames as pydantic models, parsing and encoding, free of Channels.

The models are the protocol's one description: the server validates client frames with them, tests check the
frames it sends against them, and `core.protocol_schema` makes the JSON Schema in the docs from them.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, ClassVar, Final, Literal, TypeVar, get_args

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

from .pairing import CODE_ALPHABET, CODE_LENGTH

ProtocolVersion = Literal[1]
PROTOCOL_VERSIONS: Final = frozenset(get_args(ProtocolVersion))
MAX_FRAME_BYTES = 65_536
MAX_PLAYED_BATCH = 100
MAX_STATUS_ERRORS = 10
# Emergency messages a client may name in hello as on its screen (more are never active at once).
MAX_HELLO_EMERGENCIES = 20

CLOSE_TOO_LARGE = 1009
CLOSE_SERVER_ERROR = 1011
CLOSE_PROTOCOL = 4000
CLOSE_INVALID_TOKEN = 4001
CLOSE_UNSUPPORTED = 4002
CLOSE_RATE_LIMITED = 4029

ErrorCode = Literal[
    "bad_json",
    "missing_type",
    "unknown_type",
    "binary_frame",
    "frame_too_large",
    "hello_required",
    "hello_repeated",
    "unsupported_protocol",
    "invalid_token",
    "rate_limited",
    "not_paired",
    "server_error",
    "bad_played",
    "bad_emergency_ack",
    "unknown_emergency",
]


@dataclass(frozen=True)
class ProtocolError(Exception):
    code: ErrorCode
    message: str
    close_code: int | None = None


BAD_JSON = ProtocolError("bad_json", "Frames must be JSON objects.")
MISSING_TYPE = ProtocolError("missing_type", "Every frame needs a string 'type'.")
BINARY_FRAME = ProtocolError("binary_frame", "Binary frames are not supported; send JSON text.")
TOO_LARGE = ProtocolError("frame_too_large", f"Frames may be at most {MAX_FRAME_BYTES} bytes.", CLOSE_TOO_LARGE)
HELLO_REQUIRED = ProtocolError("hello_required", "The first frame must be 'hello'.", CLOSE_PROTOCOL)
UNSUPPORTED = ProtocolError("unsupported_protocol", "This protocol version is not supported.", CLOSE_UNSUPPORTED)
INVALID_TOKEN = ProtocolError("invalid_token", "The screen token is unknown or revoked.", CLOSE_INVALID_TOKEN)
RATE_LIMITED_SOFT = ProtocolError("rate_limited", "Too many frames of this type; send them again later.")
RATE_LIMITED = ProtocolError("rate_limited", "Too many pairing codes; try again later.", CLOSE_RATE_LIMITED)
NOT_PAIRED = ProtocolError("not_paired", "Only a paired screen may send this.")
SERVER_ERROR = ProtocolError("server_error", "The server could not handle this frame.")
BAD_PLAYED = ProtocolError("bad_played", f"'events' must be a list of at most {MAX_PLAYED_BATCH} events.")
BAD_EMERGENCY_ACK = ProtocolError(
    "bad_emergency_ack", "'emergency.ack' needs the integer 'id' of an emergency message."
)
UNKNOWN_EMERGENCY = ProtocolError("unknown_emergency", "No emergency message with this id was sent to this screen.")

EmergencyId = Annotated[StrictInt, Field(gt=0, lt=2**63, description="An emergency message's id.")]


# Client → server. Fields are lenient where the protocol is (docs/protocol.md): a value of the wrong shape
# counts as absent or is cut to size, so a client's mistake in one field costs that field, not the frame.


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _cut(limit: int) -> BeforeValidator:
    def cut(value: Any) -> str:
        return value[:limit] if isinstance(value, str) else ""

    return BeforeValidator(cut, json_schema_input_type=str)


def _uptime(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and 0 <= value < 10**9 else None


def _shown_emergencies(value: Any) -> list[int]:
    return [pk for pk in value[:MAX_HELLO_EMERGENCIES] if _is_id(pk)] if isinstance(value, list) else []


def _last_errors(value: Any) -> list[Any]:
    return [error for error in value[-MAX_STATUS_ERRORS:] if isinstance(error, dict)] if isinstance(value, list) else []


def _instant(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("an ISO 8601 string is required")
    instant = datetime.fromisoformat(value)
    if instant.tzinfo is None:
        raise ValueError("a UTC offset is required")
    return instant


def _dropped_if_invalid(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # An item that is not valid becomes None instead of refusing its list.
    try:
        return handler(value)
    except ValidationError:
        return None


OptionalText = Annotated[
    str | None, BeforeValidator(_text_or_none, json_schema_input_type=Annotated[str, Field(min_length=1)])
]


class ClientMessage(BaseModel):
    """A frame a client sends; unknown fields are dropped."""

    model_config = ConfigDict(frozen=True)
    # What a frame of this type gets when its content is invalid; None: no content is.
    refusal: ClassVar[ProtocolError | None] = None


class HelloFrame(ClientMessage):
    """The first frame, always."""

    refusal = UNSUPPORTED
    type: Literal["hello"]
    protocol: ProtocolVersion = Field(description="The protocol version the client speaks.")
    token: OptionalText = Field(None, description="The screen's token; without one the server issues a pairing code.")
    version: OptionalText = Field(None, description="The manifest version the client has (from its cache).")
    client: OptionalText = Field(None, description="The client's own version.")
    emergencies: Annotated[list[int], BeforeValidator(_shown_emergencies, json_schema_input_type=list[EmergencyId])] = (
        Field([], description=f"The emergency messages the client shows; the first {MAX_HELLO_EMERGENCIES} count.")
    )


class HeartbeatFrame(ClientMessage):
    """Sent every 30 seconds while connected."""

    type: Literal["heartbeat"]


class StatusError(BaseModel):
    """An error the client met."""

    model_config = ConfigDict(frozen=True)
    at: Annotated[str, _cut(40)] = Field("", description="When (ISO 8601); cut to 40 characters.")
    message: Annotated[str, _cut(200)] = Field("", description="Cut to 200 characters.")


class StatusFrame(ClientMessage):
    """How the screen is, shown to admins. Never refused: strings are cut, values of the wrong type dropped."""

    type: Literal["status"]
    client: Annotated[str, _cut(32)] = Field("", description="The client's version; cut to 32 characters.")
    slide: Annotated[int | None, BeforeValidator(_int_or_none, json_schema_input_type=int)] = Field(
        None, description="The slide on screen in the layout's lead region."
    )
    uptime: Annotated[int | None, BeforeValidator(_uptime, json_schema_input_type=Annotated[float, Field(ge=0)])] = (
        Field(None, description="Seconds since the client started; fractions are cut off.")
    )
    resolution: Annotated[str, _cut(32)] = Field("", description='e.g. "1920x1080"; cut to 32 characters.')
    user_agent: Annotated[str, _cut(300)] = Field("", description="Cut to 300 characters.")
    offline_cache: Annotated[str, _cut(32)] = Field("", description="Cut to 32 characters.")
    errors: Annotated[list[StatusError], BeforeValidator(_last_errors)] = Field(
        [], description=f"Recent errors, oldest first; the last {MAX_STATUS_ERRORS} are kept."
    )


@dataclass(frozen=True)
class Played:
    """One slide shown on a screen: proof of play."""

    id: Annotated[str, Field(strict=True, min_length=1, max_length=64)]
    slide: StrictInt
    started_at: Annotated[datetime, BeforeValidator(_instant, json_schema_input_type=AwareDatetime)]
    duration: Annotated[float, Field(strict=True, ge=0, le=86_400, description="Seconds.")]


class PlayedFrame(ClientMessage):
    """Proof of play, batched. A malformed event is dropped (and acknowledged), not the batch."""

    refusal = BAD_PLAYED
    type: Literal["played"]
    events: list[Annotated[Played | None, WrapValidator(_dropped_if_invalid, json_schema_input_type=Played)]] = Field(
        max_length=MAX_PLAYED_BATCH
    )


class EmergencyAckFrame(ClientMessage):
    """The screen rendered an emergency message."""

    refusal = BAD_EMERGENCY_ACK
    type: Literal["emergency.ack"]
    id: EmergencyId


ClientFrame = Annotated[
    HelloFrame | HeartbeatFrame | StatusFrame | PlayedFrame | EmergencyAckFrame, Field(discriminator="type")
]
CLIENT_FRAME: Final[TypeAdapter[ClientFrame]] = TypeAdapter(ClientFrame)
# Each client model, by its type.
_TAGS: Final[dict[type[ClientMessage], str]] = {
    model: get_args(model.model_fields["type"].annotation)[0] for model in get_args(get_args(ClientFrame)[0])
}
CLIENT_TYPES: Final = frozenset(_TAGS.values())


class ReceivedFrame(dict[str, Any]):
    """A client frame as sent, with its model: validated once, by `parse_frame`, and read by the parse functions.

    Invalid content is refused (with its type's `refusal`) only when a parse function reads it, so that the
    consumer's checks of whether the frame may be sent at all (hello first, paired screens only) come first.
    """

    __slots__ = ("model",)

    def __init__(self, message: dict[str, Any], model: ClientMessage | None):
        super().__init__(message)
        self.model = model


Message = TypeVar("Message", bound=ClientMessage)


def _validated(message: Mapping[str, Any], kind: type[Message]) -> Message:
    """The message as its model: as `parse_frame` validated it, else (refused there, or a dict built in code) now."""
    if isinstance(message, ReceivedFrame) and isinstance(message.model, kind):
        return message.model
    try:
        return kind.model_validate({**message, "type": _TAGS[kind]})
    except ValidationError:
        if kind.refusal is None:
            raise
        raise kind.refusal from None


def parse_frame(text: str) -> dict[str, Any]:
    """A client frame as a dict with a known 'type', or ProtocolError saying what is wrong with it."""
    if len(text) > MAX_FRAME_BYTES or len(text.encode()) > MAX_FRAME_BYTES:
        raise TOO_LARGE
    try:
        message = json.loads(text)
    except ValueError:
        raise BAD_JSON from None
    if not isinstance(message, dict):
        raise BAD_JSON
    kind = message.get("type")
    if not isinstance(kind, str):
        raise MISSING_TYPE
    if kind not in CLIENT_TYPES:
        raise ProtocolError("unknown_type", f"Unknown message type {kind[:40]!r}.")
    model: ClientMessage | None
    try:
        model = CLIENT_FRAME.validate_python(message)
    except ValidationError:
        model = None
    return ReceivedFrame(message, model)


def parse_hello(message: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(token, version held by the client) from a hello frame."""
    hello = _validated(message, HelloFrame)
    return hello.token, hello.version


def hello_emergencies(message: Mapping[str, Any]) -> list[int]:
    """The emergency messages the client says it shows (docs/protocol.md, hello); anything else is ignored."""
    return list(_validated(message, HelloFrame).emergencies)


def parse_emergency_ack(message: Mapping[str, Any]) -> int:
    return _validated(message, EmergencyAckFrame).id


def parse_status(message: Mapping[str, Any]) -> dict[str, Any]:
    """The screen's report of itself, reduced to known fields of bounded size (it is shown to admins)."""
    return _validated(message, StatusFrame).model_dump(exclude={"type"})


def parse_played(message: Mapping[str, Any]) -> list[Played]:
    """The well-formed events of a batch; a malformed event is dropped, not the batch."""
    return [event for event in _validated(message, PlayedFrame).events if event is not None]


def played_ids(message: Mapping[str, Any]) -> list[str]:
    """Every id in a batch, to acknowledge: malformed events are dropped once, not resent forever."""
    return [e["id"][:64] for e in message.get("events", []) if isinstance(e, dict) and isinstance(e.get("id"), str)]


# Server → client. Built by the server, so strict: a field the models do not describe is an error.


class ServerModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="#rrggbb")]
ScreenCommand = Literal["identify", "reload"]


class Image(ServerModel):
    """A rendition sized for screens."""

    url: str
    width: int
    height: int
    alt: str = Field(description="Empty for a decorative image.")


class Theme(ServerModel):
    """Colours (text on background meets WCAG AA), a CSS font-family stack of installed fonts, and a logo."""

    background: Colour
    text: Colour
    accent: Colour
    font: str
    logo: Image | None


class ScreenIdentity(ServerModel):
    """Who the screen is, as an admin named it."""

    id: int
    name: str
    location: str


class Media(ServerModel):
    """A file the client fetches ahead of its slide's turn and keeps for offline play."""

    url: str
    kind: Literal["image", "video"]
    orientation: Literal["landscape", "portrait"] | None = Field(
        None, description="Only screens of this orientation need it; absent: every screen."
    )


class Slide(ServerModel):
    """The fields every slide has; the others belong to its type (docs/protocol.md, "Slide types")."""

    model_config = ConfigDict(extra="allow")
    id: int
    type: str
    title: str
    duration: float = Field(description="Seconds.")
    theme: Theme | None = Field(description="The slide's own theme; null: the screen's.")
    media: list[Media]
    until: AwareDatetime | None = Field(description="The slide's expiry: the client leaves it out from then on.")


class Playlist(ServerModel):
    """A published playlist with its published slides, in play order."""

    id: int
    title: str
    version: str = Field(description="Changes only when the playlist's content does.")
    slides: list[Slide]


class Region(ServerModel):
    name: str = Field(description="Its CSS grid area.")
    playlists: list[int] = Field(description="Playlist ids, in play order.")


class Layout(ServerModel):
    """A CSS grid whose named regions each play playlists."""

    key: str = Field(description="The layout template (screens/layouts.py).")
    columns: str = Field(description="grid-template-columns")
    rows: str = Field(description="grid-template-rows")
    areas: list[str] = Field(description="The rows of grid-template-areas.")
    regions: list[Region] = Field(description="Every region of the template; the first is the main one.")


class Interval(ServerModel):
    """Half-open [from, until), ISO 8601 with the local UTC offset."""

    from_: AwareDatetime = Field(alias="from")
    until: AwareDatetime
    playlists: list[int]


class Timeline(ServerModel):
    """Which of each region's playlists play when, from the start of the local day for 7 days."""

    from_: AwareDatetime = Field(alias="from")
    until: AwareDatetime
    regions: dict[str, list[Interval]] = Field(description="Each region's track: intervals in order, without gaps.")


class Manifest(ServerModel):
    """Everything a screen plays: a layout whose regions each play playlists, and when."""

    version: str = Field(description="A hash of the rest: equal content, equal version.")
    layout: Layout
    playlists: dict[str, Playlist] = Field(description="Each playlist the regions name, once, by id.")
    timeline: Timeline | None = Field(None, description="Absent in previews: each region plays all its playlists.")


class CampaignInterval(Interval):
    """An interval where a campaign plays its playlist full screen."""

    campaign: int = Field(description="The campaign's id.")


class Campaigns(ServerModel):
    """The screen's campaigns from the start of the local day for 7 days."""

    version: str = Field(description="A hash of track and playlists.")
    track: list[CampaignInterval] = Field(description="Only the intervals where a campaign plays, in order.")
    playlists: dict[str, Playlist]


class PairingCodeFrame(ServerModel):
    """A code for an admin to pair the screen with; shown large on it."""

    type: Literal["pairing.code"]
    code: str = Field(pattern=rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
    expires_at: AwareDatetime
    expires_in: int = Field(gt=0, description="Seconds: what clients should use, whatever their clock.")


class PairedFrame(ServerModel):
    """The screen was paired: the client stores the token and sends it in hello from then on."""

    type: Literal["paired"]
    token: str


class WelcomeFrame(ServerModel):
    """The screen is known: who it is, which client version to run and its theme."""

    type: Literal["welcome"]
    screen: ScreenIdentity
    client: str = Field(description="The client version the server serves; another one reloads.")
    theme: Theme = Field(description="The screen's own theme.")


class ManifestFrame(ServerModel):
    """Everything the screen plays."""

    type: Literal["manifest"]
    manifest: Manifest


class ThemeFrame(ServerModel):
    """The screen's theme changed."""

    type: Literal["theme"]
    theme: Theme


class CampaignsFrame(ServerModel):
    """The screen's campaigns: playlists that take over the whole screen for a window."""

    type: Literal["campaigns"]
    campaigns: Campaigns


class UnpairedFrame(ServerModel):
    """The screen was unpaired: the client forgets its token; the server closes with 4001."""

    type: Literal["unpaired"]


class PlayedAckFrame(ServerModel):
    """Every id of a played batch, malformed events' too: the client forgets only acknowledged events."""

    type: Literal["played.ack"]
    ids: list[str]


class CommandFrame(ServerModel):
    """A remote command from an admin."""

    type: Literal["command"]
    name: ScreenCommand
    screen: ScreenIdentity


class EmergencyFrame(ServerModel):
    """An emergency message, shown over everything until its emergency.end. Plain text."""

    type: Literal["emergency"]
    id: EmergencyId
    heading: str
    text: str = Field(description="May contain line breaks and may be empty.")


class EmergencyEndFrame(ServerModel):
    """The emergency message is over; an id the client does not show is ignored."""

    type: Literal["emergency.end"]
    id: EmergencyId


class HeartbeatAckFrame(ServerModel):
    """The answer to every heartbeat."""

    type: Literal["heartbeat.ack"]


class ErrorFrame(ServerModel):
    """What was wrong with a frame (docs/protocol.md, "error")."""

    type: Literal["error"]
    code: ErrorCode
    message: str


ServerFrame = Annotated[
    PairingCodeFrame
    | PairedFrame
    | WelcomeFrame
    | ManifestFrame
    | ThemeFrame
    | CampaignsFrame
    | UnpairedFrame
    | PlayedAckFrame
    | CommandFrame
    | EmergencyFrame
    | EmergencyEndFrame
    | HeartbeatAckFrame
    | ErrorFrame,
    Field(discriminator="type"),
]
SERVER_FRAME: Final[TypeAdapter[ServerFrame]] = TypeAdapter(ServerFrame)


def encode(message: Mapping[str, Any]) -> str:
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False)


def emergency_frame(*, emergency_id: int, heading: str, text: str) -> str:
    return EmergencyFrame(type="emergency", id=emergency_id, heading=heading, text=text).model_dump_json()


def emergency_end_frame(emergency_id: int) -> str:
    return EmergencyEndFrame(type="emergency.end", id=emergency_id).model_dump_json()


def error_frame(error: ProtocolError) -> str:
    return ErrorFrame(type="error", code=error.code, message=error.message).model_dump_json()
