from datetime import datetime

from django.db.models import Q

from core.pairing import hash_token, is_code_usable, normalise_code
from themes.payload import SCREEN_THEMES, screen_theme

from .models import PairingCode, Screen


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


def screen_for_playing(*, screen_id: int, token_hash: str) -> Screen | None:
    """The screen, if the token a socket authenticated with is still its token (not revoked, not re-paired)."""
    return Screen.objects.select_related(*SCREEN_THEMES).filter(pk=screen_id, token_hash=token_hash).first()


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
