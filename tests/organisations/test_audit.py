"""The audit log records who did what when, and each organisation reads only its own in the admin's reports."""

import pytest
from django.urls import reverse

from organisations.models import OrganisationLogEntry
from screens.fleet.services import SCREEN_PAIRED, SCREEN_UNPAIRED
from tests.factories import make_pairing_code
from tests.organisations.conftest import admin_form

pytestmark = pytest.mark.django_db


def logged(obj, action: str) -> OrganisationLogEntry | None:
    return OrganisationLogEntry.objects.filter(object_id=str(obj.pk), action=action).order_by("-timestamp").first()


def test_pairing_and_unpairing_are_logged_with_user_time_and_organisation(client, ours):
    client.force_login(ours.user)
    edit = reverse("wagtailsnippets_screens_screen:edit", args=[ours.screen.pk])
    form = admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist)
    make_pairing_code("H7KQ3M")
    client.post(edit, form)
    client.post(edit, {**form, "pairing_code": "", "unpair": "on"})
    for action in (SCREEN_PAIRED, SCREEN_UNPAIRED):
        entry = logged(ours.screen, action)
        assert entry.user == ours.user and entry.organisation == ours.organisation and entry.timestamp


@pytest.mark.parametrize("action", ["wagtail.create", "wagtail.edit", "wagtail.publish", "wagtail.unpublish"])
def test_content_changes_made_in_the_admin_are_logged(client, ours, action):
    client.force_login(ours.user)
    form = admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist)
    client.post(reverse("wagtailsnippets_playlists_playlist:add"), form)
    created = OrganisationLogEntry.objects.filter(action="wagtail.create", organisation=ours.organisation).latest("pk")
    edit = reverse("wagtailsnippets_playlists_playlist:edit", args=[created.object_id])
    client.post(edit, {**form, "title": "Renamed"})
    client.post(reverse("wagtailsnippets_playlists_playlist:unpublish", args=[created.object_id]))
    entry = OrganisationLogEntry.objects.filter(object_id=created.object_id, action=action).first()
    assert entry is not None and entry.user == ours.user and entry.organisation == ours.organisation


def test_the_site_history_report_shows_each_organisation_its_own_entries_only(client, ours, theirs):
    client.force_login(ours.user)
    report = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert ours.playlist.title in report
    assert theirs.playlist.title not in report
