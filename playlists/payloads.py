"""Slides and playlists as screens receive them, and the manifest document that carries them.

Every manifest has the same shape: a grid layout whose regions each play playlists in order. A screen
without a layout plays its playlist in the one region of the full-screen template. The WebSocket push,
the answer to a screen's hello and the admin preview all build it here, so what an editor previews is
what a screen plays. Pure of queries: callers read the rows (`PlaylistItem.objects.live_slides`).
"""

import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from core.grids import FULL, MAIN, TEMPLATES, LayoutTemplate
from core.protocol import encode
from core.timeline import Entry, timeline_resolve
from core.timeline_payload import HORIZON, day_start, regions_payload
from themes.payload import logo_media, theme_payload

FULL_SCREEN = TEMPLATES[FULL]


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


def slide_payload(slide) -> dict | None:
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
        # Its expiry, so a screen takes it off on time even while offline.
        "until": timezone.localtime(slide.expire_at).isoformat() if slide.expire_at else None,
    }


def playlist_payload(*, playlist_id: int, title: str, slides: list) -> dict:
    """One playlist as screens see it; its own version lets a client tell which regions changed."""
    content = {
        "id": playlist_id,
        "title": title,
        "slides": [payload for payload in map(slide_payload, slides) if payload],
    }
    return {**content, "version": content_version(content)}


def build_manifest(
    *,
    template: LayoutTemplate,
    regions: dict[str, list[dict]],
    timeline: dict | None = None,
    built_at: float | None = None,
) -> Manifest:
    """The document for a grid whose regions play these playlist payloads, in order; regions the template
    lacks are left out. With a timeline, each region plays the playlists its current interval names;
    without one (a preview of a playlist or a slide), all of them, always."""
    names = template.region_names()
    layout = {
        **template.grid(),
        "regions": [{"name": name, "playlists": [entry["id"] for entry in regions.get(name, [])]} for name in names],
    }
    playlists = {str(entry["id"]): entry for name in names for entry in regions.get(name, [])}
    content = {"layout": layout, "playlists": playlists}
    if timeline is not None:
        content["timeline"] = timeline
    return Manifest({"version": content_version(content), **content}, built_at=built_at or time.time())


def single_playlist_manifest(*, playlist_id: int, title: str, slides: list) -> Manifest:
    """A playlist (or a slide, as a playlist of one) full screen, always: what the editor's preview shows."""
    entry = playlist_payload(playlist_id=playlist_id, title=title, slides=slides)
    return build_manifest(template=FULL_SCREEN, regions={MAIN.name: [entry]})


def placements_timeline(template: LayoutTemplate, placements: list[tuple[str, object]], now=None):
    """When each region plays which of its playlists, from the start of the local day for the horizon:
    a playlist plays during its schedules (always, without any) until its expiry."""
    zone = ZoneInfo(settings.TIME_ZONE)
    entries = {name: [] for name in template.region_names()}
    for region, playlist in placements:
        if region in entries:
            schedules = tuple(schedule.recurrence() for schedule in playlist.schedules.all())
            entries[region].append(Entry(playlist.pk, schedules, live_until=playlist.expire_at))
    return timeline_resolve(regions=entries, now=day_start(now or timezone.now(), zone), horizon=HORIZON, zone=zone)


def placed_manifest(
    template: LayoutTemplate,
    placements: list[tuple[str, object]],
    slides: Mapping[int, list],
    built_at: float | None = None,
    now=None,
) -> Manifest:
    """The manifest of playlists placed in regions, (region, playlist) in play order, with each playlist's
    published slides (`slides`, by playlist id) and the timeline of when each plays."""
    playlists = {playlist.pk: playlist for _, playlist in placements}
    payloads = {
        pk: playlist_payload(playlist_id=pk, title=playlist.title, slides=slides.get(pk, []))
        for pk, playlist in playlists.items()
    }
    regions = defaultdict(list)
    for region, playlist in placements:
        regions[region].append(payloads[playlist.pk])
    timeline = regions_payload(placements_timeline(template, placements, now))
    return build_manifest(template=template, regions=regions, timeline=timeline, built_at=built_at)
