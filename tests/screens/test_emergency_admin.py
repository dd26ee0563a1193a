"""The emergency button in the admin: form, one confirmation, live status, end; who may; the audit log."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.urls import reverse

from organisations.models import OrganisationLogEntry
from screens.emergencies.models import Emergency
from screens.emergencies.services import EMERGENCY_ENDED, EMERGENCY_STARTED, emergency_ack_record
from screens.fleet.models import Location, ScreenGroup
from screens.live import EMERGENCY_GROUP
from tests.factories import make_screen, make_user
from tests.organisations.conftest import MARKER, make_side

pytestmark = pytest.mark.django_db

START = reverse("emergency:start")
MENU_ITEM = '"url": "/admin/emergency/"'  # in the sidebar's JSON


@pytest.fixture
def ours():
    return make_side("Borgerservice")


@pytest.fixture
def theirs():
    return make_side("Biblioteket", marker=MARKER)


@pytest.fixture
def hub_channel():
    """A channel subscribed as every process's hub is: what it receives is what screens are sent."""
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(EMERGENCY_GROUP, channel)
    return lambda: async_to_sync(layer.receive)(channel)


def message(organisation, **fields) -> dict:
    return {
        "organisation": organisation.pk,
        "heading": "Fire alarm",
        "text": "Leave the building.",
        "target": "all",
        **fields,
    }


def confirm(client, data: dict):
    """Review, then press the confirmation button with what the confirmation page carries."""
    review = client.post(START, data)
    assert review.status_code == 200 and 'id="emergency-confirm"' in review.content.decode()
    carried = review.context["form"].data
    return client.post(START, {**{key: carried.getlist(key) for key in carried}, "confirm": "1"})


def test_a_publisher_starts_a_message_with_one_confirmation_and_the_screens_are_sent_it(
    client, ours, theirs, hub_channel, django_capture_on_commit_callbacks
):
    publisher = make_user(organisation=ours.organisation, roles=("Publisher",))
    second, _ = make_screen(name="Second", organisation=ours.organisation)
    make_screen(name="Not paired", organisation=ours.organisation, paired=False)
    client.force_login(publisher)
    before = Emergency.objects.count()

    review = client.post(START, message(ours.organisation))
    page = review.content.decode()
    assert "Show it on 2 screens now" in page and "Leave the building." in page
    assert Emergency.objects.count() == before, "nothing is shown before the confirmation"

    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(client, message(ours.organisation))
    emergency = Emergency.objects.latest("pk")
    assert response.status_code == 302 and response.url == reverse("emergency:status", args=[emergency.pk])
    assert (emergency.heading, emergency.started_by, emergency.organisation) == (
        "Fire alarm",
        publisher,
        ours.organisation,
    )
    assert set(emergency.screens.all()) == {ours.screen, second}
    event = hub_channel()
    assert event["type"] == "emergency.start" and sorted(event["screens"]) == sorted([ours.screen.pk, second.pk])
    assert '"heading":"Fire alarm"' in event["text"]
    entry = OrganisationLogEntry.objects.get(object_id=str(emergency.pk), action=EMERGENCY_STARTED)
    assert (entry.user, entry.organisation) == (publisher, ours.organisation)


def test_confirming_twice_shows_the_message_once(client, ours):
    client.force_login(ours.user)
    review = client.post(START, message(ours.organisation))
    carried = {**review.context["form"].data.dict(), "confirm": "1"}
    first, again = client.post(START, carried), client.post(START, carried)
    assert first.url == again.url
    assert Emergency.objects.filter(heading="Fire alarm").count() == 1


def test_change_goes_back_to_the_form_with_what_was_typed(client, ours):
    client.force_login(ours.user)
    response = client.post(START, {**message(ours.organisation), "back": "1"})
    assert (
        'value="Fire alarm"' in response.content.decode() and 'id="emergency-confirm"' not in response.content.decode()
    )
    assert not Emergency.objects.filter(heading="Fire alarm").exists()


