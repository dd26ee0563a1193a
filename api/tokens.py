"""Issuing, revoking and checking personal API tokens. The secret is returned once; only its SHA-256 is stored."""

import secrets
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.pairing import hash_token

from .models import ApiToken

SECRET_PREFIX = "isk_"
PREFIX_LENGTH = 8
LAST_USED_INTERVAL = timedelta(minutes=1)


def api_token_issue(*, user: AbstractBaseUser, name: str, expires_at: datetime | None = None) -> tuple[ApiToken, str]:
    """A new token of the user and its secret, which is not kept and cannot be shown again."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, token_hash=hash_token(secret), prefix=secret[:PREFIX_LENGTH], expires_at=expires_at
    )
    return token, secret


def api_token_revoke(*, token: ApiToken, user: AbstractBaseUser) -> None:
    """End the token at once; only its owner may. Revoking twice keeps the first time."""
    if token.user_id != user.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=token.revoked_at)


def api_token_authenticate(secret: str, *, now: datetime | None = None) -> ApiToken | None:
    """The usable token with this secret, of an active user; records its use at most once a minute."""
    now = now or timezone.now()
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(secret)).first()
    if token is None or not token.is_usable(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or token.last_used_at <= now - LAST_USED_INTERVAL:
        token.last_used_at = now
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
