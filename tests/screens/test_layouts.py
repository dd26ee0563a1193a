"""The layout catalogue and content keys: pure, no database."""

import re

import pytest

from core.content_keys import NOTHING, layout_key, parse_content_key, playlist_key, screen_content_key
from core.grids import FULL, LANDSCAPE, PORTRAIT, TEMPLATES, layout_template, region_choices

CSS_IDENTIFIER = re.compile(r"^[a-z][a-z_]*$")
TRACKS = re.compile(r"^\d+fr( \d+fr)*$")


def test_the_catalogue_has_the_templates_municipalities_ask_for():
    assert {
        "full",
        "main_sidebar",
        "main_ticker",
        "grid_2x2",
        "three_columns",
        "full_portrait",
        "main_ticker_portrait",
        "top_bottom_portrait",
    } <= set(TEMPLATES)
    assert {template.orientation for template in TEMPLATES.values()} == {LANDSCAPE, PORTRAIT}


@pytest.mark.parametrize("key", TEMPLATES)
def test_every_template_is_a_valid_css_grid_of_its_regions(key):
    template = TEMPLATES[key]
    cells = [row.split() for row in template.areas]
    assert TRACKS.match(template.columns) and TRACKS.match(template.rows)
    assert len(cells) == len(template.rows.split())
    assert all(len(row) == len(template.columns.split()) for row in cells)
    names = template.region_names()
    assert len(set(names)) == len(names) and all(CSS_IDENTIFIER.match(name) for name in names)
    assert {name for row in cells for name in row} == set(names)
    # CSS grid areas must be rectangles, or the browser drops the whole template.
    for name in names:
        spots = [(r, c) for r, row in enumerate(cells) for c, cell in enumerate(row) if cell == name]
        rows, columns = {r for r, _ in spots}, {c for _, c in spots}
        assert len(spots) == len(rows) * len(columns), f"{name} is not a rectangle in {key}"
        assert max(rows) - min(rows) + 1 == len(rows) and max(columns) - min(columns) + 1 == len(columns)


def test_the_manifest_grid_of_a_template():
    assert layout_template("main_sidebar").grid() == {
        "key": "main_sidebar",
        "columns": "3fr 1fr",
        "rows": "1fr",
        "areas": ["main sidebar"],
    }


def test_an_unknown_template_key_plays_full_screen():
    assert layout_template("removed_long_ago").key == FULL


def test_region_choices_name_each_region_once():
    names = [name for name, _ in region_choices()]
    assert len(names) == len(set(names))
    assert {"main", "sidebar", "ticker", "top_left", "centre", "top", "bottom"} <= set(names)


def test_a_screen_with_a_layout_plays_it_and_otherwise_its_playlist():
    assert screen_content_key(layout_id=3, playlist_id=7) == layout_key(3) == "layout-3"
    assert screen_content_key(layout_id=None, playlist_id=7) == playlist_key(7) == "playlist-7"
    assert screen_content_key(layout_id=None, playlist_id=None) == NOTHING


@pytest.mark.parametrize("key", ["layout-3", "playlist-7", NOTHING])
def test_content_keys_round_trip(key):
    kind, pk = parse_content_key(key)
    assert (
        screen_content_key(layout_id=pk if kind == "layout" else None, playlist_id=pk if kind == "playlist" else None)
        == key
    )


@pytest.mark.parametrize("bad", ["", "layout-", "layout-x", "screen-3", "playlist-3-4", "none-1"])
def test_other_strings_are_not_content_keys(bad):
    with pytest.raises(ValueError):
        parse_content_key(bad)
