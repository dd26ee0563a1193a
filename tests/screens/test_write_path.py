"""One write path: saving a screen, a layout or a campaign goes through the model's Wagtail action, which
the admin uses and any other code (an API, an importer) calls the same way, with the same side effects."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.registry import action_registry

from core.pairing import hash_token
from organisations.models import Organisation
from screens.campaigns.models import Campaign
from screens.fleet.models import PairingCode, Screen
from screens.layouts.models import Layout
from screens.live import content_group, screen_group
from tests.factories import make_organisation, make_pairing_code, make_playlist, make_screen, make_slide, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def listen(group: str) -> str:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(group, channel)
    return channel


def received(channel: str) -> dict:
    return async_to_sync(get_channel_layer().receive)(channel)


def edit(model, instance, user, **kwargs):
    return action_registry.get_action_class(model, "edit")(instance, user=user, **kwargs).execute()


def test_the_screen_edit_action_pairs_without_any_form(django_user_model):
    screen, _ = make_screen(paired=False)
    waiting = make_pairing_code()
    superuser = django_user_model.objects.create_superuser("it", "it@example.org", "pw")
    screen.name = "Renamed by a script"
    edit(Screen, screen, superuser, pairing_code="h7k-q3m")
    event = received(waiting)
    stored = Screen.objects.get(pk=screen.pk)
    assert event["type"] == "screen.paired" and stored.token_hash == hash_token(event["token"])
    assert stored.name == "Renamed by a script"


def test_the_screen_edit_action_refuses_pairing_to_a_user_who_may_only_edit():
    organisation = make_organisation()
    screen, _ = make_screen(paired=False, organisation=organisation)
    make_pairing_code()
    editor = make_user(organisation=organisation)
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["change_screen", "view_screen"]))
    editor = type(editor).objects.get(pk=editor.pk)  # permissions are cached per instance
    screen.name = "Renamed"
    edit(Screen, screen, editor)  # editing alone is allowed
    with pytest.raises(PermissionDenied):
        edit(Screen, screen, editor, pairing_code="H7KQ3M")
    assert not Screen.objects.get(pk=screen.pk).is_paired
    assert PairingCode.objects.get(code="H7KQ3M").used_at is None


@pytest.fixture
def code_claimed_meanwhile():
    """Another admin claims code H7KQ3M at the moment a screen is saved, after the form validated it."""

    def claim(sender, instance, **kwargs):
        PairingCode.objects.filter(code="H7KQ3M").update(used_at=timezone.now())

    pre_save.connect(claim, sender=Screen, dispatch_uid="claimed-meanwhile")
    yield
    pre_save.disconnect(sender=Screen, dispatch_uid="claimed-meanwhile")


def test_a_code_taken_between_validation_and_saving_is_a_form_error_and_nothing_is_saved(
    client, django_user_model, code_claimed_meanwhile
):
    """Another admin claims the code at the moment this one saves: the refusal reaches the form (it used
    to be swallowed with the screen saved), and the whole save is rolled back."""
    screen, _ = make_screen(paired=False, playlist=make_playlist())
    make_pairing_code()
    client.force_login(django_user_model.objects.create_superuser("it", "it@example.org", "pw"))
    response = client.post(
        reverse("wagtailsnippets_screens_screen:edit", args=[screen.pk]),
        {
            "organisation": screen.organisation_id,
            "name": "Renamed",
            "location": screen.location_id,
            "playlist": screen.playlist_id,
            "pairing_code": "H7KQ3M",
        },
    )
    assert response.status_code == 200
    assert "No screen is waiting with this code" in response.content.decode()
    stored = Screen.objects.get(pk=screen.pk)
    assert stored.name == screen.name and not stored.is_paired


def test_a_new_screen_refused_its_code_is_not_created(client, django_user_model, code_claimed_meanwhile):
    organisation = make_organisation()
    location_screen, _ = make_screen(paired=False, organisation=organisation)
    make_pairing_code()
    client.force_login(django_user_model.objects.create_superuser("it", "it@example.org", "pw"))
    response = client.post(
        reverse("wagtailsnippets_screens_screen:add"),
        {
            "organisation": organisation.pk,
            "name": "Brand new",
            "location": location_screen.location_id,
            "pairing_code": "H7KQ3M",
        },
    )
    assert response.status_code == 200
    assert "No screen is waiting with this code" in response.content.decode()
    assert not Screen.objects.filter(name="Brand new").exists()


def test_the_layout_edit_action_pushes_the_layout_to_its_screens(django_user_model):
    playlist = make_playlist(slides=[make_slide(heading="Hello")])
    layout = Layout.objects.create(name="Lobby", template="full", organisation=playlist.organisation)
    channel = listen(content_group(f"layout-{layout.pk}"))
    layout.name = "Lobby, renamed by a script"
    edit(Layout, layout, django_user_model.objects.create_superuser("it", "it@example.org", "pw"))
    event = received(channel)
    assert event["type"] == "screen.manifest" and event["content"] == f"layout-{layout.pk}"


def test_the_campaign_actions_reach_the_screens_it_names_now_and_named_before(django_user_model):
    playlist = make_playlist(slides=[make_slide(heading="Flu shots")])
    first, _ = make_screen(playlist=playlist, name="First", organisation=playlist.organisation)
    second, _ = make_screen(playlist=playlist, name="Second", organisation=playlist.organisation)
    superuser = django_user_model.objects.create_superuser("it", "it@example.org", "pw")
    hubs = listen("screens.campaigns")
    now = timezone.now()
    campaign = Campaign(
        title="Flu shots",
        playlist=playlist,
        organisation=playlist.organisation,
        starts=now,
        ends=now.replace(year=now.year + 1),
    )
    action_registry.get_action_class(Campaign, "create")(campaign, user=superuser, screens=[first]).execute()
    created = {screen_id for edition in received(hubs)["editions"] for screen_id in edition["screens"]}
    assert created == {first.pk}
    edit(Campaign, campaign, superuser, screens=[second])  # names `second`, named `first` before
    assert set(campaign.screens.values_list("pk", flat=True)) == {second.pk}
    reached = {screen_id for edition in received(hubs)["editions"] for screen_id in edition["screens"]}
    assert reached == {first.pk, second.pk}


def test_creating_an_organisation_through_its_action_gives_it_a_media_collection(django_user_model):
    superuser = django_user_model.objects.create_superuser("it", "it@example.org", "pw")
    organisation = Organisation(name="Kultur")
    action_registry.get_action_class(Organisation, "create")(organisation, user=superuser).execute()
    assert Organisation.objects.get(name="Kultur").collection.name == "Kultur"


def test_screen_deleted_through_its_action_is_told_to_stop(django_user_model):
    screen, _ = make_screen(paired=True)
    channel = listen(screen_group(screen.pk))
    action_registry.get_action_class(Screen, "delete")(
        screen, user=django_user_model.objects.create_superuser("it", "it@example.org", "pw")
    ).execute()
    assert received(channel) == {"type": "screen.unpaired"}
