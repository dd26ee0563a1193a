"""Images chosen deep inside structured slides (a contact's photo, a book's cover) are checked like any other."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_playlists_slide:add"


def contacts_form(organisation, photo) -> dict:
    person = {"image": photo.pk, "name": "Anna", "title": "", "phone": "", "email": ""}
    people = {"count": 1, "0": {"deleted": "", "order": 0, "id": "", "value": person}}
    content = streamfield([("contacts", {"heading": "Ask us", "people": people})])
    return {
        **nested_form_data({"organisation": organisation.pk, "title": "Contacts", "duration": 10, "content": content}),
        "action-publish": "action-publish",
    }


def test_a_contact_photo_must_be_an_image_the_organisation_may_use(client, ours, theirs):
    client.force_login(ours.user)
    response = client.post(reverse(ADD), contacts_form(ours.organisation, theirs.image))
    assert response.status_code == 200 and "Choose only images your organisation may use" in response.content.decode()
    assert client.post(reverse(ADD), contacts_form(ours.organisation, ours.image)).status_code == 302
