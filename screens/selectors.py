from datetime import datetime

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from playlists.models import PlaylistItem
from themes.payload import SCREEN_THEMES, screen_theme

from .content_keys import layout_key, playlist_key
from .models import LayoutRegionPlaylist, PairingCode, Screen
from .pairing import hash_token, is_code_usable, normalise_code


def screen_by_token(*, token: str) -> Screen | None:
    return Screen.objects.select_related(*SCREEN_THEMES).filter(token_hash=hash_token(token)).first()


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


def screen_for_playing(*, screen_id: int, token_hash: str) -> Screen | None:
    """The screen, if the token a socket authenticated with is still its token (not revoked, not re-paired)."""
    return Screen.objects.select_related(*SCREEN_THEMES).filter(pk=screen_id, token_hash=token_hash).first()


def playlists_with_theme(*, theme_id: int) -> set[int]:
    """Playlists whose manifests carry the theme: those with a published slide of that theme."""
    items = PlaylistItem.objects.filter(slide__theme_id=theme_id, slide__live=True)
    return set(items.values_list("playlist_id", flat=True))


def screens_themed_by(*, theme_id: int) -> Q:
    """The screens that show this theme: their location's, or their organisation's where the location has none."""
    return Q(location__theme_id=theme_id) | Q(organisation__theme_id=theme_id, location__theme__isnull=True)


def screens_at(*, location_id: int) -> Q:
    return Q(location_id=location_id)


def screens_themed_by_organisation(*, organisation_id: int) -> Q:
    """The screens whose theme is their organisation's (their location has none)."""
    return Q(organisation_id=organisation_id, location__theme__isnull=True)


def screen_themes(*, screens: Q) -> list[dict]:
    """The paired screens chosen, grouped by the theme they show: [{"screens": [ids], "theme": payload}].
    One query, and a theme payload per distinct theme, however many screens."""
    groups: dict[int | None, dict] = {}
    for screen in Screen.objects.filter(screens, token_hash__isnull=False).select_related(*SCREEN_THEMES):
        key = screen.location.theme_id or screen.organisation.theme_id
        if key not in groups:
            groups[key] = {"screens": [], "theme": screen_theme(screen)}
        groups[key]["screens"].append(screen.pk)
    return list(groups.values())


def _count(queryset: QuerySet, group_by: str, counted: str) -> Coalesce:
    """A correlated COUNT(DISTINCT counted) of `queryset`, 0 when it is empty."""
    counts = queryset.order_by().values(group_by).annotate(n=Count(counted, distinct=True)).values("n")
    return Coalesce(Subquery(counts), 0)


def playing_screens() -> QuerySet[Screen]:
    """Screens that show their playlist: paired, and the playlist published."""
    return Screen.objects.filter(token_hash__isnull=False, playlist__live=True)


def slides_with_usage(slides: QuerySet) -> QuerySet:
    """Annotate `playlist_count` (playlists holding the slide) and `screen_count` (screens that show it: the
    slide and a playlist holding it published, the screen paired), in the listing's own query."""
    return slides.annotate(
        playlist_count=_count(PlaylistItem.objects.filter(slide=OuterRef("pk")), "slide", "playlist"),
        screen_count=_count(
            playing_screens().filter(playlist__items__slide=OuterRef("pk"), playlist__items__slide__live=True),
            "playlist__items__slide",
            "pk",
        ),
    )


def playlists_with_usage(playlists: QuerySet) -> QuerySet:
    """Annotate `screen_count`: the screens that show the playlist (it published, the screen paired)."""
    return playlists.annotate(screen_count=_count(playing_screens().filter(playlist=OuterRef("pk")), "playlist", "pk"))
