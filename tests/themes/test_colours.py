"""The WCAG contrast rule, as a pure function (no database)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from themes.colours import MINIMUM_CONTRAST, contrast_ratio, is_readable, rgb

colours = st.tuples(*[st.integers(0, 255)] * 3).map(lambda c: f"#{c[0]:02x}{c[1]:02x}{c[2]:02x}")


def test_black_on_white_is_21_to_1_and_a_colour_on_itself_is_1_to_1():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#0b3d91", "#0b3d91") == pytest.approx(1)


@pytest.mark.parametrize(
    "text, background, expected",
    [
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
        ("#777777", "#ffffff", 4.48),  # one step lighter fails
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.00),
    ],
)
def test_ratios_match_published_wcag_values(text, background, expected):
    assert contrast_ratio(text, background) == pytest.approx(expected, abs=0.01)


def test_aa_needs_four_and_a_half_to_one():
    assert MINIMUM_CONTRAST == 4.5
    assert is_readable("#767676", "#ffffff")
    assert not is_readable("#777777", "#ffffff")


@given(colours, colours)
def test_the_ratio_is_symmetric_and_between_1_and_21(first, second):
    ratio = contrast_ratio(first, second)
    assert ratio == pytest.approx(contrast_ratio(second, first))
    assert 1 <= ratio <= 21.0001


@pytest.mark.parametrize("bad", ["", "fff", "#fff", "#12345g", "#1234567", "red", None, " #123456"])
def test_only_hash_and_six_hex_digits_are_colours(bad):
    with pytest.raises(ValueError):
        rgb(bad)


def test_upper_and_lower_case_digits_are_the_same_colour():
    assert rgb("#0B3D91") == rgb("#0b3d91") == (11, 61, 145)
