"""Saving a layout: every screen showing it gets the new manifest."""

from organisations.actions import AfterSaveMixin

from .services import layout_changed


class LayoutSaveMixin(AfterSaveMixin):
    def saved(self, instance) -> None:
        layout_changed(layout=instance)
