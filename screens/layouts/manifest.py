"""A screen's complete document by content key: a layout, or a playlist full screen, built once per
distinct content however many screens show it (`playlists.payloads` shapes it)."""

import time

from core.content_keys import LAYOUT, PLAYLIST, parse_content_key
from core.grids import MAIN, LayoutTemplate, layout_template
from playlists.models import Playlist, PlaylistItem
from playlists.payloads import FULL_SCREEN, Manifest, placed_manifest

from .models import Layout, LayoutRegionPlaylist


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
        return FULL_SCREEN, [
            (MAIN.name, p) for p in Playlist.objects.filter(pk=pk, live=True).prefetch_related("schedules")
        ]
    return FULL_SCREEN, []


def content_manifest(template: LayoutTemplate, placements: list[tuple[str, Playlist]], *, built_at=None, now=None):
    """The manifest of placed playlists with their published slides, read in one query."""
    slides = PlaylistItem.objects.live_slides({playlist.pk for _, playlist in placements})
    return placed_manifest(template, placements, slides, built_at=built_at, now=now)


def manifest_for(key: str, now=None) -> Manifest:
    """The published content behind a content key, as screens must see it: drafts never reach a screen.
    Its timeline starts on the day of `now` (default: today).

    A layout costs four queries and a playlist three, whatever the number of screens showing them."""
    started = time.time()
    template, placements = content_placements(key)
    return content_manifest(template, placements, built_at=started, now=now)


def manifests_for(keys: set[str]) -> dict[str, Manifest]:
    """One manifest per distinct content: screens that share content share one built manifest."""
    return {key: manifest_for(key) for key in keys}
