"""The screen protocol (docs/protocol.md): frame parsing and message shapes, free of Channels."""

import json
from dataclasses import dataclass
from datetime import datetime

PROTOCOL_VERSIONS = frozenset({1})
MAX_FRAME_BYTES = 65_536
CLIENT_TYPES = frozenset({"hello", "heartbeat", "status", "played", "emergency.ack"})
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


@dataclass(frozen=True)
class ProtocolError(Exception):
    code: str
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
BAD_EMERGENCY_ACK = ProtocolError("bad_emergency_ack", "'emergency.ack' needs the integer 'id' of an emergency message.")
UNKNOWN_EMERGENCY = ProtocolError("unknown_emergency", "No emergency message with this id was sent to this screen.")


def parse_frame(text: str) -> dict:
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
    return message


def parse_hello(message: dict) -> tuple[str | None, str | None]:
    """(token, version held by the client) from a hello frame."""
    if message.get("protocol") not in PROTOCOL_VERSIONS:
        raise UNSUPPORTED
    token, version = message.get("token"), message.get("version")
    token = token if isinstance(token, str) and token else None
    version = version if isinstance(version, str) and version else None
    return token, version


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def hello_emergencies(message: dict) -> list[int]:
    """The emergency messages the client says it shows (docs/protocol.md, hello); anything else is ignored."""
    shown = message.get("emergencies")
    if not isinstance(shown, list):
        return []
    return [value for value in shown[:MAX_HELLO_EMERGENCIES] if _is_id(value)]


def parse_emergency_ack(message: dict) -> int:
    if not _is_id(message.get("id")):
        raise BAD_EMERGENCY_ACK
    return message["id"]


def emergency_frame(*, emergency_id: int, heading: str, text: str) -> str:
    return encode({"type": "emergency", "id": emergency_id, "heading": heading, "text": text})


def emergency_end_frame(emergency_id: int) -> str:
    return encode({"type": "emergency.end", "id": emergency_id})


def _text(value, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def parse_status(message: dict) -> dict:
    """The screen's report of itself, reduced to known fields of bounded size (it is shown to admins)."""
    errors = message.get("errors") if isinstance(message.get("errors"), list) else []
    slide, uptime = message.get("slide"), message.get("uptime")
    return {
        "client": _text(message.get("client"), 32),
        "slide": slide if isinstance(slide, int) and not isinstance(slide, bool) else None,
        "uptime": int(uptime) if isinstance(uptime, int | float) and 0 <= uptime < 10**9 else None,
        "resolution": _text(message.get("resolution"), 32),
        "user_agent": _text(message.get("user_agent"), 300),
        "offline_cache": _text(message.get("offline_cache"), 32),
        "errors": [
            {"at": _text(error.get("at"), 40), "message": _text(error.get("message"), 200)}
            for error in errors[-MAX_STATUS_ERRORS:]
            if isinstance(error, dict)
        ],
    }


@dataclass(frozen=True)
class Played:
    """One slide shown on a screen: proof of play."""

    id: str
    slide: int
    started_at: datetime
    duration: float


def parse_played(message: dict) -> list[Played]:
    """The well-formed events of a batch; a malformed event is dropped, not the batch."""
    events = message.get("events")
    if not isinstance(events, list) or len(events) > MAX_PLAYED_BATCH:
        raise ProtocolError("bad_played", f"'events' must be a list of at most {MAX_PLAYED_BATCH} events.")
    return [event for event in map(_played_event, events) if event is not None]


def played_ids(message: dict) -> list[str]:
    """Every id in a batch, to acknowledge: malformed events are dropped once, not resent forever."""
    return [e["id"][:64] for e in message.get("events", []) if isinstance(e, dict) and isinstance(e.get("id"), str)]


def _played_event(event) -> Played | None:
    if not isinstance(event, dict):
        return None
    event_id, slide, duration = event.get("id"), event.get("slide"), event.get("duration")
    try:
        started_at = datetime.fromisoformat(event.get("started_at"))
    except (TypeError, ValueError):
        return None
    if (
        not isinstance(event_id, str)
        or not 0 < len(event_id) <= 64
        or not isinstance(slide, int)
        or isinstance(slide, bool)
        or not isinstance(duration, int | float)
        or not 0 <= duration <= 86_400
        or started_at.tzinfo is None
    ):
        return None
    return Played(event_id, slide, started_at, float(duration))


def encode(message: dict) -> str:
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False)


def error_frame(error: ProtocolError) -> str:
    return encode({"type": "error", "code": error.code, "message": error.message})
