"""A screen's complete document: what it plays, built once per distinct content.

The WebSocket push, the answer to a screen's hello and the admin preview all use this module, so
what an editor previews is what a screen plays.
"""

import hashlib
import json
import time
from dataclasses import dataclass, field

from playlists.models import Playlist, PlaylistItem, Slide
from themes.payload import logo_media, theme_payload

from .protocol import encode


@dataclass(frozen=True)
class Manifest:
    body: dict
    # When the database read behind it began: of two manifests, the later-read one is the newer.
    built_at: float
    message: str = field(init=False)

    def __post_init__(self):
        # Serialised once here, then sent as-is to every screen that shows it.
        object.__setattr__(self, "message", encode({"type": "manifest", "manifest": self.body}))

    @property
    def version(self) -> str:
        return self.body["version"]


def content_version(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:20]


def slide_payload(slide: Slide) -> dict | None:
    """What a screen needs to render one slide; None for a slide without content."""
    if not slide.content:
        return None
    block = slide.content[0]
    payload = block.block.screen_payload(block.value)
    # A slide's own theme travels with it; without one (null) the screen's theme applies.
    theme = theme_payload(slide.theme) if slide.theme_id else None
    return {
        "id": slide.pk,
        "type": block.block_type,
        "title": slide.title,
        "duration": slide.duration,
        **payload,
        "theme": theme,
        "media": payload.get("media", []) + logo_media(theme),
    }


def build_manifest(*, playlist: Playlist | None, slides: list[Slide], built_at: float | None = None) -> Manifest:
    content = {
        "playlist": {"id": playlist.pk, "title": playlist.title} if playlist else None,
        "slides": [payload for payload in map(slide_payload, slides) if payload],
    }
    return Manifest({"version": content_version(content), **content}, built_at=built_at or time.time())


def manifest_for_playlist(playlist_id: int | None) -> Manifest:
    """The published content of a playlist, as screens must see it: drafts never reach a screen."""
    started = time.time()
    playlist = Playlist.objects.filter(pk=playlist_id, live=True).first() if playlist_id else None
    if playlist is None:
        return build_manifest(playlist=None, slides=[], built_at=started)
    items = (
        PlaylistItem.objects.filter(playlist=playlist, slide__live=True)
        .select_related("slide__theme__logo")
        .order_by("sort_order", "pk")
    )
    return build_manifest(playlist=playlist, slides=[item.slide for item in items], built_at=started)


def manifests_by_playlist(playlist_ids: set[int | None]) -> dict[int | None, Manifest]:
    """One manifest per distinct playlist: screens that share content share one built manifest."""
    return {playlist_id: manifest_for_playlist(playlist_id) for playlist_id in playlist_ids}


def preview_manifest(obj: Slide | Playlist) -> Manifest:
    """The manifest of an object as it stands in the editor, drafts included."""
    if isinstance(obj, Playlist):
        # The playlist as edited, with the slides a screen would show: published ones.
        slides = [item.slide for item in obj.items.all() if item.slide_id and item.slide.live]
        return build_manifest(playlist=obj, slides=slides)
    return build_manifest(playlist=None, slides=[obj])
