"""Media belong to an organisation's collection: a slide can show only images its organisation may use."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.factories import make_slide
from tests.organisations.conftest import admin_form

pytestmark = pytest.mark.django_db


def streamfield_form(blocks) -> dict:
    return nested_form_data({"content": streamfield(blocks)})


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


def test_a_slide_cannot_show_another_organisations_video(client, ours, theirs):
    client.force_login(ours.user)
    slide = make_slide(title="Ours", organisation=ours.organisation)
    url = reverse("wagtailsnippets_playlists_slide:edit", args=[slide.pk])
    form = {
        **admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist),
        **streamfield_form([("video", {"video": theirs.video.pk, "sound": ""})]),
    }
    response = client.post(url, form)
    assert response.status_code == 200 and "Choose only videos your organisation may use" in response.content.decode()
    assert theirs.video.title not in response.content.decode()
    form["content-0-value-video"] = ours.video.pk
    assert client.post(url, form).status_code == 302
    slide.refresh_from_db()
    assert slide.content[0].block_type == "video" and slide.content[0].value["video"] == ours.video


def test_an_editor_manages_the_organisations_own_videos(client, ours, theirs):
    client.force_login(ours.member)
    listing = client.get(reverse("wagtailmedia:index")).content.decode()
    assert ours.video.title in listing and theirs.video.title not in listing
    assert client.get(reverse("wagtailmedia:edit", args=[ours.video.pk])).status_code == 200
    assert client.get(reverse("wagtailmedia:edit", args=[theirs.video.pk])).status_code in (302, 403)
    chooser = client.get(reverse("wagtailmedia:chooser_typed", args=["video"])).content.decode()
    assert ours.video.title in chooser and theirs.video.title not in chooser
