"""The screen protocol (docs/protocol.md): frame parsing and message shapes, free of Channels."""

import json
from dataclasses import dataclass

PROTOCOL_VERSIONS = frozenset({1})
MAX_FRAME_BYTES = 65_536
CLIENT_TYPES = frozenset({"hello", "heartbeat"})

CLOSE_TOO_LARGE = 1009
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
RATE_LIMITED = ProtocolError("rate_limited", "Too many pairing codes; try again later.", CLOSE_RATE_LIMITED)
SERVER_ERROR = ProtocolError("server_error", "The server could not handle this frame.")


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


def encode(message: dict) -> str:
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False)


def error_frame(error: ProtocolError) -> str:
    return encode({"type": "error", "code": error.code, "message": error.message})
