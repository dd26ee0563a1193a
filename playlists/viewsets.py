"""The admin of slides and playlists: listings with publishing status and where each is used."""

from django.utils.translation import gettext_lazy as _

from organisations.viewsets import OrganisationOwnedViewSet

from .listing import playlist_usage, slide_usage, status_column, usage_column
from .models import Playlist, Slide
from .publishing_status import with_scheduled_at
from .usage import playlists_with_usage, slides_with_usage


class SlideViewSet(OrganisationOwnedViewSet):
    model = Slide
    icon = "image"
    menu_label = _("Slides")
    list_display = ["title", "duration", status_column(), usage_column(slide_usage)]
    search_fields = ["title"]

    def get_queryset(self, request):
        return slides_with_usage(with_scheduled_at(super().get_queryset(request)))


class PlaylistViewSet(OrganisationOwnedViewSet):
    model = Playlist
    icon = "list-ul"
    menu_label = _("Playlists")
    list_display = ["title", "schedule_summary", status_column(), usage_column(playlist_usage)]
    search_fields = ["title"]

    def get_queryset(self, request):
        return playlists_with_usage(with_scheduled_at(super().get_queryset(request))).prefetch_related("schedules")
