"""An API client acting as a user through a personal token, and two organisations to keep apart."""

import pytest
from django.test import Client

from api.tokens import api_token_issue
from tests.factories import make_organisation, make_screen, make_user


def token_client(user) -> Client:
    _token, secret = api_token_issue(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


@pytest.fixture
def as_user():
    """A client for a new member of the organisation with these roles: `as_user(organisation, "Screen admin")`."""

    def make(organisation, *roles: str):
        return token_client(make_user(organisation=organisation, roles=roles))

    return make


@pytest.fixture
def superuser_client(django_user_model):
    return token_client(django_user_model.objects.create_superuser("it-admin", "it@example.org", "pw"))


@pytest.fixture
def two_screens():
    """A screen of organisation A and one of organisation B."""
    mine, _ = make_screen(organisation=make_organisation("Borgerservice"), name="Lobby A")
    theirs, _ = make_screen(organisation=make_organisation("Biblioteket"), name="Lobby B")
    return mine, theirs
