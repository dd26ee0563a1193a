"""Feed content as screens see it: the last good copy, refreshed when due by one process at a time.

Rows in `FeedCache` are shared by every process: whoever first finds a feed due claims the refresh
with a conditional UPDATE of `next_fetch_at`, and the others keep serving the stored copy. A manifest
build waits for a refresh at most FEEDS_MANIFEST_WAIT_SECONDS, then goes on with the last good copy;
the refresh finishes in the background and screens get its result at their next reconcile.
"""

import http.client
import logging
import threading
import time
from datetime import timedelta
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connections
from django.utils import timezone

from . import errors
from .calendar import calendar_parse
from .fetcher import Response, fetch
from .images import stored_image
from .models import FeedCache
from .news import news_parse

logger = logging.getLogger(__name__)

MAX_IMAGES = 10


def news_content(response: Response) -> dict:
    content = news_parse(response.body)
    ends_at = time.monotonic() + settings.FEEDS_IMAGES_SECONDS
    for number, entry in enumerate(content["entries"]):
        source = entry.pop("image_url")
        wanted = source and number < MAX_IMAGES and time.monotonic() < ends_at
        entry["image"] = stored_image(urljoin(response.url, source)) if wanted else None
    return content


def calendar_content(response: Response) -> dict:
    return calendar_parse(response.body, now=timezone.now(), zone=ZoneInfo(settings.TIME_ZONE))


# Kind → (what to ask the server for, how to turn its answer into stored content).
KINDS = {
    "news": ("application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5", news_content),
    "calendar": ("text/calendar, */*;q=0.5", calendar_content),
}


def lease() -> timedelta:
    """How long a claimed refresh may take before another process may try: longer than any fetch."""
    return timedelta(seconds=settings.FEEDS_DEADLINE_SECONDS * 2 + settings.FEEDS_IMAGES_SECONDS + 30)


def feed_row(kind: str, url: str) -> FeedCache:
    row, _ = FeedCache.objects.get_or_create(kind=kind, url=url, defaults={"next_fetch_at": timezone.now()})
    return row


def feed_claim(row: FeedCache) -> bool:
    """True for the one caller that gets to refresh a due feed."""
    now = timezone.now()
    return FeedCache.objects.filter(pk=row.pk, next_fetch_at__lte=now).update(next_fetch_at=now + lease()) == 1


def feed_refresh(row: FeedCache) -> errors.FeedError | None:
    """Fetch and parse now; store the content, or the error next to the last good content."""
    accept, content_of = KINDS[row.kind]
    try:
        content = content_of(fetch(row.url, accept=accept))
    except Exception as error:
        if not isinstance(error, errors.FeedError):
            logger.exception("Reading feed %s failed", row.url)
            error = errors.unreadable()
        now = timezone.now()
        retry = timedelta(seconds=settings.FEEDS_RETRY_SECONDS)
        FeedCache.objects.filter(pk=row.pk).update(error=str(error), error_at=now, next_fetch_at=now + retry)
        return error
    store_content(row, content)
    return None


def store_content(row: FeedCache, content: dict) -> None:
    now = timezone.now()
    FeedCache.objects.filter(pk=row.pk).update(
        content=content,
        fetched_at=now,
        error="",
        error_at=None,
        next_fetch_at=now + timedelta(seconds=settings.FEEDS_REFRESH_SECONDS),
    )


def feed_store(kind: str, url: str, body: bytes) -> None:
    """Store `body` as if just fetched from `url` (the demo's feeds, read from the repository)."""
    headers = http.client.HTTPMessage()
    store_content(feed_row(kind, url), KINDS[kind][1](Response(url, 200, headers, body)))


def refresh_in_thread(row: FeedCache) -> None:
    try:
        feed_refresh(row)
    finally:
        connections.close_all()  # this thread's own connections


def feed_content(kind: str, url: str, *, wait: float | None = None) -> dict | None:
    """The feed's last good content (None if it never had any), refreshed first if due.

    Waits at most `wait` seconds (FEEDS_MANIFEST_WAIT_SECONDS by default) for a refresh.
    """
    row = feed_row(kind, url)
    if row.next_fetch_at <= timezone.now() and feed_claim(row):
        worker = threading.Thread(target=refresh_in_thread, args=(row,), daemon=True, name=f"feed {row.pk}")
        worker.start()
        worker.join(settings.FEEDS_MANIFEST_WAIT_SECONDS if wait is None else wait)
        row.refresh_from_db(fields=["content"])
    return row.content


def feed_check(kind: str, url: str) -> None:
    """For an editor saving a slide: raises FeedError unless the feed can be read now.

    A copy fetched without error within the refresh interval counts, so saving and previewing
    again does not fetch again.
    """
    row = feed_row(kind, url)
    fresh_since = timezone.now() - timedelta(seconds=settings.FEEDS_REFRESH_SECONDS)
    if row.content is not None and not row.error and row.fetched_at and row.fetched_at > fresh_since:
        return
    error = feed_refresh(row)
    if error:
        raise error
