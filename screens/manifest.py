"""A screen's complete document: what it plays, built once per distinct content (a content key).

Every manifest has the same shape: a grid layout whose regions each play playlists in order. A screen
without a layout plays its playlist in the one region of the full-screen template.

The WebSocket push, the answer to a screen's hello and the admin preview all use this module, so
what an editor previews is what a screen plays.
"""

import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from playlists.models import Playlist, PlaylistItem, Slide
from playlists.timeline import Entry, timeline_resolve
from playlists.timeline_payload import HORIZON, day_start, regions_payload
from themes.payload import logo_media, theme_payload

from .content_keys import LAYOUT, PLAYLIST, parse_content_key
from .layouts import FULL, MAIN, TEMPLATES, LayoutTemplate, layout_template
from .models import Layout, LayoutRegionPlaylist
from .protocol import encode

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
        # Its expiry, so a screen takes it off on time even while offline.
        "until": timezone.localtime(slide.expire_at).isoformat() if slide.expire_at else None,
    }


def playlist_payload(*, playlist_id: int, title: str, slides: list[Slide]) -> dict:
    """One playlist as screens see it; its own version lets a client tell which regions changed."""
    content = {"id": playlist_id, "title": title, "slides": [payload for payload in map(slide_payload, slides) if payload]}
    return {**content, "version": content_version(content)}


def build_manifest(
    *, template: LayoutTemplate, regions: dict[str, list[dict]], timeline: dict | None = None, built_at: float | None = None
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


def live_slides(playlist_ids: set[int]) -> dict[int, list[Slide]]:
    """The published slides of each playlist, in order, in one query."""
    slides = defaultdict(list)
    if playlist_ids:
        items = (
            PlaylistItem.objects.filter(playlist_id__in=playlist_ids, slide__live=True)
            .select_related("slide__theme__logo")
            .order_by("playlist_id", "sort_order", "pk")
        )
        for item in items:
            slides[item.playlist_id].append(item.slide)
    return slides


def placements_timeline(template: LayoutTemplate, placements: list[tuple[str, Playlist]], now=None):
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
    template: LayoutTemplate, placements: list[tuple[str, Playlist]], built_at: float | None = None, now=None
) -> Manifest:
    """The manifest of playlists placed in regions, (region, playlist) in play order, with their published
    slides and the timeline of when each plays."""
    playlists = {playlist.pk: playlist for _, playlist in placements}
    slides = live_slides(set(playlists))
    payloads = {
        pk: playlist_payload(playlist_id=pk, title=playlist.title, slides=slides[pk]) for pk, playlist in playlists.items()
    }
    regions = defaultdict(list)
    for region, playlist in placements:
        regions[region].append(payloads[playlist.pk])
    timeline = regions_payload(placements_timeline(template, placements, now))
    return build_manifest(template=template, regions=regions, timeline=timeline, built_at=built_at)


def content_placements(key: str) -> tuple[LayoutTemplate, list[tuple[str, Playlist]]]:
    """The grid of a content key and its published playlists placed in regions, in play order."""
    kind, pk = parse_content_key(key)
    if kind == LAYOUT:
        layout = Layout.objects.filter(pk=pk).first()
        if layout is not None:
            rows = (
                LayoutRegionPlaylist.objects.filter(layout=layout, playlist__live=True)
                .select_related("playlist")
                .prefetch_related("playlist__schedules")
                .order_by("sort_order", "pk")
            )
            return layout_template(layout.template), [(row.region, row.playlist) for row in rows]
    elif kind == PLAYLIST:
        return FULL_SCREEN, [(MAIN.name, p) for p in Playlist.objects.filter(pk=pk, live=True).prefetch_related("schedules")]
    return FULL_SCREEN, []


def manifest_for(key: str, now=None) -> Manifest:
    """The published content behind a content key, as screens must see it: drafts never reach a screen.
    Its timeline starts on the day of `now` (default: today).

    A layout costs four queries and a playlist three, whatever the number of screens showing them."""
    started = time.time()
    template, placements = content_placements(key)
    return placed_manifest(template, placements, built_at=started, now=now)


def manifests_for(keys: set[str]) -> dict[str, Manifest]:
    """One manifest per distinct content: screens that share content share one built manifest."""
    return {key: manifest_for(key) for key in keys}


def preview_manifest(obj: Slide | Playlist | Layout) -> Manifest:
    """The manifest of an object as it stands in the editor, drafts included, with the published slides
    of the playlists it names (what a screen would show)."""
    if isinstance(obj, Layout):
        rows = sorted(obj.region_playlists.all(), key=lambda row: row.sort_order or 0)
        placements = [(row.region, row.playlist) for row in rows if row.playlist_id and row.playlist.live]
        return placed_manifest(layout_template(obj.template), placements)
    if isinstance(obj, Playlist):
        slides = [item.slide for item in obj.items.all() if item.slide_id and item.slide.live]
    else:
        slides = [obj]  # a slide plays as a playlist of one
    entry = playlist_payload(playlist_id=obj.pk or 0, title=str(obj), slides=slides)
    return build_manifest(template=FULL_SCREEN, regions={MAIN.name: [entry]})
