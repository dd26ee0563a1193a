"""Slide types: one module per type, each a block that edits the slide and describes it to screens.

The block's name is the slide's `type` in the manifest and names the client renderer
(`frontend/js/renderers/<type>.js`) that draws it.
"""

from .book_review import BookReviewBlock
from .calendar import CalendarBlock
from .clock import ClockBlock
from .contacts import ContactsBlock
from .image_text import ImageTextBlock
from .news import NewsBlock
from .poster import PosterBlock
from .qr_code import QrCodeBlock
from .slideshow import SlideshowBlock
from .table import TableSlideBlock
from .video import VideoBlock
from .web_page import WebPageBlock

SLIDE_BLOCKS = [
    ("image_text", ImageTextBlock()),
    ("slideshow", SlideshowBlock()),
    ("video", VideoBlock()),
    ("news", NewsBlock()),
    ("calendar", CalendarBlock()),
    ("web_page", WebPageBlock()),
    ("contacts", ContactsBlock()),
    ("table", TableSlideBlock()),
    ("poster", PosterBlock()),
    ("book_review", BookReviewBlock()),
    ("qr_code", QrCodeBlock()),
    ("clock", ClockBlock()),
]
