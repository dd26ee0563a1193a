from datetime import datetime

from playlists.models import PlaylistItem

from .content_keys import layout_key, playlist_key
from .models import LayoutRegionPlaylist, PairingCode, Screen
from .pairing import hash_token, is_code_usable, normalise_code


def screen_by_token(*, token: str) -> Screen | None:
    return Screen.objects.select_related("location").filter(token_hash=hash_token(token)).first()


def pairing_code_waiting(*, code: str, now: datetime) -> PairingCode | None:
    """The waiting pairing code matching what an admin typed, if it is still usable."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    pairing = PairingCode.objects.filter(code=normalised).first()
    if pairing is None or not is_code_usable(expires_at=pairing.expires_at, used_at=pairing.used_at, now=now):
        return None
    return pairing


def pairing_codes_recent(*, client_address: str, since: datetime) -> int:
    return PairingCode.objects.filter(client_address=client_address, created_at__gte=since).count()


def playlists_with_slide(*, slide_id: int) -> set[int]:
    return set(PlaylistItem.objects.filter(slide_id=slide_id).values_list("playlist_id", flat=True))


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


def contents_with_slide(*, slide_id: int) -> set[str]:
    return contents_with_playlists(playlist_ids=playlists_with_slide(slide_id=slide_id))


def screen_for_playing(*, screen_id: int, token_hash: str) -> Screen | None:
    """The screen, if the token a socket authenticated with is still its token (not revoked, not re-paired)."""
    return Screen.objects.select_related("location").filter(pk=screen_id, token_hash=token_hash).first()
