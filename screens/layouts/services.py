"""Writes about layouts."""

from core.content_keys import layout_key

from .models import Layout
from .pushes import push_contents_on_commit


def layout_changed(*, layout: Layout) -> None:
    """An admin changed the layout: every screen showing it gets the new manifest."""
    push_contents_on_commit({layout_key(layout.pk)})
