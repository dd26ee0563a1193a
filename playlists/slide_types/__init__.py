"""Slide types: one module per type, each a block that edits the slide and describes it to screens.

The block's name is the slide's `type` in the manifest and names the client renderer
(`frontend/js/renderers/<type>.js`) that draws it.
"""

from .calendar import CalendarBlock
from .image_text import ImageTextBlock
from .news import NewsBlock
from .web_page import WebPageBlock

SLIDE_BLOCKS = [
    ("image_text", ImageTextBlock()),
    ("news", NewsBlock()),
    ("calendar", CalendarBlock()),
    ("web_page", WebPageBlock()),
]
