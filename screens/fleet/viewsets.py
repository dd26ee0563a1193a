"""The admin of screens, locations and screen groups."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, DateColumn

from organisations.viewsets import OrganisationOwnedViewSet

from .actions import PAIR_PERMISSION
from .commands import screen_command_view
from .forms import ScreenForm, ScreenGroupForm
from .models import Location, Screen, ScreenGroup
from .services import SCREEN_COMMANDS


class ScreenViewSet(OrganisationOwnedViewSet):
    model = Screen
    icon = "desktop"
    menu_label = _("Screens")
    list_display = [
        "name",
        "location",
        "playlist",
        "layout",
        BooleanColumn("is_paired", label=_("Paired")),
        BooleanColumn("is_online", label=_("Online")),
        DateColumn("last_seen_at", label=_("Last seen")),
        "client_version",
    ]
    list_filter = ["location", "playlist", "layout"]
    base_form_class = ScreenForm
    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("location"),
        FieldPanel("playlist"),
        FieldPanel("layout"),
        FieldPanel("pairing_code", permission=PAIR_PERMISSION),
        FieldPanel("unpair", permission=PAIR_PERMISSION),
        FieldPanel("client_version", read_only=True),
        FieldPanel("status_at", read_only=True),
        FieldPanel("status", read_only=True),
    ]

    def get_urlpatterns(self):
        commands = [
            path(f"{name}/<int:pk>/", screen_command_view(name, self.permission_policy), name=name)
            for name in SCREEN_COMMANDS
        ]
        return super().get_urlpatterns() + commands


class LocationViewSet(OrganisationOwnedViewSet):
    model = Location
    icon = "site"
    menu_label = _("Locations")
    list_display = ["name", "address"]
    panels = [FieldPanel("organisation"), FieldPanel("name"), FieldPanel("address"), FieldPanel("theme")]


class ScreenGroupViewSet(OrganisationOwnedViewSet):
    model = ScreenGroup
    icon = "group"
    menu_label = _("Screen groups")
    list_display = ["name"]
    base_form_class = ScreenGroupForm
    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("screens", widget=forms.CheckboxSelectMultiple),
    ]