def test_targets_by_location_and_group(client, ours):
    client.force_login(ours.user)
    library = Location.objects.create(name="Library", organisation=ours.organisation)
    at_library, _ = make_screen(name="At the library", organisation=ours.organisation)
    at_library.location = library
    at_library.save()
    grouped, _ = make_screen(name="Grouped", organisation=ours.organisation)
    ours.group.screens.set([grouped])
    confirm(client, message(ours.organisation, target="chosen", locations=[library.pk], groups=[ours.group.pk]))
    assert set(Emergency.objects.latest("pk").screens.all()) == {at_library, grouped}


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"heading": ""}, "This field is required."),
        ({"heading": "x" * 81}, "at most 80 characters"),
        ({"target": "chosen"}, "Choose at least one location or screen group, or all screens."),
        ({"target": "everything"}, "Select a valid choice."),
        ({"organisation": ""}, "This field is required."),
    ],
)
def test_a_bad_message_gets_a_clear_error_and_starts_nothing(client, ours, change, error):
    client.force_login(ours.user)
    before = Emergency.objects.count()
    response = client.post(START, {**message(ours.organisation), **change, "confirm": "1"})
    assert response.status_code == 200 and error in response.content.decode()
    assert Emergency.objects.count() == before


def test_targets_without_a_paired_screen_are_refused(client, ours):
    client.force_login(ours.user)
    empty = ScreenGroup.objects.create(name="Empty", organisation=ours.organisation)
    response = client.post(START, {**message(ours.organisation, target="chosen", groups=[empty.pk]), "confirm": "1"})
    assert "No paired screen is among the chosen ones" in response.content.decode()


def test_the_status_page_counts_acknowledgements_and_names_the_missing_screens(client, ours):
    client.force_login(ours.user)
    second, _ = make_screen(name="Second", organisation=ours.organisation)
    confirm(client, message(ours.organisation))
    emergency = Emergency.objects.latest("pk")
    status_url = reverse("emergency:status_json", args=[emergency.pk])

    status = client.get(status_url).json()
    assert (status["summary"], status["acknowledged"], status["targeted"]) == ("Acknowledged by 0 of 2 screens", 0, 2)
    assert {s["name"] for s in status["missing"]} == {ours.screen.name, "Second"}
    assert {s["state"] for s in status["missing"]} == {"offline"}

    emergency_ack_record(emergency_id=emergency.pk, screen_id=second.pk)
    status = client.get(status_url).json()
    assert status["summary"] == "Acknowledged by 1 of 2 screens"
    assert [s["name"] for s in status["missing"]] == [ours.screen.name]
    page = client.get(reverse("emergency:status", args=[emergency.pk])).content.decode()
    assert "Acknowledged by 1 of 2 screens" in page and 'id="emergency-end"' in page


def test_ending_restores_the_screens_and_is_logged(client, ours, hub_channel, django_capture_on_commit_callbacks):
    client.force_login(ours.user)
    emergency = ours.emergency
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("emergency:end", args=[emergency.pk]))
    assert response.status_code == 302
    emergency.refresh_from_db()
    assert emergency.ended_at and emergency.ended_by == ours.user
    assert hub_channel() == {
        "type": "emergency.end",
        "id": emergency.pk,
        "text": f'{{"type":"emergency.end","id":{emergency.pk}}}',
        "screens": [ours.screen.pk],
    }
    assert OrganisationLogEntry.objects.filter(
        object_id=str(emergency.pk), action=EMERGENCY_ENDED, user=ours.user
    ).exists()
    again = client.post(reverse("emergency:end", args=[emergency.pk]))
    assert again.status_code == 302
    assert OrganisationLogEntry.objects.filter(object_id=str(emergency.pk), action=EMERGENCY_ENDED).count() == 1
    assert 'id="emergency-end"' not in client.get(reverse("emergency:status", args=[emergency.pk])).content.decode()


