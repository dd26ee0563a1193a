"""Which screens are online: heard from within the last minute."""

from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from screens.fleet.models import Screen
from tests.factories import make_screen
from tests.screens.test_live import playing_screen

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_screen_is_online_while_heard_from_within_the_window(settings):
    screen, _ = make_screen()
    assert not screen.is_online  # never seen
    screen.last_seen_at = timezone.now() - timedelta(seconds=settings.SCREEN_ONLINE_WINDOW - 5)
    assert screen.is_online
    screen.last_seen_at = timezone.now() - timedelta(seconds=settings.SCREEN_ONLINE_WINDOW + 1)
    assert not screen.is_online


def test_heartbeats_keep_a_screen_online_often_enough(settings):
    assert settings.SCREEN_LAST_SEEN_INTERVAL + 30 < settings.SCREEN_ONLINE_WINDOW  # 30 s: the client's heartbeat


@pytest.mark.asyncio
async def test_connecting_and_heartbeats_record_last_seen(settings):
    screen, token = await database_sync_to_async(make_screen)()
    communicator = await playing_screen(token)
    assert (await database_sync_to_async(Screen.objects.get)(pk=screen.pk)).is_online

    long_ago = timezone.now() - timedelta(minutes=5)
    await database_sync_to_async(Screen.objects.filter(pk=screen.pk).update)(last_seen_at=long_ago)
    await communicator.send_json_to({"type": "heartbeat"})
    assert await communicator.receive_json_from() == {"type": "heartbeat.ack"}
    assert (await database_sync_to_async(Screen.objects.get)(pk=screen.pk)).is_online
    await communicator.disconnect()
