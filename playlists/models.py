from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from organisations.models import Organisation, OrganisationOwned, OrganisationOwnedQuerySet, OrganisationWorkflowMixin

from .feeds.models import FeedCache  # noqa: F401  (a model of this app)
from .slide_types import SLIDE_BLOCKS

SCREEN_PREVIEW_SIZES = [
    {"name": "landscape", "icon": "desktop", "device_width": 1920, "label": _("Preview 16:9 (1920×1080)")},
    {"name": "portrait", "icon": "mobile-alt", "device_width": 1080, "label": _("Preview 9:16 (1080×1920)")},
]


class ScreenPreviewMixin(PreviewableMixin):
    """Previews through the screen client's own renderer, fed by the screens' manifest builder."""

    @property
    def preview_sizes(self):
        return SCREEN_PREVIEW_SIZES

    def get_preview_template(self, request, mode_name):
        return "playlists/preview.html"

    def get_preview_context(self, request, mode_name):
        from screens.manifest import preview_manifest

        return {**super().get_preview_context(request, mode_name), "manifest": preview_manifest(self)}


class ScreenContent(
    OrganisationWorkflowMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ScreenPreviewMixin,
    index.Indexed,
    OrganisationOwned,
):
    """What editors make for screens: an organisation's, drafted, approved, previewed at screen sizes."""

    class Meta:
        abstract = True


class Slide(ScreenContent):
    title = models.CharField(_("title"), max_length=255, help_text=_("Shown in the admin only."))
    duration = models.PositiveIntegerField(
        _("duration (seconds)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(3600)],
        help_text=_("How long the slide stays on screen."),
    )
    content = StreamField(SLIDE_BLOCKS, min_num=1, max_num=1, verbose_name=_("content"))

    panels = [
        FieldPanel("organisation"),
        FieldPanel("title"),
        FieldPanel("duration"),
        FieldPanel("content"),
        PublishingPanel(),
    ]
    search_fields = [*OrganisationOwned.search_fields, index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("slide")
        verbose_name_plural = _("slides")
        ordering = ["title"]

    def __str__(self):
        return self.title


class PlaylistQuerySet(OrganisationOwnedQuerySet):
    def usable_by(self, organisations):
        shared = Playlist.shared_with.through.objects.filter(organisation__in=organisations).values("playlist_id")
        return self.filter(Q(organisation__in=organisations) | Q(pk__in=shared))


class Playlist(ScreenContent, ClusterableModel):
    title = models.CharField(_("title"), max_length=255)
    # OS2display's shared playlists: the others may show it on their screens, its slides included, but not change it.
    shared_with = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="shared_playlists",
        verbose_name=_("shared with"),
        help_text=_("These organisations may show the playlist on their screens but cannot change it."),
    )

    objects = PlaylistQuerySet.as_manager()

    panels = [
        FieldPanel("organisation"),
        FieldPanel("title"),
        InlinePanel("items", label=_("Slides")),
        FieldPanel("shared_with", widget=forms.CheckboxSelectMultiple),
        PublishingPanel(),
    ]
    # "id": choosers search among the playlists shared with the user's organisations too.
    search_fields = [
        *OrganisationOwned.search_fields,
        index.FilterField("id"),
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        verbose_name = _("playlist")
        verbose_name_plural = _("playlists")
        ordering = ["title"]

    def __str__(self):
        return self.title


class PlaylistItem(Orderable):
    playlist = ParentalKey(Playlist, on_delete=models.CASCADE, related_name="items")
    slide = models.ForeignKey(
        Slide, on_delete=models.CASCADE, related_name="playlist_items", verbose_name=_("slide")
    )

    panels = [FieldPanel("slide")]

    class Meta(Orderable.Meta):
        verbose_name = _("playlist slide")
        verbose_name_plural = _("playlist slides")
