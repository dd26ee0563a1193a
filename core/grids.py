"""The layout templates a screen can use: fixed CSS grids with named regions (OS2display's screen templates).

A template is code, not data: the client draws it with CSS grid, and every region name is also a CSS
grid-area name. Layouts (screens.layouts.models.Layout) pick a template by key and put playlists in its regions.
"""

from dataclasses import dataclass
from typing import TypedDict

from django.utils.translation import gettext_lazy as _

from .labels import Label

# Named as the admin preview sizes are (playlists.models.SCREEN_PREVIEW_SIZES): a layout previews in its own.
LANDSCAPE = "landscape"
PORTRAIT = "portrait"


@dataclass(frozen=True)
class Region:
    name: str
    label: Label


class Grid(TypedDict):
    key: str
    columns: str
    rows: str
    areas: list[str]


@dataclass(frozen=True)
class LayoutTemplate:
    key: str
    label: Label
    orientation: str
    columns: str  # CSS grid-template-columns
    rows: str  # CSS grid-template-rows
    areas: tuple[str, ...]  # CSS grid-template-areas, one string per row
    regions: tuple[Region, ...]  # in manifest order: the first is the main region

    def region_names(self) -> list[str]:
        return [region.name for region in self.regions]

    def has_region(self, name: str) -> bool:
        return name in self.region_names()

    def grid(self) -> Grid:
        """The grid as a screen draws it (the manifest's "layout", without its playlists)."""
        return {"key": self.key, "columns": self.columns, "rows": self.rows, "areas": list(self.areas)}


MAIN = Region("main", _("Main"))
SIDEBAR = Region("sidebar", _("Sidebar"))
TICKER = Region("ticker", _("Ticker"))

FULL = "full"

TEMPLATES: dict[str, LayoutTemplate] = {
    template.key: template
    for template in (
        LayoutTemplate(FULL, _("Full screen"), LANDSCAPE, "1fr", "1fr", ("main",), (MAIN,)),
        LayoutTemplate(
            "main_sidebar", _("Main and sidebar"), LANDSCAPE, "3fr 1fr", "1fr", ("main sidebar",), (MAIN, SIDEBAR)
        ),
        # The ticker is an eighth of the height: one line of large text.
        LayoutTemplate(
            "main_ticker", _("Main and bottom ticker"), LANDSCAPE, "1fr", "7fr 1fr", ("main", "ticker"), (MAIN, TICKER)
        ),
        LayoutTemplate(
            "grid_2x2",
            _("Four quarters (2×2)"),
            LANDSCAPE,
            "1fr 1fr",
            "1fr 1fr",
            ("top_left top_right", "bottom_left bottom_right"),
            (
                Region("top_left", _("Top left")),
                Region("top_right", _("Top right")),
                Region("bottom_left", _("Bottom left")),
                Region("bottom_right", _("Bottom right")),
            ),
        ),
        LayoutTemplate(
            "three_columns",
            _("Three columns"),
            LANDSCAPE,
            "1fr 1fr 1fr",
            "1fr",
            ("left centre right",),
            (Region("left", _("Left")), Region("centre", _("Centre")), Region("right", _("Right"))),
        ),
        LayoutTemplate("full_portrait", _("Full screen, portrait"), PORTRAIT, "1fr", "1fr", ("main",), (MAIN,)),
        LayoutTemplate(
            "main_ticker_portrait",
            _("Main and bottom ticker, portrait"),
            PORTRAIT,
            "1fr",
            "11fr 1fr",
            ("main", "ticker"),
            (MAIN, TICKER),
        ),
        LayoutTemplate(
            "top_bottom_portrait",
            _("Top and bottom, portrait"),
            PORTRAIT,
            "1fr",
            "1fr 1fr",
            ("top", "bottom"),
            (Region("top", _("Top")), Region("bottom", _("Bottom"))),
        ),
    )
}


def layout_template(key: str) -> LayoutTemplate:
    """The template with this key; full screen for a key no longer in the catalogue, so a screen still plays."""
    return TEMPLATES.get(key) or TEMPLATES[FULL]


def template_choices() -> list[tuple[str, Label]]:
    return [(template.key, template.label) for template in TEMPLATES.values()]


def region_choices() -> list[tuple[str, Label]]:
    """Every region name any template has, once: what a layout's playlist may be placed in."""
    regions = {region.name: region.label for template in TEMPLATES.values() for region in template.regions}
    return list(regions.items())
