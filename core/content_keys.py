"""What a screen plays, by name: a layout, a playlist full screen, or nothing.

A content key names one manifest. Screens that share a key share one built manifest, one channel-layer
group and one fan-out subscription per process, however many screens there are.
"""

LAYOUT = "layout"
PLAYLIST = "playlist"
NOTHING = "none"


def layout_key(layout_id: int) -> str:
    return f"{LAYOUT}-{layout_id}"


def playlist_key(playlist_id: int) -> str:
    return f"{PLAYLIST}-{playlist_id}"


def screen_content_key(*, layout_id: int | None, playlist_id: int | None) -> str:
    """A screen with a layout plays the layout; without one, its playlist full screen."""
    if layout_id:
        return layout_key(layout_id)
    if playlist_id:
        return playlist_key(playlist_id)
    return NOTHING


def parse_content_key(key: str) -> tuple[str, int | None]:
    """(kind, id) of a key made above; ValueError for anything else."""
    if key == NOTHING:
        return NOTHING, None
    kind, _, number = key.partition("-")
    if kind not in {LAYOUT, PLAYLIST} or not number.isdigit():
        raise ValueError(f"Not a content key: {key!r}")
    return kind, int(number)
