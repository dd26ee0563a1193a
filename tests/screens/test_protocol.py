import json

import pytest

from core import protocol


def test_a_valid_frame_parses():
    assert protocol.parse_frame('{"type": "heartbeat"}') == {"type": "heartbeat"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("not json", "bad_json"),
        ("[1, 2]", "bad_json"),
        ('"hello"', "bad_json"),
        ("{}", "missing_type"),
        ('{"type": 5}', "missing_type"),
        ('{"type": "launch_missiles"}', "unknown_type"),
    ],
)
def test_bad_frames_name_what_is_wrong(text, code):
    with pytest.raises(protocol.ProtocolError) as raised:
        protocol.parse_frame(text)
    assert raised.value.code == code
    assert raised.value.close_code is None


def test_oversized_frames_are_refused_before_parsing():
    text = json.dumps({"type": "heartbeat", "pad": "x" * protocol.MAX_FRAME_BYTES})
    with pytest.raises(protocol.ProtocolError) as raised:
        protocol.parse_frame(text)
    assert raised.value.close_code == protocol.CLOSE_TOO_LARGE


def test_multibyte_frames_are_measured_in_bytes():
    text = json.dumps({"type": "heartbeat", "pad": "æ" * (protocol.MAX_FRAME_BYTES // 2)}, ensure_ascii=False)
    with pytest.raises(protocol.ProtocolError):
        protocol.parse_frame(text)


def test_hello_gives_token_and_version():
    assert protocol.parse_hello({"type": "hello", "protocol": 1, "token": "t", "version": "v"}) == ("t", "v")
    assert protocol.parse_hello({"type": "hello", "protocol": 1, "token": "", "version": 7}) == (None, None)


def test_hello_with_an_unknown_protocol_version_is_refused():
    with pytest.raises(protocol.ProtocolError) as raised:
        protocol.parse_hello({"type": "hello", "protocol": 99})
    assert raised.value.close_code == protocol.CLOSE_UNSUPPORTED


def test_error_frames_carry_code_and_message():
    frame = json.loads(protocol.error_frame(protocol.INVALID_TOKEN))
    assert frame == {"type": "error", "code": "invalid_token", "message": protocol.INVALID_TOKEN.message}
