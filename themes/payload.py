"""Which theme applies, and a theme as screens receive it (docs/protocol.md, "Themes")."""

from core.media import image_payload, media_entry

from .fonts import SYSTEM, font_stack

# Small enough for a corner of a 1080p screen.
LOGO_IMAGE = "max-480x240"

# What a screen shows when neither its location nor its organisation has a theme.
DEFAULT_THEME = {
    "background": "#000000",
    "text": "#ffffff",
    "accent": "#ffcc00",
    "font": font_stack(SYSTEM),
    "logo": None,
}


def theme_resolve(*, slide=None, location=None, organisation=None):
    """The theme that applies: the slide's own, else its screen's location's, else the organisation's;
    None means the built-in default."""
    return next((theme for theme in (slide, location, organisation) if theme is not None), None)


def theme_payload(theme) -> dict:
    """A theme as a screen applies it; None gives the built-in default."""
    if theme is None:
        return dict(DEFAULT_THEME)
    return {
        "background": theme.background,
        "text": theme.text,
        "accent": theme.accent,
        "font": font_stack(theme.font),
        "logo": image_payload(theme.logo, LOGO_IMAGE),
    }


def logo_media(theme_payload: dict | None) -> list[dict]:
    """The theme's logo as a media entry, for the client to fetch ahead and keep offline."""
    logo = theme_payload and theme_payload.get("logo")
    return [media_entry(logo["url"], "image")] if logo else []


def screen_theme(screen) -> dict:
    """The theme a screen shows slides without their own in (fetch the screen with `SCREEN_THEMES` related)."""
    return theme_payload(theme_resolve(location=screen.location.theme, organisation=screen.organisation.theme))


# select_related() paths that make `screen_theme` free of queries (logo renditions come from Wagtail's cache).
SCREEN_THEMES = ("location__theme__logo", "organisation__theme__logo")
