"""Which theme applies (pure: plain objects stand in for themes) and what screens receive."""

from types import SimpleNamespace

import pytest

from themes.fonts import FONTS, font_stack
from themes.payload import DEFAULT_THEME, theme_payload, theme_resolve

SLIDE, LOCATION, ORGANISATION = (SimpleNamespace(name=n) for n in ("slide", "location", "organisation"))


@pytest.mark.parametrize(
    "given, expected",
    [
        ({"slide": SLIDE, "location": LOCATION, "organisation": ORGANISATION}, SLIDE),
        ({"location": LOCATION, "organisation": ORGANISATION}, LOCATION),
        ({"slide": None, "location": None, "organisation": ORGANISATION}, ORGANISATION),
        ({"slide": SLIDE}, SLIDE),
        ({}, None),
    ],
)
def test_the_slide_wins_then_the_location_then_the_organisation(given, expected):
    assert theme_resolve(**given) is expected


def test_no_theme_anywhere_gives_the_built_in_default():
    assert theme_payload(theme_resolve()) == DEFAULT_THEME
    assert DEFAULT_THEME["background"] == "#000000" and DEFAULT_THEME["text"] == "#ffffff"


def test_a_theme_reaches_screens_as_colours_a_font_stack_and_a_logo():
    theme = SimpleNamespace(background="#0b3d91", text="#ffffff", accent="#ffcc00", font="serif", logo=None)
    assert theme_payload(theme) == {
        "background": "#0b3d91",
        "text": "#ffffff",
        "accent": "#ffcc00",
        "font": FONTS["serif"][1],
        "logo": None,
    }


def test_fonts_are_local_stacks_that_end_in_a_generic_family():
    for key, (_label, stack) in FONTS.items():
        assert "url(" not in stack and "http" not in stack
        assert stack.rsplit(",", 1)[-1].strip() in {"sans-serif", "serif"}, key
    assert font_stack("removed-font") == font_stack("system")
