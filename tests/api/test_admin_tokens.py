"""The admin's page of the user's own API tokens: create shows the secret once, revoke ends it."""

import pytest
from django.test import Client
from django.urls import reverse

from api.models import ApiToken
from api.tokens import api_token_issue
from core.pairing import hash_token
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_user(organisation=make_organisation(), roles=("Editor",))
    client.force_login(user)
    return user


def test_creating_a_token_shows_its_secret_once(client, editor):
    response = client.post(reverse("api_tokens:list"), {"name": "Intranet"})
    assert response.status_code == 200
    secret = response.context["secret"]
    token = ApiToken.objects.get(user=editor)
    assert token.name == "Intranet" and token.token_hash == hash_token(secret)
    assert secret in response.content.decode()
    again = client.get(reverse("api_tokens:list")).content.decode()
    assert secret not in again and token.prefix in again
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/organisations").status_code == 200


def test_revoking_from_the_admin_ends_the_token(client, editor):
    token, secret = api_token_issue(user=editor, name="x")
    assert client.post(reverse("api_tokens:revoke", args=[token.pk])).status_code == 302
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/organisations").status_code == 401


def test_nobody_sees_or_revokes_another_users_tokens(client, editor):
    token, _secret = api_token_issue(user=make_user(), name="Someone else's")
    assert "Someone else" not in client.get(reverse("api_tokens:list")).content.decode()
    assert client.post(reverse("api_tokens:revoke", args=[token.pk])).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
