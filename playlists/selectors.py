from .models import PlaylistItem


def playlists_with_slide(*, slide_id: int) -> set[int]:
    return set(PlaylistItem.objects.filter(slide_id=slide_id).values_list("playlist_id", flat=True))


def playlists_with_theme(*, theme_id: int) -> set[int]:
    """Playlists whose manifests carry the theme: those with a published slide of that theme."""
    items = PlaylistItem.objects.filter(slide__theme_id=theme_id, slide__live=True)
    return set(items.values_list("playlist_id", flat=True))
