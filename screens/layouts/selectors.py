from core.content_keys import layout_key, playlist_key

from .models import LayoutRegionPlaylist


def layouts_with_playlists(*, playlist_ids: set[int]) -> set[int]:
    if not playlist_ids:
        return set()
    rows = LayoutRegionPlaylist.objects.filter(playlist_id__in=playlist_ids)
    return set(rows.values_list("layout_id", flat=True).distinct())


def contents_with_playlists(*, playlist_ids: set[int]) -> set[str]:
    """The content keys a change of these playlists affects: each played full screen, and every layout
    that has one in a region. Two queries at most, however many screens show them."""
    layouts = layouts_with_playlists(playlist_ids=playlist_ids)
    return {playlist_key(pk) for pk in playlist_ids} | {layout_key(pk) for pk in layouts}
