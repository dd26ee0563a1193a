"""Fonts a theme may use: font stacks that exist on a Raspberry Pi kiosk without a network
(Debian's fonts-dejavu-core is on every Raspberry Pi OS image), never a web font service."""

from django.utils.translation import gettext_lazy as _

SYSTEM = "system"

# Key → (label, CSS font-family stack). The key is stored; the stack is what screens receive.
FONTS = {
    SYSTEM: (_("System sans-serif"), 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif'),
    "sans": (_("DejaVu Sans (clear sans-serif)"), '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'),
    "serif": (_("DejaVu Serif (serif)"), '"DejaVu Serif", "Liberation Serif", Georgia, serif'),
    "condensed": (
        _("DejaVu Sans Condensed (narrow, for longer text)"),
        '"DejaVu Sans Condensed", "Liberation Sans Narrow", "Arial Narrow", sans-serif',
    ),
}
FONT_CHOICES = [(key, label) for key, (label, _stack) in FONTS.items()]


def font_stack(key: str) -> str:
    """The CSS stack of a font key; an unknown key (a font since removed) falls back to the system font."""
    return FONTS.get(key, FONTS[SYSTEM])[1]
