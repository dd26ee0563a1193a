"""Approval: in an organisation that requires it, nothing reaches a screen before one of its publishers approves."""

import pytest
from django.urls import reverse

from core.content_keys import playlist_key
from playlists.models import PlaylistItem, Slide
from screens.layouts.manifest import manifest_for
from tests.factories import make_organisation, make_slide, make_user
from tests.manifests import slides_of
from tests.organisations.conftest import admin_form

pytestmark = pytest.mark.django_db


def headings(playlist) -> list[str]:
    return [slide["heading"] for slide in slides_of(manifest_for(playlist_key(playlist.pk)).body)]


def submit(client, side, slide, heading: str):
    form = admin_form(organisation=side.organisation, location=side.location, playlist=side.playlist)
    form.pop("action-publish")
    form.update({"content-0-value-heading": heading, "action-submit": "action-submit"})
    return client.post(reverse("wagtailsnippets_playlists_slide:edit", args=[slide.pk]), form)


def approve(client, slide):
    task_state = Slide.objects.get(pk=slide.pk).current_workflow_task_state
    url = reverse("wagtailsnippets_playlists_slide:workflow_action", args=[slide.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


@pytest.fixture
def editor(client, ours):
    user = make_user(organisation=ours.organisation, roles=("Editor",))
    client.force_login(user)
    return user


def test_a_change_in_moderation_never_reaches_a_screen_until_approved(client, ours, editor):
    slide = make_slide(heading="Approved words", organisation=ours.organisation)
    PlaylistItem.objects.create(playlist=ours.playlist, slide=slide, sort_order=1)
    ours.playlist.save_revision().publish()

    assert submit(client, ours, slide, "Words in moderation").status_code == 302
    assert Slide.objects.get(pk=slide.pk).workflow_in_progress
    assert "Words in moderation" not in headings(ours.playlist)
    assert "Approved words" in headings(ours.playlist)

    client.force_login(ours.user)  # a publisher of the organisation
    assert approve(client, slide).status_code == 302
    assert "Words in moderation" in headings(ours.playlist)


def test_a_new_slide_in_moderation_is_not_on_screens(client, ours, editor):
    slide = make_slide(heading="Draft", organisation=ours.organisation, publish=False)
    PlaylistItem.objects.create(playlist=ours.playlist, slide=slide, sort_order=1)
    ours.playlist.save_revision().publish()
    submit(client, ours, slide, "Never approved")
    assert Slide.objects.get(pk=slide.pk).workflow_in_progress
    assert not any("Never approved" in heading or heading == "Draft" for heading in headings(ours.playlist))


def test_only_a_publisher_of_the_same_organisation_may_approve(ours, theirs):
    slide = Slide.objects.get(pk=ours.slide.pk)
    task = slide.current_workflow_task
    assert [name for name, *_ in task.get_actions(slide, ours.user)] == ["reject", "approve", "approve"]
    assert task.get_actions(slide, theirs.user) == []
    assert task.get_actions(slide, make_user(organisation=ours.organisation, roles=("Editor",))) == []


def test_editors_see_where_their_content_stands(client, ours):
    client.force_login(ours.member)  # submitted the fixture's change to the slide
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ours.slide.title in dashboard
    assert ours.task_state.task.name in dashboard


def test_an_organisation_that_does_not_require_approval_has_no_workflow():
    slide = make_slide(organisation=make_organisation("Kulturhuset"))
    assert slide.get_workflow() is None and not slide.has_workflow
