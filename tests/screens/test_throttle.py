import pytest
from channels.db import database_sync_to_async

from core.throttle import TokenBucket
from tests.factories import make_screen
from tests.screens.test_live import playing_screen


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_a_bucket_allows_a_burst_then_its_rate():
    clock = Clock()
    bucket = TokenBucket(rate=0.5, burst=3, clock=clock)
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]
    clock.now = 1.9
    assert not bucket.take()
    clock.now = 2.0
    assert bucket.take() and not bucket.take()
    clock.now = 1000
    assert sum(bucket.take() for _ in range(10)) == 3  # never more than the burst


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_screen_flooding_proof_of_play_is_told_to_send_again_later():
    _, token = await database_sync_to_async(make_screen)()
    communicator = await playing_screen(token)
    replies = []
    for _ in range(70):
        await communicator.send_json_to({"type": "played", "events": []})
        replies.append((await communicator.receive_json_from())["type"])
    assert replies.count("played.ack") >= 60 and replies[-1] == "error"
    await communicator.send_json_to({"type": "heartbeat"})
    assert (await communicator.receive_json_from()) == {"type": "heartbeat.ack"}  # still connected
    await communicator.disconnect()
