"""RSS and Atom feeds as plain-text entries (pure: bytes in, JSON-ready data out)."""

import io
from datetime import UTC, datetime

import feedparser

from . import errors
from .text import plain_text

MAX_ENTRIES = 20
TITLE_LENGTH = 200
SUMMARY_LENGTH = 400


def image_url_of(entry) -> str:
    """The entry's picture as the feed names it (media:thumbnail, media:content or an image enclosure)."""
    for thumbnail in entry.get("media_thumbnail") or []:
        if thumbnail.get("url"):
            return thumbnail["url"]
    for media in entry.get("media_content") or []:
        if media.get("url") and (media.get("medium") == "image" or str(media.get("type", "")).startswith("image/")):
            return media["url"]
    for link in entry.get("links") or []:
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/") and link.get("href"):
            return link["href"]
    return ""


def published_of(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*stamp[:6], tzinfo=UTC).isoformat() if stamp else None


def news_parse(body: bytes) -> dict:
    """{"title", "entries": [{"title", "summary", "published", "image_url"}]}; FeedError if not a feed."""
    parsed = feedparser.parse(io.BytesIO(body))  # a stream: feedparser fetches URLs given as strings
    if not parsed.get("version") or not parsed.entries:
        raise errors.not_a_feed()
    entries = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        title = plain_text(entry.get("title"), limit=TITLE_LENGTH)
        summary = plain_text(entry.get("summary"), limit=SUMMARY_LENGTH)
        if title or summary:
            entries.append(
                {"title": title, "summary": summary, "published": published_of(entry), "image_url": image_url_of(entry)}
            )
    return {"title": plain_text(parsed.feed.get("title"), limit=TITLE_LENGTH), "entries": entries}
