"""Where slides and playlists are used, counted in the listing's own query (not a query per row).

A screen shows a playlist full screen when it has no layout, or in a region of its layout; the two
are counted apart (a screen is one or the other) and added. Screens are reached through the reverse
relations the screens app declares (`Playlist.screens`, `Playlist.layout_regions`).
"""

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Playlist, PlaylistItem

# Paths from a playlist to the paired screens that show it, and what keeps each path to its own screens.
FULL_SCREEN = ("screens", {"screens__token_hash__isnull": False, "screens__layout__isnull": True})
IN_A_LAYOUT = (
    "layout_regions__layout__screens",
    {"layout_regions__layout__screens__token_hash__isnull": False},
)


def _count(queryset: QuerySet, group_by: str, counted: str) -> Coalesce:
    """A correlated COUNT(DISTINCT counted) of `queryset`, 0 when it is empty."""
    counts = queryset.order_by().values(group_by).annotate(n=Count(counted, distinct=True)).values("n")
    return Coalesce(Subquery(counts), 0)


def _screens_showing(queryset: QuerySet, group_by: str, prefix: str):
    """The paired screens that show the published playlists `prefix` leads to from `queryset`, on either path."""
    total = None
    for path, conditions in (FULL_SCREEN, IN_A_LAYOUT):
        where = {f"{prefix}{name}": value for name, value in conditions.items()}
        count = _count(queryset.filter(**{f"{prefix}live": True}, **where), group_by, f"{prefix}{path}")
        total = count if total is None else total + count
    return total


def slides_with_usage(slides: QuerySet) -> QuerySet:
    """Annotate `playlist_count` (playlists holding the slide) and `screen_count` (paired screens that show
    it: the slide and a playlist holding it published, the playlist full screen or in the screen's layout)."""
    items = PlaylistItem.objects.filter(slide=OuterRef("pk"))
    return slides.annotate(
        playlist_count=_count(items, "slide", "playlist"),
        screen_count=_screens_showing(items.filter(slide__live=True), "slide", "playlist__"),
    )


def playlists_with_usage(playlists: QuerySet) -> QuerySet:
    """Annotate `screen_count`: the paired screens that show the published playlist, full screen or in a layout."""
    return playlists.annotate(screen_count=_screens_showing(Playlist.objects.filter(pk=OuterRef("pk")), "pk", ""))
