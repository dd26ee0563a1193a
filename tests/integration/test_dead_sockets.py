"""A screen that falls silent (power cut, dead network) is noticed by the server and let go."""

import base64
import json
import os
import socket
import struct
import time

import pytest

from display.serve import DAPHNE_DEFAULTS
from tests.factories import make_playlist, make_screen, make_slide
from tests.servers import DaphneServer

pytestmark = pytest.mark.django_db(transaction=True)


def masked_text_frame(text: str) -> bytes:
    payload = text.encode()
    mask = os.urandom(4)
    header = struct.pack("!BB", 0x81, 0x80 | len(payload))  # short frames only: fine for a hello
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def silent_screen(port: int, token: str) -> socket.socket:
    """Opens a WebSocket by hand, says hello, and from then on never answers a ping."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET /ws/screen/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n"
        ).encode()
    )
    assert b" 101 " in sock.recv(4096).split(b"\r\n", 1)[0]
    sock.sendall(masked_text_frame(json.dumps({"type": "hello", "protocol": 1, "token": token})))
    return sock


def seconds_until_closed_by_server(sock: socket.socket, limit: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            if not sock.recv(65536):  # reading is not answering: pings go unanswered
                break
        except ConnectionResetError:
            break
    else:
        raise AssertionError(f"the server kept a silent screen for more than {limit} s")
    return time.monotonic() - started


def test_a_silent_screen_is_disconnected_after_the_ping_timeout(server_logs, measurements):
    _, token = make_screen(playlist=make_playlist(slides=[make_slide()]))
    server = DaphneServer(log_dir=server_logs, daphne_args=["--ping-interval", "1", "--ping-timeout", "2"])
    try:
        sock = silent_screen(server.port, token)
        dropped_after = seconds_until_closed_by_server(sock, limit=20)
        assert dropped_after >= 1, "dropped at once: not for silence"
        measurements["silent screen dropped, ping 1 s + timeout 2 s (s)"] = round(dropped_after, 1)
    finally:
        server.stop()


def test_production_ping_settings_notice_a_silent_screen_within_60_seconds():
    options = dict(zip(DAPHNE_DEFAULTS[::2], DAPHNE_DEFAULTS[1::2], strict=True))
    assert int(options["--ping-interval"]) + int(options["--ping-timeout"]) <= 60
