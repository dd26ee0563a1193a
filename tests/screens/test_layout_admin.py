"""Layouts in the admin: built by screen admins, regions checked against the template, playlists and layouts
only from what the organisation may use."""

import json
import re

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.content_keys import layout_key
from screens.fleet.models import Screen
from screens.layouts.models import Layout
from screens.live import content_group
from tests.factories import make_layout, make_organisation, make_playlist, make_screen, make_slide, make_user
from tests.manifests import headings
from tests.playlists.test_preview import embedded

pytestmark = pytest.mark.django_db(transaction=True)


def layout_form(*, organisation, template: str, placements, name: str = "Entrance") -> dict:
    rows = [{"region": region, "playlist": playlist.pk} for region, playlist in placements]
    return nested_form_data(
        {"organisation": organisation.pk, "name": name, "template": template, "region_playlists": inline_formset(rows)}
    )


@pytest.fixture
def organisation():
    return make_organisation("Borgerservice")


@pytest.fixture
def screen_admin(client, organisation):
    client.force_login(make_user(organisation=organisation, roles=("Screen admin",)))
    return client


def test_the_layout_form_names_the_regions_of_each_template(screen_admin):
    html = screen_admin.get(reverse("wagtailsnippets_screens_layout:add")).content.decode()
    assert "Main and bottom ticker: Main, Ticker" in html and "Four quarters (2×2): Top left, Top right" in html


def test_a_screen_admin_builds_a_layout_with_playlists_in_regions(screen_admin, organisation):
    news, events, ticker = (make_playlist(slides=[make_slide(heading=t)], title=t) for t in ("News", "Events", "Bus"))
    form = layout_form(
        organisation=organisation,
        template="main_ticker",
        placements=[("main", news), ("ticker", ticker), ("main", events)],
    )
    response = screen_admin.post(reverse("wagtailsnippets_screens_layout:add"), form)
    assert response.status_code == 302
    layout = Layout.objects.get(name="Entrance")
    placed = layout.region_playlists.order_by("sort_order").values_list("region", "playlist__title")
    assert list(placed) == [("main", "News"), ("ticker", "Bus"), ("main", "Events")]


def test_a_playlist_in_a_region_the_template_lacks_gets_a_clear_error(screen_admin, organisation):
    playlist = make_playlist()
    form = layout_form(organisation=organisation, template="main_sidebar", placements=[("ticker", playlist)])
    response = screen_admin.post(reverse("wagtailsnippets_screens_layout:add"), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "has no such region" in html and "Main, Sidebar" in html
    assert not Layout.objects.exists()


def test_editing_a_layout_pushes_it_to_the_screens_showing_it(screen_admin, organisation):
    layout = make_layout(template="main_ticker", regions=[], organisation=organisation)
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(content_group(layout_key(layout.pk)), channel)
    playlist = make_playlist(slides=[make_slide(heading="Now in the ticker")])
    form = layout_form(organisation=organisation, template="main_ticker", placements=[("ticker", playlist)])
    assert screen_admin.post(reverse("wagtailsnippets_screens_layout:edit", args=[layout.pk]), form).status_code == 302
    event = async_to_sync(layer.receive)(channel)
    assert event["type"] == "screen.manifest" and event["content"] == layout_key(layout.pk)
    assert headings(json.loads(event["text"])["manifest"], "ticker") == ["Now in the ticker"]


def test_a_layout_takes_only_playlists_its_organisation_may_show(client, organisation):
    library = make_organisation("Biblioteket")
    # A member of both organisations is offered both organisations' playlists.
    client.force_login(make_user(organisation=organisation, roles=("Screen admin",)))
    library.members.add(*organisation.members.all())
    theirs = make_playlist(title="The library's own", organisation=library)
    form = layout_form(organisation=organisation, template="full", placements=[("main", theirs)])
    response = client.post(reverse("wagtailsnippets_screens_layout:add"), form)
    assert response.status_code == 200
    assert "not shared with the layout’s organisation" in response.content.decode()
    theirs.shared_with.add(organisation)
    assert client.post(reverse("wagtailsnippets_screens_layout:add"), form).status_code == 302


def test_a_screen_gets_only_a_layout_of_its_own_organisation(client, organisation):
    library = make_organisation("Biblioteket")
    user = make_user(organisation=organisation, roles=("Screen admin",))
    library.members.add(user)
    client.force_login(user)
    screen, _ = make_screen(organisation=organisation)
    form = {
        "organisation": organisation.pk,
        "name": screen.name,
        "location": screen.location_id,
        "layout": make_layout(organisation=library).pk,
    }
    response = client.post(reverse("wagtailsnippets_screens_screen:edit", args=[screen.pk]), form)
    assert response.status_code == 200 and "organisation’s own layouts" in response.content.decode()
    assert Screen.objects.get(pk=screen.pk).layout is None


def test_editors_see_layouts_but_cannot_change_them(client, organisation):
    layout = make_layout(name="Entrance layout", organisation=organisation)
    client.force_login(make_user(organisation=organisation, roles=("Editor",)))
    assert "Entrance layout" in client.get(reverse("wagtailsnippets_screens_layout:list")).content.decode()
    form = layout_form(organisation=organisation, template="full", placements=[], name="Changed")
    client.post(reverse("wagtailsnippets_screens_layout:edit", args=[layout.pk]), form)
    assert Layout.objects.get(pk=layout.pk).name == "Entrance layout"


def test_layout_preview_plays_every_region_in_the_layouts_orientation():
    main, bottom = (
        make_playlist(slides=[make_slide(heading="Top news")]),
        make_playlist(slides=[make_slide(heading="Bus")]),
    )
    layout = make_layout(template="top_bottom_portrait", regions=[("top", main), ("bottom", bottom)])
    assert layout.default_preview_size == layout.default_preview_mode == "portrait"
    page = layout.serve_preview(RequestFactory().get("/"), layout.default_preview_mode).render().content.decode()
    assert re.search(r'<iframe id="preview-screen"[^>]*width="1080" height="1920"', page, re.S)
    manifest = embedded(layout, "preview-manifest")
    assert manifest["layout"]["areas"] == ["top", "bottom"]
    assert headings(manifest, "top") == ["Top news"] and headings(manifest, "bottom") == ["Bus"]
