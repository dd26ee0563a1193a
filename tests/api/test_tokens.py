"""Personal API tokens: the secret is shown once and only its hash is stored; expired or revoked is 401."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from api.models import ApiToken
from api.tokens import api_token_authenticate, api_token_issue, api_token_revoke
from core.pairing import hash_token
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_only_the_hash_and_a_short_prefix_are_stored():
    token, secret = api_token_issue(user=make_user(), name="Integration")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.token_hash == hash_token(secret) and secret not in stored.token_hash
    assert stored.prefix == secret[:8] and len(stored.prefix) == 8
    assert not any(secret in str(value) for value in vars(stored).values())


def test_a_token_acts_as_its_user():
    organisation = make_organisation("Borgerservice")
    _token, secret = api_token_issue(user=make_user(organisation=organisation, roles=("Editor",)), name="x")
    response = bearer(secret).get("/api/v1/organisations")
    assert response.status_code == 200
    assert response.json() == [{"id": organisation.pk, "name": "Borgerservice"}]


@pytest.mark.parametrize("secret", ["", "isk_wrong", "Basic abc"])
def test_no_or_a_wrong_token_is_401_in_json(secret):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}") if secret else Client()
    response = client.get("/api/v1/screens")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail", "errors"} and response.json()["errors"] == {}


def test_an_expired_token_is_refused():
    _token, secret = api_token_issue(user=make_user(), name="x", expires_at=timezone.now() - timedelta(seconds=1))
    assert api_token_authenticate(secret) is None
    assert bearer(secret).get("/api/v1/organisations").status_code == 401


def test_a_revoked_token_is_refused_at_once():
    user = make_user()
    token, secret = api_token_issue(user=user, name="x")
    assert bearer(secret).get("/api/v1/organisations").status_code == 200
    api_token_revoke(token=token, user=user)
    assert bearer(secret).get("/api/v1/organisations").status_code == 401


def test_only_its_owner_revokes_a_token():
    token, _secret = api_token_issue(user=make_user(), name="x")
    with pytest.raises(PermissionDenied):
        api_token_revoke(token=token, user=make_user())
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_an_inactive_users_token_is_refused():
    user = make_user()
    _token, secret = api_token_issue(user=user, name="x")
    user.is_active = False
    user.save()
    assert bearer(secret).get("/api/v1/organisations").status_code == 401


def test_last_use_is_recorded_at_most_once_a_minute():
    token, secret = api_token_issue(user=make_user(), name="x")
    now = timezone.now()
    api_token_authenticate(secret, now=now)
    api_token_authenticate(secret, now=now + timedelta(seconds=30))
    assert ApiToken.objects.get(pk=token.pk).last_used_at == now
    api_token_authenticate(secret, now=now + timedelta(seconds=61))
    assert ApiToken.objects.get(pk=token.pk).last_used_at == now + timedelta(seconds=61)


def test_the_admin_session_works_and_a_write_needs_the_csrf_token(two_screens):
    mine, _theirs = two_screens
    user = make_user(organisation=mine.organisation, roles=("Screen admin",))
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get(f"/api/v1/screens/{mine.pk}").status_code == 200
    refused = client.post(f"/api/v1/screens/{mine.pk}/commands/identify")
    assert refused.status_code == 403 and set(refused.json()) == {"detail", "errors"}
    client.get("/admin/")
    csrf = client.cookies["csrftoken"].value
    accepted = client.post(f"/api/v1/screens/{mine.pk}/commands/identify", HTTP_X_CSRFTOKEN=csrf)
    assert accepted.status_code == 202
