"""Another organisation's objects do not exist for the API: every endpoint answers 404, never 403."""

import pytest

from organisations.roles import ROLES
from screens.emergencies.services import Targets, emergency_start
from screens.fleet.models import Screen
from tests.api.conftest import token_client
from tests.factories import make_organisation, make_pairing_code, make_screen, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def theirs():
    """Organisation B's screen and emergency, and a client for a user of A with every role."""
    ours = make_organisation("Borgerservice")
    other = make_organisation("Biblioteket")
    screen, _ = make_screen(organisation=other, name="Theirs")
    emergency = emergency_start(targets=Targets(other, True), heading="Theirs", text="")
    client = token_client(make_user(organisation=ours, roles=tuple(ROLES)))
    return client, other, screen, emergency


def test_every_endpoint_answers_404_for_another_organisations_object(theirs):
    client, other, screen, emergency = theirs
    make_pairing_code()
    requests = [
        ("get", f"/api/v1/organisations/{other.pk}", None),
        ("get", f"/api/v1/screens/{screen.pk}", None),
        ("post", f"/api/v1/screens/{screen.pk}/pair", {"code": "H7KQ3M"}),
        ("post", f"/api/v1/screens/{screen.pk}/unpair", None),
        ("post", f"/api/v1/screens/{screen.pk}/commands/identify", None),
        ("post", f"/api/v1/screens/{screen.pk}/commands/reload", None),
        ("get", f"/api/v1/emergencies/{emergency.pk}", None),
        ("post", f"/api/v1/emergencies/{emergency.pk}/end", None),
        ("post", "/api/v1/emergencies", {"heading": "x", "organisation": other.pk}),
    ]
    for method, path, body in requests:
        json_body = {"data": body, "content_type": "application/json"} if body else {}
        response = getattr(client, method)(path, **json_body)
        assert response.status_code == 404, (method, path, response.status_code)
        assert response.json() == {"detail": "Not found.", "errors": {}}
    emergency.refresh_from_db()
    assert emergency.is_active and Screen.objects.get(pk=screen.pk).is_paired


def test_lists_hold_only_the_users_organisations(theirs):
    client, other, screen, _emergency = theirs
    assert other.pk not in [o["id"] for o in client.get("/api/v1/organisations").json()]
    assert client.get("/api/v1/screens").json() == {"items": [], "count": 0}
    assert client.get("/api/v1/screens", {"organisation": other.pk}).json()["count"] == 0
