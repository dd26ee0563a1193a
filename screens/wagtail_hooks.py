from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from playlists.models import Playlist, Slide

from .forms import ScreenForm
from .models import Location, Screen


class ScreenViewSet(SnippetViewSet):
    model = Screen
    icon = "desktop"
    menu_label = _("Screens")
    list_display = [
        "name",
        "location",
        "playlist",
        BooleanColumn("is_paired", label=_("Paired")),
        BooleanColumn("is_online", label=_("Online")),
        DateColumn("last_seen_at", label=_("Last seen")),
    ]
    list_filter = ["location", "playlist"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("location"),
            FieldPanel("playlist"),
            FieldPanel("pairing_code"),
            FieldPanel("unpair"),
        ],
        base_form_class=ScreenForm,
    )


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "site"
    menu_label = _("Locations")
    list_display = ["name", "address"]
    search_fields = ["name", "address"]


class SlideViewSet(SnippetViewSet):
    model = Slide
    icon = "image"
    menu_label = _("Slides")
    list_display = ["title", "duration"]
    search_fields = ["title"]


class PlaylistViewSet(SnippetViewSet):
    model = Playlist
    icon = "list-ul"
    menu_label = _("Playlists")
    list_display = ["title"]
    search_fields = ["title"]


class InfoscreenViewSetGroup(SnippetViewSetGroup):
    items = (SlideViewSet, PlaylistViewSet, ScreenViewSet, LocationViewSet)
    menu_icon = "desktop"
    menu_label = _("Infoscreen")
    menu_name = "infoscreen"


register_snippet(InfoscreenViewSetGroup)
