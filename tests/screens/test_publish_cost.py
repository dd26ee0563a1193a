"""A publish costs database work per changed manifest, never per screen."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.pairing import hash_token
from screens.fleet.models import Location, Screen
from screens.fleet.pushes import push_themes
from screens.fleet.selectors import screens_themed_by
from tests.factories import (
    make_image,
    make_layout,
    make_organisation,
    make_playlist,
    make_screen,
    make_slide,
    make_theme,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db


def add_screens(count: int, playlist=None, layout=None) -> None:
    """Screens playing the playlist full screen, or the layout."""
    organisation = (layout or playlist).organisation
    location = Location.objects.create(name=f"Building {Location.objects.count()}", organisation=organisation)
    Screen.objects.bulk_create(
        Screen(
            name=f"Screen {n}",
            location=location,
            playlist=playlist,
            layout=layout,
            organisation=organisation,
            token_hash=hash_token(f"{location.pk}-{n}"),
        )
        for n in range(count)
    )


def queries_to_publish(slide, django_capture_on_commit_callbacks) -> int:
    slide.content = [("image_text", {"heading": f"Edit {slide.duration}", "text": "", "image": None})]
    slide.duration += 1
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True) as callbacks:
        slide.save_revision().publish()
    assert callbacks, "the publish scheduled no push"
    return len(queries)


def test_publishing_costs_the_same_for_10_and_1000_screens(django_capture_on_commit_callbacks):
    slide = make_slide()
    playlist = make_playlist(slides=[slide])
    add_screens(10, playlist)
    with_10 = queries_to_publish(slide, django_capture_on_commit_callbacks)
    add_screens(990, playlist)
    assert Screen.objects.count() == 1000
    with_1000 = queries_to_publish(slide, django_capture_on_commit_callbacks)
    assert with_1000 == with_10


def test_a_slide_in_many_playlists_builds_each_manifest_once(django_capture_on_commit_callbacks):
    slide = make_slide()
    for n in range(3):
        add_screens(5, make_playlist(slides=[slide], title=f"Playlist {n}"))
    three = queries_to_publish(slide, django_capture_on_commit_callbacks)
    add_screens(5, make_playlist(slides=[slide], title="Playlist 4"))
    four = queries_to_publish(slide, django_capture_on_commit_callbacks)
    # One more playlist costs one more manifest build (a fixed handful of queries), not one per screen.
    assert 0 < four - three <= 3


def test_publishing_into_a_layout_costs_the_same_for_10_and_1000_screens(django_capture_on_commit_callbacks):
    slide = make_slide()
    ticker = make_playlist(slides=[slide], title="Ticker")
    layout = make_layout(
        template="main_ticker", regions=[("main", make_playlist(slides=[make_slide()])), ("ticker", ticker)]
    )
    add_screens(10, layout=layout)
    with_10 = queries_to_publish(slide, django_capture_on_commit_callbacks)
    add_screens(990, layout=layout)
    with_1000 = queries_to_publish(slide, django_capture_on_commit_callbacks)
    assert with_1000 == with_10


def test_a_playlist_in_many_layouts_builds_each_layout_once(django_capture_on_commit_callbacks):
    slide = make_slide()
    playlist = make_playlist(slides=[slide])
    for n in range(3):
        add_screens(5, layout=make_layout(regions=[("ticker", playlist)], name=f"Layout {n}"))
    three = queries_to_publish(slide, django_capture_on_commit_callbacks)
    add_screens(5, layout=make_layout(regions=[("ticker", playlist)], name="Layout 4"))
    four = queries_to_publish(slide, django_capture_on_commit_callbacks)
    # One more layout costs one more manifest build (four queries), not one per screen.
    assert 0 < four - three <= 4


def screens_showing_one_theme(count: int) -> Theme:
    organisation = make_organisation(f"Organisation {count}")
    theme = make_theme(organisation=organisation, logo=make_image(width=400, height=200, organisation=organisation))
    location = Location.objects.create(name="Hall", organisation=organisation, theme=theme)
    for number in range(count):
        make_screen(name=f"Screen {number}", location=location, organisation=organisation)
    return theme


@pytest.mark.parametrize("count", [1, 30])
def test_a_theme_push_costs_one_query_for_one_screen_or_many(count, measurements):
    theme = screens_showing_one_theme(count)
    push_themes(screens_themed_by(theme_id=theme.pk))  # the logo's rendition is made once, then cached
    with CaptureQueriesContext(connection) as queries:
        push_themes(screens_themed_by(theme_id=theme.pk))
    measurements[f"queries per theme push, {count} screens"] = len(queries)
    assert len(queries) == 1
