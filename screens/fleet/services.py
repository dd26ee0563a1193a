"""Writes about screens: pairing codes, pairing and unpairing, what a screen reports, remote commands."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.errors import ServiceError
from core.pairing import generate_code, hash_token, is_rate_limited, new_token
from screens.live import after_commit, reload_screen_on_commit, screen_group, send_to_channel, send_to_group

from .models import PairingCode, Screen
from .selectors import pairing_code_waiting, pairing_codes_recent


class RateLimited(Exception):
    pass


class PairingError(ServiceError):
    field = "pairing_code"


SCREEN_COMMANDS = {"identify": _("Identify"), "reload": _("Reload")}
SCREEN_COMMANDED = "infoscreen.screen.command"
SCREEN_PAIRED = "infoscreen.screen.pair"
SCREEN_UNPAIRED = "infoscreen.screen.unpair"

UNKNOWN_CODE = _("No screen is waiting with this code. Check the code on the screen; codes expire after 15 minutes.")


def pairing_code_issue(*, channel_name: str, client_address: str, now: datetime | None = None) -> PairingCode:
    """A fresh pairing code for a waiting client, unless its address asked for too many lately."""
    now = now or timezone.now()
    window_start = now - timedelta(seconds=settings.PAIRING_RATE_WINDOW)
    if is_rate_limited(
        recent_codes=pairing_codes_recent(client_address=client_address, since=window_start),
        limit=settings.PAIRING_RATE_LIMIT,
    ):
        raise RateLimited
    # Forget codes that can no longer be used nor count toward a rate limit.
    PairingCode.objects.filter(
        created_at__lt=now - timedelta(seconds=max(settings.PAIRING_RATE_WINDOW, settings.PAIRING_CODE_TTL))
    ).delete()
    expires_at = now + timedelta(seconds=settings.PAIRING_CODE_TTL)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return PairingCode.objects.create(
                    code=generate_code(),
                    channel_name=channel_name,
                    client_address=client_address,
                    created_at=now,
                    expires_at=expires_at,
                )
        except IntegrityError:
            continue  # The code is taken: draw another.
    raise RuntimeError("Could not draw an unused pairing code.")


def pairing_codes_expire(*, channel_name: str, now: datetime | None = None) -> None:
    """End the unused codes of a client that went away; they still count toward its rate limit."""
    PairingCode.objects.filter(channel_name=channel_name, used_at__isnull=True).update(expires_at=now or timezone.now())


@transaction.atomic
def screen_pair(
    *, screen: Screen, code: str, user: AbstractBaseUser | None = None, now: datetime | None = None
) -> None:
    """Give the screen a new token and hand it to the client waiting with this code; logged in the audit log."""
    now = now or timezone.now()
    pairing = pairing_code_waiting(code=code, now=now)
    if pairing is None:
        raise PairingError(UNKNOWN_CODE)
    claimed = PairingCode.objects.filter(pk=pairing.pk, used_at__isnull=True).update(used_at=now)
    if not claimed:
        raise PairingError(UNKNOWN_CODE)
    if screen.is_paired:
        after_commit(send_to_group, screen_group(screen.pk), {"type": "screen.unpaired"})
    token = new_token()
    screen.token_hash = hash_token(token)
    screen.paired_at = now
    Screen.objects.filter(pk=screen.pk).update(token_hash=screen.token_hash, paired_at=now)
    after_commit(
        send_to_channel, pairing.channel_name, {"type": "screen.paired", "token": token, "screen_id": screen.pk}
    )
    log(screen, SCREEN_PAIRED, user=user, timestamp=now)


@transaction.atomic
def screen_unpair(*, screen: Screen, user: AbstractBaseUser | None = None) -> None:
    """Revoke the screen's token; its client is disconnected at once and shows a new pairing code. Logged."""
    screen.token_hash = None
    screen.paired_at = None
    Screen.objects.filter(pk=screen.pk).update(token_hash=None, paired_at=None)
    after_commit(send_to_group, screen_group(screen.pk), {"type": "screen.unpaired"})
    log(screen, SCREEN_UNPAIRED, user=user)


def screen_saved(
    *, screen: Screen, user: AbstractBaseUser | None = None, pairing_code: str = "", unpair: bool = False
) -> None:
    """After the screen's row was saved: pair it with the code its client shows, unpair it, or have it look
    up what to show again. A PairingError leaves the caller's transaction to roll back."""
    if pairing_code:
        screen_pair(screen=screen, code=pairing_code, user=user)
    elif unpair and screen.is_paired:
        screen_unpair(screen=screen, user=user)
    else:
        screen_changed(screen=screen)


def screen_changed(*, screen: Screen) -> None:
    """An admin changed the screen: it looks up what to show again."""
    if screen.is_paired:
        reload_screen_on_commit(screen.pk)


def screen_deleted(*, screen_id: int) -> None:
    after_commit(send_to_group, screen_group(screen_id), {"type": "screen.unpaired"})


def screen_touch(*, screen_id: int, known_last_seen: datetime | None = None, now: datetime | None = None) -> None:
    """Record that the screen is alive, at most once per interval to spare the database.

    Pass the last-seen time already read, if any, to skip the query when it is recent.
    """
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.SCREEN_LAST_SEEN_INTERVAL)
    if known_last_seen is None or known_last_seen <= stale:
        Screen.objects.filter(pk=screen_id).exclude(last_seen_at__gt=stale).update(last_seen_at=now)


def screen_status_record(*, screen_id: int, status: dict, now: datetime | None = None) -> None:
    """Keep the screen's latest report of itself; a report also proves it is alive."""
    now = now or timezone.now()
    Screen.objects.filter(pk=screen_id).update(
        status=status, status_at=now, client_version=status["client"], last_seen_at=now
    )


def screen_command_send(*, screen: Screen, name: str, user: AbstractBaseUser | None = None) -> None:
    """Send a remote command to the screen (if it is connected), and log who did."""
    if name not in SCREEN_COMMANDS:
        raise ValueError(f"Unknown screen command {name!r}")
    identity = {"id": screen.pk, "name": screen.name, "location": screen.location.name}
    after_commit(send_to_group, screen_group(screen.pk), {"type": "screen.command", "name": name, "screen": identity})
    log(screen, SCREEN_COMMANDED, user=user, data={"command": name})
