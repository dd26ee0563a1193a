from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from organisations.viewsets import OrganisationOwnedViewSet

from .forms import CampaignForm
from .listing import campaign_status_column, campaign_targets_column, campaign_window_column
from .models import Campaign


class CampaignViewSet(OrganisationOwnedViewSet):
    model = Campaign
    icon = "date"
    menu_label = _("Campaigns")
    list_display = ["title", "playlist", campaign_window_column(), campaign_targets_column(), campaign_status_column()]
    list_filter = ["playlist"]
    search_fields = ["title"]
    base_form_class = CampaignForm
    panels = [
        FieldPanel("organisation"),
        FieldPanel("title"),
        FieldPanel("playlist"),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")], heading=_("When")),
        FieldPanel("priority"),
        MultiFieldPanel(
            [
                FieldPanel("screens", widget=forms.CheckboxSelectMultiple),
                FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Where"),
            help_text=_("The campaign takes over these screens, the screens in these groups and at these locations."),
        ),
    ]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("playlist").prefetch_related("screens", "groups", "locations")
        )
