from django.urls import include, path
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.widgets import Button
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from organisations.viewsets import OrganisationOwnedViewSet
from playlists.models import Playlist, Slide
from playlists.publishing_status import with_scheduled_at
from themes.viewsets import ThemeViewSet

from organisations.models import OrganisationLogEntry

from .forms import CampaignForm, LayoutForm, ScreenForm, ScreenGroupForm
from .models import Campaign, Emergency, Layout, Location, Screen, ScreenGroup
from . import emergency_admin, proof_of_play, time_travel_admin
from .commands import command_url, screen_command_view
from .emergencies import EMERGENCY_ENDED, EMERGENCY_STARTED
from .listing import (
    campaign_status_column,
    campaign_targets_column,
    campaign_window_column,
    playlist_usage,
    slide_usage,
    status_column,
    usage_column,
)
from .selectors import playlists_with_usage, slides_with_usage
from .services import SCREEN_COMMANDED, SCREEN_COMMANDS, SCREEN_PAIRED, SCREEN_UNPAIRED

PAIR_PERMISSION = "screens.pair_screen"


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


class LayoutViewSet(OrganisationOwnedViewSet):
    model = Layout
    icon = "table"
    menu_label = _("Layouts")
    list_display = ["name", "template"]
    list_filter = ["template"]
    base_form_class = LayoutForm


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
        return super().get_queryset(request).select_related("playlist").prefetch_related("screens", "groups", "locations")


class InfoscreenViewSetGroup(SnippetViewSetGroup):
    items = (SlideViewSet, PlaylistViewSet, CampaignViewSet, LayoutViewSet, ScreenViewSet, ScreenGroupViewSet, LocationViewSet, ThemeViewSet)
    menu_icon = "desktop"
    menu_label = _("Infoscreen")
    menu_name = "infoscreen"


register_snippet(InfoscreenViewSetGroup)


@hooks.register("register_log_actions")
def register_screen_log_actions(actions):
    actions.register_action(SCREEN_PAIRED, _("Pair screen"), _("Screen paired"))
    actions.register_action(SCREEN_UNPAIRED, _("Unpair screen"), _("Screen unpaired"))
    actions.register_action(SCREEN_COMMANDED, _("Send a command to the screen"), _("Command sent to the screen"))
    actions.register_action(EMERGENCY_STARTED, _("Start emergency message"), _("Emergency message started"))
    actions.register_action(EMERGENCY_ENDED, _("End emergency message"), _("Emergency message ended"))
    # Logged with its organisation (none: every organisation's, seen by superusers only).
    actions.register_model(Emergency, OrganisationLogEntry)


@hooks.register("register_snippet_listing_buttons")
def screen_command_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Screen) and snippet.is_paired:
        for name, label in SCREEN_COMMANDS.items():
            yield Button(label, url=command_url(name, snippet), icon_name="desktop", priority=50)


@hooks.register("construct_main_menu")
def hide_pages(request, menu_items):
    # This CMS has no pages, only slides and playlists: the Pages explorer would be an empty door.
    menu_items[:] = [item for item in menu_items if item.name != "explorer"]


@hooks.register("register_admin_urls")
def proof_of_play_urls():
    return [path("proof-of-play/", include(proof_of_play.urlpatterns))]


@hooks.register("register_reports_menu_item")
def proof_of_play_menu_item():
    return proof_of_play.menu_item()


@hooks.register("register_admin_urls")
def emergency_urls():
    return [path("emergency/", include((emergency_admin.urlpatterns, "emergency")))]


@hooks.register("register_admin_menu_item")
def emergency_menu_item():
    return emergency_admin.menu_item()


@hooks.register("register_admin_urls")
def time_travel_urls():
    return [path("time-travel/", include((time_travel_admin.urlpatterns, "time_travel")))]


@hooks.register("register_admin_menu_item")
def time_travel_menu_item():
    return time_travel_admin.menu_item()
