"""Layouts: a grid template with playlists in its regions, shared by many screens."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from core.grids import FULL, layout_template, region_choices, template_choices
from organisations.models import OrganisationOwned
from playlists.models import PlaylistItem, ScreenPreviewMixin
from playlists.payloads import Manifest, placed_manifest


class Layout(ScreenPreviewMixin, index.Indexed, OrganisationOwned, ClusterableModel):
    """A grid template with playlists in its regions; many screens can share one."""

    name = models.CharField(_("name"), max_length=255)
    template = models.CharField(
        _("template"),
        max_length=32,
        choices=template_choices,
        default=FULL,
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("template"),
        InlinePanel(
            "region_playlists",
            label=_("Playlists in regions"),
            help_text=_("A region plays its playlists one after another, in this order, and then starts again."),
        ),
    ]
    search_fields = [*OrganisationOwned.search_fields, index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("layout")
        verbose_name_plural = _("layouts")
        ordering = ["name"]

    def __str__(self):
        return self.name

    # A portrait template previews on a portrait screen, in the panel's portrait size.
    @property
    def default_preview_size(self):
        return layout_template(self.template).orientation

    @property
    def default_preview_mode(self):
        return layout_template(self.template).orientation

    def preview_manifest(self) -> Manifest:
        """The layout as it stands in the editor, with the published slides of its published playlists."""
        rows = sorted(self.region_playlists.all(), key=lambda row: row.sort_order or 0)
        placements = [(row.region, row.playlist) for row in rows if row.playlist_id and row.playlist.live]
        slides = PlaylistItem.objects.live_slides({playlist.pk for _, playlist in placements})
        return placed_manifest(layout_template(self.template), placements, slides)


class LayoutRegionPlaylist(Orderable):
    layout = ParentalKey(Layout, on_delete=models.CASCADE, related_name="region_playlists")
    region = models.CharField(_("region"), max_length=32, choices=region_choices)
    playlist = models.ForeignKey(
        "playlists.Playlist", on_delete=models.CASCADE, related_name="layout_regions", verbose_name=_("playlist")
    )

    panels = [FieldPanel("region"), FieldPanel("playlist")]

    class Meta(Orderable.Meta):
        verbose_name = _("playlist in a region")
        verbose_name_plural = _("playlists in regions")
