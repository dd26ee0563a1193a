"""Themes in the admin: clear messages for unreadable or malformed colours, and themes stay in their organisation."""

import pytest
from django.urls import reverse

from screens.fleet.models import Location
from tests.factories import make_image, make_organisation, make_theme, make_user
from themes.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(client):
    organisation = make_organisation()
    client.force_login(make_user(organisation=organisation, roles=("Publisher",)))
    return client, organisation


def theme_form(organisation, **fields):
    return {
        "organisation": organisation.pk,
        "name": "Lobby",
        "background": "#000000",
        "text": "#ffffff",
        "accent": "#ffcc00",
        "font": "serif",
        "logo": "",
        **fields,
    }


ADD = reverse("wagtailsnippets_themes_theme:add")


def form_errors(response) -> dict:
    return response.context["form"].errors


def test_a_publisher_makes_a_theme_with_a_logo(publisher):
    client, organisation = publisher
    logo = make_image(organisation=organisation, title="Crest")
    response = client.post(ADD, theme_form(organisation, logo=logo.pk))
    assert response.status_code == 302
    theme = Theme.objects.get(name="Lobby")
    assert (theme.font, theme.logo, theme.organisation) == ("serif", logo, organisation)


def test_text_that_is_hard_to_read_on_the_background_is_refused_with_its_contrast(publisher):
    client, organisation = publisher
    response = client.post(ADD, theme_form(organisation, background="#ffffff", text="#777777"))
    assert response.status_code == 200
    [message] = form_errors(response)["text"]
    assert "4.4:1" in message and "at least 4.5:1 (WCAG AA)" in message  # 4.48 rounded down, never up to a pass
    assert not Theme.objects.exists()


@pytest.mark.parametrize("bad", ["red", "#fff", "#12345g", "javascript:x"])
def test_a_colour_must_be_hash_and_six_hex_digits(publisher, bad):
    client, organisation = publisher
    response = client.post(ADD, theme_form(organisation, accent=bad))
    assert "Enter a colour as # followed by six hexadecimal digits" in " ".join(form_errors(response)["accent"])


def test_a_logo_from_another_organisations_media_is_refused(publisher):
    client, organisation = publisher
    foreign = make_image(organisation=make_organisation("Biblioteket"))
    response = client.post(ADD, theme_form(organisation, logo=foreign.pk))
    assert response.status_code == 200 and not Theme.objects.exists()


def test_editors_and_screen_admins_may_choose_themes_but_not_change_them(client):
    organisation = make_organisation()
    theme = make_theme(organisation=organisation)
    for role in ("Editor", "Screen admin"):
        client.force_login(make_user(organisation=organisation, roles=(role,)))
        assert client.get(reverse("wagtailsnippets_themes_theme:list")).status_code == 200
        assert client.get(reverse("wagtailsnippets_themes_theme:edit", args=[theme.pk])).status_code in (302, 403)


def test_a_location_may_not_take_another_organisations_theme(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("it", "it@example.org", "pw"))
    organisation = make_organisation()
    location = Location.objects.create(name="Hall", organisation=organisation)
    foreign = make_theme(organisation=make_organisation("Biblioteket"))
    response = client.post(
        reverse("wagtailsnippets_screens_location:edit", args=[location.pk]),
        {"organisation": organisation.pk, "name": "Hall", "address": "", "theme": foreign.pk},
    )
    assert form_errors(response)["theme"] == ["Choose a theme of the same organisation."]
    own = make_theme(organisation=organisation)
    response = client.post(
        reverse("wagtailsnippets_screens_location:edit", args=[location.pk]),
        {"organisation": organisation.pk, "name": "Hall", "address": "", "theme": own.pk},
    )
    assert response.status_code == 302 and Location.objects.get(pk=location.pk).theme == own


def test_the_contrast_is_written_as_numbers_are_in_the_users_language():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    theme = Theme(name="Grey", background="#ffffff", text="#777777", font="sans")
    with translation.override("da"), pytest.raises(ValidationError) as refused:
        theme.clean()
    [message] = refused.value.message_dict["text"]
    assert "4,4:1" in message and "4,5:1" in message
