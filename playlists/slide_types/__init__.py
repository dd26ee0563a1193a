"""Slide types: one module per type, each a block that edits the slide and describes it to screens.

The block's name is the slide's `type` in the manifest and names the client renderer
(`frontend/js/renderers/<type>.js`) that draws it.
"""

from .image_text import ImageTextBlock
from .slideshow import SlideshowBlock
from .video import VideoBlock

SLIDE_BLOCKS = [
    ("image_text", ImageTextBlock()),
    ("slideshow", SlideshowBlock()),
    ("video", VideoBlock()),
]
