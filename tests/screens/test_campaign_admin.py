"""Campaigns in the admin: made and changed by publishers only, within their organisation, with clear errors."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import OrganisationLogEntry
from organisations.services import organisation_member_add
from screens.campaigns.models import Campaign
from screens.fleet.models import ScreenGroup
from tests.factories import make_campaign, make_organisation, make_playlist, make_screen, make_slide, make_user

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Europe/Copenhagen")
ADD = reverse("wagtailsnippets_screens_campaign:add")
LIST = reverse("wagtailsnippets_screens_campaign:list")


@pytest.fixture
def borgerservice():
    organisation = make_organisation()
    screen, _ = make_screen(name="Main entrance", organisation=organisation)
    group = ScreenGroup.objects.create(name="Ground floor", organisation=organisation)
    group.screens.add(screen)
    playlist = make_playlist(slides=[make_slide()], title="Flu shots", organisation=organisation)
    return organisation, screen, group, playlist


@pytest.fixture
def biblioteket():
    """Another organisation: its screen, its location and its playlist."""
    library = make_organisation("Biblioteket")
    screen, _ = make_screen(name="Reading room", organisation=library)
    return library, screen, screen.location, make_playlist(slides=[make_slide()], title="Books", organisation=library)


def logged_in(client, organisation, role):
    client.force_login(make_user(organisation=organisation, roles=(role,)))
    return client


def campaign_form(organisation, playlist, **fields) -> dict:
    return {
        "organisation": organisation.pk,
        "title": "Flu shots",
        "playlist": playlist.pk,
        "starts": "2026-11-23 09:00",
        "ends": "2026-11-23 09:30",
        "priority": 0,
        **fields,
    }


def refused(response) -> dict:
    """The errors of a form that was shown again, nothing saved."""
    assert response.status_code == 200, "the form was not shown again with errors"
    assert not Campaign.objects.exists()
    return {field: " ".join(messages) for field, messages in response.context["form"].errors.items()}


def test_a_publisher_makes_a_campaign_for_a_group_in_local_time_and_it_is_logged(client, borgerservice):
    organisation, _, group, playlist = borgerservice
    response = logged_in(client, organisation, "Publisher").post(
        ADD, campaign_form(organisation, playlist, groups=[group.pk])
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert (campaign.starts, campaign.ends) == (
        datetime(2026, 11, 23, 9, tzinfo=ZONE),
        datetime(2026, 11, 23, 9, 30, tzinfo=ZONE),
    )
    assert list(campaign.groups.all()) == [group] and campaign.organisation == organisation
    entry = OrganisationLogEntry.objects.get(object_id=str(campaign.pk), action="wagtail.create")
    assert entry.organisation == organisation


def test_a_publisher_changes_the_targets_and_deletes_it_and_both_are_logged(client, borgerservice):
    organisation, screen, group, playlist = borgerservice
    campaign = make_campaign(
        playlist=playlist, starts=timezone.now(), ends=timezone.now() + timedelta(hours=1), groups=[group]
    )
    client = logged_in(client, organisation, "Publisher")
    edit = reverse("wagtailsnippets_screens_campaign:edit", args=[campaign.pk])
    assert client.post(edit, campaign_form(organisation, playlist, screens=[screen.pk], priority=3)).status_code == 302
    campaign.refresh_from_db()
    assert (list(campaign.screens.all()), list(campaign.groups.all()), campaign.priority) == ([screen], [], 3)
    assert client.post(reverse("wagtailsnippets_screens_campaign:delete", args=[campaign.pk])).status_code == 302
    assert not Campaign.objects.exists()
    actions = set(OrganisationLogEntry.objects.filter(object_id=str(campaign.pk)).values_list("action", flat=True))
    assert {"wagtail.edit", "wagtail.delete"} <= actions


def test_a_campaign_needs_a_target_and_an_end_after_its_start(client, borgerservice):
    organisation, _, _, playlist = borgerservice
    response = logged_in(client, organisation, "Publisher").post(
        ADD, campaign_form(organisation, playlist, ends="2026-11-23 08:00")
    )
    found = refused(response)
    assert "Choose at least one screen, screen group or location." in found["__all__"]
    assert found["ends"] == "A campaign must end after it starts."


def test_a_member_of_two_organisations_may_not_mix_their_screens_or_playlists(client, borgerservice, biblioteket):
    organisation, screen, _, _ = borgerservice
    library, their_screen, _, their_playlist = biblioteket
    user = make_user(organisation=organisation, roles=("Publisher",))
    organisation_member_add(organisation=library, user=user, roles=["Publisher"])
    client.force_login(user)
    form = campaign_form(organisation, their_playlist, screens=[screen.pk, their_screen.pk])
    found = refused(client.post(ADD, form))
    assert "own screens, groups and locations" in found["screens"]
    assert found["playlist"] == "This playlist is not shared with the campaign’s organisation."


def test_another_organisations_targets_and_playlists_cannot_be_chosen(client, borgerservice, biblioteket):
    organisation, _, _, _ = borgerservice
    _, _, their_location, their_playlist = biblioteket
    found = refused(
        logged_in(client, organisation, "Publisher").post(
            ADD, campaign_form(organisation, their_playlist, locations=[their_location.pk])
        )
    )
    assert {"playlist", "locations"} <= set(found)


@pytest.mark.parametrize("role", ["Editor", "Screen admin"])
def test_roles_that_cannot_publish_see_campaigns_but_cannot_make_or_change_them(client, borgerservice, role):
    organisation, _, group, playlist = borgerservice
    campaign = make_campaign(
        playlist=playlist, starts=timezone.now(), ends=timezone.now() + timedelta(hours=1), groups=[group]
    )
    client = logged_in(client, organisation, role)
    assert client.get(LIST).status_code == 200
    assert client.get(ADD).status_code in (302, 403)
    client.post(ADD, campaign_form(organisation, playlist, title="Sneaky", groups=[group.pk]))
    edit = reverse("wagtailsnippets_screens_campaign:edit", args=[campaign.pk])
    client.post(edit, campaign_form(organisation, playlist, title="Sneaky", groups=[group.pk]))
    assert list(Campaign.objects.values_list("title", flat=True)) == ["Campaign"]


def test_a_publisher_of_another_organisation_neither_sees_nor_opens_the_campaign(client, borgerservice):
    organisation, _, group, playlist = borgerservice
    campaign = make_campaign(
        playlist=playlist,
        starts=timezone.now(),
        ends=timezone.now() + timedelta(hours=1),
        groups=[group],
        title="Secret",
    )
    client = logged_in(client, make_organisation("Biblioteket"), "Publisher")
    assert "Secret" not in client.get(LIST).content.decode()
    assert client.get(reverse("wagtailsnippets_screens_campaign:edit", args=[campaign.pk])).status_code in (
        302,
        403,
        404,
    )


def test_the_listing_shows_when_where_and_the_status(client, borgerservice):
    organisation, screen, group, playlist = borgerservice
    now = timezone.now()
    make_campaign(
        playlist=playlist,
        starts=now - timedelta(hours=2),
        ends=now - timedelta(hours=1),
        screens=[screen],
        title="Past",
    )
    make_campaign(
        playlist=playlist, starts=now - timedelta(hours=1), ends=now + timedelta(hours=1), groups=[group], title="Now"
    )
    upcoming = make_campaign(
        playlist=playlist,
        starts=datetime(2030, 1, 7, 9, tzinfo=ZONE),
        ends=datetime(2030, 1, 7, 9, 30, tzinfo=ZONE),
        locations=[screen.location],
        title="Later",
    )
    page = logged_in(client, organisation, "Publisher").get(LIST).content.decode()
    for text in (
        "Ended",
        "Running",
        "Upcoming",
        "Screens: Main entrance",
        "Screen groups: Ground floor",
        f"Locations: {upcoming.locations.get().name}",
        "01/07/2030 9 a.m. – 9:30 a.m.",
    ):
        assert text in page, text
