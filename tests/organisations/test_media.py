"""Media belong to an organisation's collection: a slide can show only images its organisation may use."""

import pytest
from django.urls import reverse

from tests.factories import make_slide
from tests.organisations.conftest import admin_form

pytestmark = pytest.mark.django_db


def test_a_slide_cannot_show_another_organisations_image(client, ours, theirs):
    client.force_login(ours.user)
    form = admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist)
    form["content-0-value-image"] = theirs.image.pk
    slide = make_slide(title="Ours", organisation=ours.organisation)
    response = client.post(reverse("wagtailsnippets_playlists_slide:edit", args=[slide.pk]), form)
    assert response.status_code == 200 and "Choose only images your organisation may use" in response.content.decode()
    assert theirs.image.title not in response.content.decode()  # the refused choice is not shown back
    slide.refresh_from_db()
    assert slide.title == "Ours" and slide.latest_revision.content["title"] == "Ours"
    form["content-0-value-image"] = ours.image.pk
    assert client.post(reverse("wagtailsnippets_playlists_slide:edit", args=[slide.pk]), form).status_code == 302
