"""What each role may do in its own organisation, through the admin: the other side of the isolation walk."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from organisations.models import Organisation
from organisations.roles import ROLES
from playlists.models import Slide
from screens.fleet.models import Screen
from tests.factories import make_pairing_code, make_slide, make_user
from tests.organisations.conftest import admin_form

pytestmark = pytest.mark.django_db


def edit(model_name: str, obj) -> str:
    app = "playlists" if model_name in {"slide", "playlist"} else "screens"
    return reverse(f"wagtailsnippets_{app}_{model_name}:edit", args=[obj.pk])


def test_the_roles_exist_as_groups_with_their_permissions():
    for name, permissions in ROLES.items():
        group = Group.objects.get(name=name)
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert granted == set(permissions)


def test_a_publisher_edits_and_publishes_a_slide_of_their_own_organisation(client, ours):
    client.force_login(ours.user)
    form = admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist)
    response = client.post(edit("slide", ours.slide), form)
    assert response.status_code == 302
    slide = Slide.objects.get(pk=ours.slide.pk)
    assert slide.live and slide.title == "Hijacked" and slide.content[0].value["heading"] == "Hijacked"


def test_an_editor_saves_drafts_but_cannot_publish(client, ours):
    editor = make_user(organisation=ours.organisation, roles=("Editor",))
    client.force_login(editor)
    slide = make_slide(title="Published", organisation=ours.organisation)
    form = admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist)
    assert client.post(edit("slide", slide), form).status_code == 302
    slide.refresh_from_db()
    assert slide.latest_revision.content["title"] == "Hijacked"
    assert slide.title == "Published"  # the live row, and so every screen, still has the published version


def test_a_screen_admin_pairs_a_screen_of_their_own_organisation(client, ours):
    admin = make_user(organisation=ours.organisation, roles=("Screen admin",))
    client.force_login(admin)
    make_pairing_code("H7KQ3M")
    form = admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist)
    before = Screen.objects.get(pk=ours.screen.pk).token_hash
    assert client.post(edit("screen", ours.screen), form).status_code == 302
    assert Screen.objects.get(pk=ours.screen.pk).token_hash not in {None, before}


def test_an_editor_sees_screens_but_cannot_pair_or_change_them(client, ours):
    editor = make_user(organisation=ours.organisation, roles=("Editor",))
    client.force_login(editor)
    assert ours.screen.name in client.get(reverse("wagtailsnippets_screens_screen:list")).content.decode()
    make_pairing_code("H7KQ3M")
    form = admin_form(organisation=ours.organisation, location=ours.location, playlist=ours.playlist)
    client.post(edit("screen", ours.screen), form)
    assert Screen.objects.get(pk=ours.screen.pk).token_hash == ours.screen.token_hash


def test_pairing_fields_are_only_on_the_form_of_those_who_may_pair(client, ours):
    for roles, shown in ((("Screen admin",), True), (("Editor",), False)):
        client.force_login(make_user(organisation=ours.organisation, roles=roles))
        html = client.get(edit("screen", ours.screen)).content.decode()
        assert ('name="pairing_code"' in html) is shown


def test_an_organisation_admin_adds_a_member_with_a_role_but_cannot_make_a_superuser(client, ours):
    client.force_login(make_user(organisation=ours.organisation, roles=("Organisation admin",)))
    editor_group = Group.objects.get(name="Editor")
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "new-editor",
            "email": "new@example.org",
            "first_name": "New",
            "last_name": "Editor",
            "password1": "a-long-Passw0rd-2026",
            "password2": "a-long-Passw0rd-2026",
            "is_superuser": "on",
            "groups": [editor_group.pk],
            "organisations": [ours.organisation.pk],
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="new-editor")
    assert not user.is_superuser
    assert list(user.groups.all()) == [editor_group]
    assert list(user.organisations.all()) == [ours.organisation]


def test_the_admin_speaks_the_users_preferred_language(client, ours):
    UserProfile.objects.update_or_create(user=ours.user, defaults={"preferred_language": "da"})
    client.force_login(ours.user)
    html = client.get(edit("screen", ours.screen)).content.decode()
    assert "Parringskode" in html and "Organisation" in html and "Pairing code" not in html


def test_a_superuser_creates_an_organisation_with_its_own_media_collection(client, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("wagtailsnippets_organisations_organisation:add"), {"name": "Kulturhuset"})
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Kulturhuset")
    assert organisation.collection.name == "Kulturhuset" and organisation.collection.depth == 2


def test_only_superusers_manage_organisations(client, ours):
    client.force_login(ours.user)
    assert client.get(reverse("wagtailsnippets_organisations_organisation:list")).status_code == 302


def test_an_organisation_admin_sees_the_roles_in_their_language_and_cannot_make_superusers(client, ours):
    UserProfile.objects.update_or_create(user=ours.user, defaults={"preferred_language": "da"})
    client.force_login(ours.user)
    html = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert "Redaktør" in html and "Skærmadministrator" in html
    assert 'name="is_superuser"' not in html


def test_an_editor_works_with_the_media_of_their_own_organisation(client, ours):
    client.force_login(make_user(organisation=ours.organisation, roles=("Editor",)))
    assert ours.image.title in client.get(reverse("wagtailimages:index")).content.decode()
    assert client.get(reverse("wagtailimages:edit", args=[ours.image.pk])).status_code == 200
    assert ours.document.title in client.get(reverse("wagtaildocs:index")).content.decode()
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert ours.image.title in chooser


def test_an_organisation_admin_cannot_manage_a_member_who_also_belongs_to_another_organisation(client, ours, theirs):
    both = make_user(organisation=ours.organisation, roles=("Editor",))
    both.organisations.add(theirs.organisation)
    only_ours = make_user(organisation=ours.organisation, roles=("Editor",))
    client.force_login(make_user(organisation=ours.organisation, roles=("Organisation admin",)))
    assert client.get(reverse("wagtailusers_users:edit", args=[only_ours.pk])).status_code == 200
    assert client.get(reverse("wagtailusers_users:edit", args=[both.pk])).status_code in {302, 403, 404}
