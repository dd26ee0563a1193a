"""Every API error is JSON of one shape, whatever went wrong and whether DEBUG is on: never HTML, never a trace."""

import pytest
from django.core.management import call_command

from api.routers import organisations

pytestmark = pytest.mark.django_db

SHAPE = {"detail", "errors"}


def assert_json_error(response, status: int):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == SHAPE and isinstance(response.json()["detail"], str)


@pytest.mark.parametrize("debug", [False, True])
def test_an_unknown_path_is_a_json_404(superuser_client, settings, debug):
    settings.DEBUG = debug
    for path in ("/api/v1/nothing-here", "/api/v1/screens/1/nothing", "/api/v2/screens"):
        assert_json_error(superuser_client.get(path), 404)


@pytest.mark.parametrize("debug", [False, True])
def test_a_crash_is_a_generic_json_500_and_is_logged(superuser_client, settings, monkeypatch, caplog, debug):
    settings.DEBUG = debug

    def crash(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(organisations, "organisations_of", crash)
    response = superuser_client.get("/api/v1/organisations")
    assert_json_error(response, 500)
    assert "secret internals" not in response.content.decode() and "Traceback" not in response.content.decode()
    assert any("secret internals" in (record.exc_text or "") for record in caplog.records)


def test_an_invalid_body_is_422_by_field_and_an_unreadable_one_400(superuser_client):
    response = superuser_client.post("/api/v1/emergencies", {"heading": "x" * 81}, content_type="application/json")
    assert_json_error(response, 422)
    assert "heading" in response.json()["errors"]
    assert_json_error(superuser_client.post("/api/v1/emergencies", "{not json", content_type="application/json"), 400)


def test_a_wrong_method_is_not_html(superuser_client):
    response = superuser_client.delete("/api/v1/organisations")
    assert response.status_code == 405 and b"<html" not in response.content.lower()


def test_the_committed_openapi_description_is_current():
    """CI fails on a stale docs/openapi.json: run `python manage.py api_schema` after changing the API."""
    call_command("api_schema", "--check")


def test_the_docs_are_served_from_our_own_static_files(superuser_client):
    page = superuser_client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "/static/ninja/swagger-ui.css" in page
    assert "cdn" not in page.lower() and "https://" not in page
