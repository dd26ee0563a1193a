"""The proof-of-play report: what each screen showed and when, filterable, exportable as CSV."""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import policy_registry

from screens.fleet.models import Screen
from screens.proof_of_play.models import PlayEvent


def visible_screens(request):
    return policy_registry.get_by_type(Screen).instances_user_has_any_permission_for(request.user, ["view", "change"])


class PlayEventFilterSet(WagtailFilterSet):
    started_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    screen = django_filters.ModelChoiceFilter(label=_("Screen"), queryset=visible_screens)
    slide_title = django_filters.CharFilter(label=_("Slide"), lookup_expr="icontains")

    class Meta:
        model = PlayEvent
        fields = ["screen", "slide_title", "started_at"]


class ProofOfPlayView(ReportView):
    page_title = _("Proof of play")
    header_icon = "tasks"
    index_url_name = "proof_of_play"
    index_results_url_name = "proof_of_play_results"
    filterset_class = PlayEventFilterSet
    columns = [
        Column("screen", label=_("Screen")),
        Column("slide_title", label=_("Slide")),
        DateColumn("started_at", label=_("Started")),
        Column("duration", label=_("Duration (seconds)")),
    ]
    list_export = ["screen", "slide_title", "started_at", "duration"]
    export_headings = {
        "screen": _("Screen"),
        "slide_title": _("Slide"),
        "started_at": _("Started"),
        "duration": _("Duration (seconds)"),
    }

    def get_filename(self):
        return "proof-of-play"

    def get_queryset(self):
        # Only the events of screens the user may see: organisation scoping, as everywhere in the admin.
        return PlayEvent.objects.filter(screen__in=visible_screens(self.request)).select_related("screen")

    def user_has_permission(self, permission):
        return visible_screens(self.request).exists() or self.request.user.is_superuser


urlpatterns = [
    path("", ProofOfPlayView.as_view(), name="proof_of_play"),
    path("results/", ProofOfPlayView.as_view(results_only=True), name="proof_of_play_results"),
]


def menu_item() -> MenuItem:
    return MenuItem(_("Proof of play"), reverse("proof_of_play"), name="proof-of-play", icon_name="tasks", order=900)
