"""The screens app in the admin: the Infoscreen menu, the save actions of its models, its own views."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from organisations.actions import save_actions
from organisations.models import OrganisationLogEntry
from playlists.viewsets import PlaylistViewSet, SlideViewSet
from themes.viewsets import ThemeViewSet

from .campaigns.actions import CampaignSaveMixin
from .campaigns.models import Campaign
from .campaigns.viewsets import CampaignViewSet
from .emergencies import views as emergency_views
from .emergencies.models import Emergency
from .emergencies.services import EMERGENCY_ENDED, EMERGENCY_STARTED
from .fleet.actions import ScreenSaveMixin
from .fleet.commands import command_url
from .fleet.models import Screen
from .fleet.services import SCREEN_COMMANDED, SCREEN_COMMANDS, SCREEN_PAIRED, SCREEN_UNPAIRED
from .fleet.viewsets import LocationViewSet, ScreenGroupViewSet, ScreenViewSet
from .layouts.actions import LayoutSaveMixin
from .layouts.models import Layout
from .layouts.viewsets import LayoutViewSet
from .proof_of_play import report as proof_of_play
from .time_travel import views as time_travel_views


class InfoscreenViewSetGroup(SnippetViewSetGroup):
    items = (
        SlideViewSet,
        PlaylistViewSet,
        CampaignViewSet,
        LayoutViewSet,
        ScreenViewSet,
        ScreenGroupViewSet,
        LocationViewSet,
        ThemeViewSet,
    )
    menu_icon = "desktop"
    menu_label = _("Infoscreen")
    menu_name = "infoscreen"


register_snippet(InfoscreenViewSetGroup)


@hooks.register("register_actions")
def register_save_actions(registry):
    for model, mixin in ((Screen, ScreenSaveMixin), (Layout, LayoutSaveMixin), (Campaign, CampaignSaveMixin)):
        for action in save_actions(model, mixin):
            registry.register(model, action)


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
    return [path("emergency/", include((emergency_views.urlpatterns, "emergency")))]


@hooks.register("register_admin_menu_item")
def emergency_menu_item():
    return emergency_views.menu_item()


@hooks.register("register_admin_urls")
def time_travel_urls():
    return [path("time-travel/", include((time_travel_views.urlpatterns, "time_travel")))]


@hooks.register("register_admin_menu_item")
def time_travel_menu_item():
    return time_travel_views.menu_item()
