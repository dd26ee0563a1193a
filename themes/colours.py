"""Colours as editors type them (#rrggbb) and the WCAG contrast rule for text on a background."""

import re

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.1 AA for normal-size text (success criterion 1.4.3).
MINIMUM_CONTRAST = 4.5


def rgb(colour: str) -> tuple[int, int, int]:
    """(r, g, b) of a "#rrggbb" colour; ValueError for anything else."""
    if not isinstance(colour, str) or not HEX_COLOUR.match(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white); order does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_readable(text: str, background: str) -> bool:
    return contrast_ratio(text, background) >= MINIMUM_CONTRAST
