from collections import defaultdict
from datetime import time

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from core.schedule_rules import RuleError, rule_check, schedule_summary
from core.timeline import Recurrence
from organisations.models import (
    Organisation,
    OrganisationOwned,
    OrganisationOwnedQuerySet,
    OrganisationWorkflowMixin,
    theme_choice,
    theme_owner_check,
)
from themes.payload import theme_payload

from .feeds.models import FeedCache  # noqa: F401  (a model of this app)
from .payloads import Manifest, single_playlist_manifest
from .schedule_forms import schedule_panel
from .slide_types import SLIDE_BLOCKS

SCREEN_PREVIEW_SIZES = [
    {"name": "landscape", "icon": "desktop", "device_width": 1920, "label": _("Preview 16:9 (1920×1080)")},
    {"name": "portrait", "icon": "mobile-alt", "device_width": 1080, "label": _("Preview 9:16 (1080×1920)")},
]
# Preview mode → the screen it stands for, (width, height). The preview draws a screen of exactly this
# size and scales it to fit, as the screen CSS sizes everything by the viewport.
SCREEN_PREVIEW_MODES = {
    "landscape": ((1920, 1080), _("Landscape screen 16:9 (1920×1080)")),
    "portrait": ((1080, 1920), _("Portrait screen 9:16 (1080×1920)")),
}


class ScreenPreviewMixin(PreviewableMixin):
    """Previews through the screen client's own renderer, fed by the screens' manifest builder, in the theme
    the content would get: a slide's own, else its organisation's."""

    @property
    def preview_sizes(self):
        return SCREEN_PREVIEW_SIZES

    @property
    def preview_modes(self):
        return [(name, label) for name, (_size, label) in SCREEN_PREVIEW_MODES.items()]

    def get_preview_template(self, request, mode_name):
        return "playlists/preview.html"

    def preview_manifest(self) -> Manifest:
        """The manifest of the object as it stands in the editor, drafts included, with the published slides
        of the playlists it names (what a screen would show)."""
        raise NotImplementedError

    def get_preview_context(self, request, mode_name):
        (width, height), _label = SCREEN_PREVIEW_MODES.get(mode_name, SCREEN_PREVIEW_MODES["landscape"])
        organisation = self.organisation if self.organisation_id else None
        return {
            **super().get_preview_context(request, mode_name),
            "manifest": self.preview_manifest(),
            "theme": theme_payload(organisation.theme if organisation else None),
            "screen_width": width,
            "screen_height": height,
        }


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
        help_text=_(
            "How long the slide stays on screen. A slideshow lasts as long as its images, a video until it ends."
        ),
    )
    content = StreamField(SLIDE_BLOCKS, min_num=1, max_num=1, verbose_name=_("content"))
    theme = theme_choice(_("Empty: the theme of the screen showing the slide (its location's or organisation's)."))

    panels = [
        FieldPanel("organisation"),
        FieldPanel("title"),
        FieldPanel("duration"),
        FieldPanel("content"),
        FieldPanel("theme"),
        PublishingPanel(),
    ]
    search_fields = [*OrganisationOwned.search_fields, index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("slide")
        verbose_name_plural = _("slides")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        theme_owner_check(theme=self.theme, organisation_id=self.organisation_id)

    def preview_manifest(self) -> Manifest:
        # A slide plays as a playlist of one.
        return single_playlist_manifest(playlist_id=self.pk or 0, title=str(self), slides=[self])


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
        schedule_panel(),
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

    def schedule_summary(self) -> str:
        today = timezone.localdate()
        return "; ".join(schedule.summary(today=today) for schedule in self.schedules.all()) or str(_("Always"))

    schedule_summary.short_description = _("Plays")

    def preview_manifest(self) -> Manifest:
        slides = [item.slide for item in self.items.all() if item.slide_id and item.slide.live]
        return single_playlist_manifest(playlist_id=self.pk or 0, title=str(self), slides=slides)


class PlaylistItemQuerySet(models.QuerySet):
    def live_slides(self, playlist_ids: set[int]) -> dict[int, list["Slide"]]:
        """The published slides of each playlist, in order, in one query (none without playlists)."""
        slides: dict[int, list[Slide]] = defaultdict(list)
        if playlist_ids:
            items = (
                self.filter(playlist_id__in=playlist_ids, slide__live=True)
                .select_related("slide__theme__logo")
                .order_by("playlist_id", "sort_order", "pk")
            )
            for item in items:
                slides[item.playlist_id].append(item.slide)
        return slides


class PlaylistItem(Orderable):
    playlist = ParentalKey(Playlist, on_delete=models.CASCADE, related_name="items")
    slide = models.ForeignKey(Slide, on_delete=models.CASCADE, related_name="playlist_items", verbose_name=_("slide"))

    objects = PlaylistItemQuerySet.as_manager()

    panels = [FieldPanel("slide")]

    class Meta(Orderable.Meta):
        verbose_name = _("playlist slide")
        verbose_name_plural = _("playlist slides")


def rule_validate(rule: str) -> None:
    try:
        rule_check(rule)
    except RuleError as error:
        raise ValidationError(str(error)) from None


class PlaylistSchedule(Orderable):
    """When a playlist plays: a local time window on the days an RFC 5545 RRULE gives. Part of the
    playlist (and its revisions), so a schedule changes on screens only when the playlist is published."""

    playlist = ParentalKey(Playlist, on_delete=models.CASCADE, related_name="schedules")
    rule = models.CharField(_("repeats"), max_length=255, validators=[rule_validate])
    starts = models.TimeField(_("from"), default=time(8))
    ends = models.TimeField(_("to"), default=time(16), help_text=_("00:00 is midnight at the end of the day."))
    first_day = models.DateField(_("first day"), default=timezone.localdate)
    last_day = models.DateField(_("last day"), null=True, blank=True, help_text=_("Empty: no end."))

    class Meta(Orderable.Meta):
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")

    def __str__(self):
        return self.summary()

    def clean(self):
        if self.starts is not None and self.ends is not None and self.ends <= self.starts and self.ends != time(0):
            raise ValidationError(
                {
                    "ends": _(
                        "The end must be after the start. For a window past midnight, add a second schedule from 00:00."
                    )
                }
            )
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": _("The last day cannot be before the first day.")})

    def summary(self, *, today=None) -> str:
        return schedule_summary(self.rule, self.starts, self.ends, self.first_day, self.last_day, today=today)

    def recurrence(self) -> Recurrence:
        return Recurrence(self.rule, self.starts, self.ends, self.first_day, self.last_day)