def test_starting_and_ending_show_in_the_organisations_own_site_history(client, ours, theirs):
    client.force_login(ours.user)
    client.post(reverse("emergency:end", args=[ours.emergency.pk]))
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Emergency message started" in history and "Emergency message ended" in history
    assert ours.emergency.heading in history and theirs.emergency.heading not in history


@pytest.mark.parametrize("role", ["Editor", "Screen admin"])
def test_roles_without_the_permission_see_no_button_and_are_refused(client, ours, role):
    user = make_user(organisation=ours.organisation, roles=(role,))
    client.force_login(user)
    assert MENU_ITEM not in client.get(reverse("wagtailadmin_home")).content.decode()
    for response in (
        client.get(START),
        client.post(START, {**message(ours.organisation), "confirm": "1"}),
        client.get(reverse("emergency:status", args=[ours.emergency.pk])),
        client.post(reverse("emergency:end", args=[ours.emergency.pk])),
    ):
        assert response.status_code in {302, 403}
    assert Emergency.objects.filter(organisation=ours.organisation).count() == 1
    assert Emergency.objects.get(pk=ours.emergency.pk).is_active


def test_an_organisation_admin_may_start_one(client, ours):
    client.force_login(make_user(organisation=ours.organisation, roles=("Organisation admin",)))
    assert MENU_ITEM in client.get(reverse("wagtailadmin_home")).content.decode()
    assert confirm(client, message(ours.organisation)).status_code == 302


def test_another_organisation_can_neither_see_nor_end_a_message_nor_target_its_screens(client, ours, theirs):
    client.force_login(ours.user)
    for url in (
        reverse("emergency:status", args=[theirs.emergency.pk]),
        reverse("emergency:status_json", args=[theirs.emergency.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("emergency:end", args=[theirs.emergency.pk])).status_code == 404
    assert Emergency.objects.get(pk=theirs.emergency.pk).is_active
    assert MARKER not in client.get(START).content.decode()

    for foreign in (
        {"organisation": theirs.organisation.pk},
        {"target": "chosen", "locations": [theirs.location.pk]},
        {"target": "chosen", "groups": [theirs.group.pk]},
    ):
        response = client.post(START, {**message(ours.organisation), **foreign, "confirm": "1"})
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
        assert MARKER not in response.content.decode()
    confirm(client, message(ours.organisation))
    assert theirs.screen not in Emergency.objects.latest("pk").screens.all()


def test_a_superuser_may_show_a_message_on_every_organisations_screens(client, ours, theirs, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("it", "it@example.org", "pw"))
    assert "Every organisation" in client.get(START).content.decode()
    confirm(client, {**message(ours.organisation), "organisation": ""})
    emergency = Emergency.objects.latest("pk")
    assert emergency.organisation is None and set(emergency.screens.all()) == {ours.screen, theirs.screen}
    # …but locations and groups of one organisation with another organisation chosen are refused.
    response = client.post(
        START, message(ours.organisation, target="chosen", locations=[theirs.location.pk], confirm="1")
    )
    assert "Choose only locations and groups of the chosen organisation." in response.content.decode()


def test_a_screen_group_holds_only_screens_of_its_own_organisation(client, ours, theirs, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("it", "it@example.org", "pw"))
    edit = reverse("wagtailsnippets_screens_screengroup:edit", args=[ours.group.pk])
    data = {"organisation": ours.organisation.pk, "name": "Ground floor", "screens": [ours.screen.pk, theirs.screen.pk]}
    response = client.post(edit, data)
    assert (
        response.status_code == 200
        and "Choose only screens of the group&#x27;s organisation." in response.content.decode()
    )
    assert client.post(edit, {**data, "screens": [ours.screen.pk]}).status_code == 302
    assert ScreenGroup.objects.get(pk=ours.group.pk).name == "Ground floor"
