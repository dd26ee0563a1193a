"""The admin's time travel: pick a screen, a date and a time, and see what it would show then."""

from datetime import datetime

from django import forms
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import AdminDateInput, AdminTimeInput
from wagtail.permissions import policy_registry

from playlists.models import SCREEN_PREVIEW_MODES
from screens.fleet.models import Screen
from screens.time_travel.lookup import screen_at
from themes.payload import SCREEN_THEMES, screen_theme


def screens_viewable(user):
    return policy_registry.get_by_type(Screen).instances_user_has_any_permission_for(user, ["view", "change"])


class TimeTravelForm(forms.Form):
    screen = forms.ModelChoiceField(label=_("Screen"), queryset=Screen.objects.none())
    date = forms.DateField(label=_("Date"), widget=AdminDateInput)
    time = forms.TimeField(label=_("Time"), widget=AdminTimeInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["screen"].queryset = screens_viewable(user).select_related("location").order_by("name")
        self.fields["screen"].label_from_instance = lambda screen: f"{screen.name} ({screen.location.name})"

    def moment(self) -> datetime:
        """The chosen local date and time; a time the clock skips (spring DST) reads as after the jump."""
        naive = datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        return timezone.make_aware(naive, timezone.get_current_timezone())


def chosen(request):
    """The bound form when the request names a screen (else None), and the form to show."""
    now = timezone.localtime()
    initial = {"date": now.date(), "time": now.time().replace(second=0, microsecond=0)}
    if "screen" not in request.GET:
        return None, TimeTravelForm(initial=initial, user=request.user)
    form = TimeTravelForm(request.GET, user=request.user)
    return (form if form.is_valid() else None), form


def screen_for(form) -> Screen:
    return Screen.objects.select_related(*SCREEN_THEMES, "layout", "playlist").get(pk=form.cleaned_data["screen"].pk)


def time_travel(request):
    valid, form = chosen(request)
    context = {
        "page_title": _("What plays when"),
        "header_title": _("What plays when"),
        "header_icon": "time",
        "form": form,
    }
    if valid is not None:
        context["result"] = screen_at(screen_for(valid), valid.moment())
        context["preview_url"] = f"{reverse('time_travel:preview')}?{request.GET.urlencode()}"
    return TemplateResponse(request, "screens/time_travel.html", context)


def preview(request):
    """The screen's own client playing that day's content with its clock set to the chosen moment."""
    valid, _form = chosen(request)
    if valid is None:
        return HttpResponseBadRequest(_("Choose a screen, a date and a time."))
    screen = screen_for(valid)
    result = screen_at(screen, valid.moment())
    (width, height), _label = SCREEN_PREVIEW_MODES[result.orientation]
    context = {
        "object": screen,
        "manifest": result.manifest,
        "theme": screen_theme(screen),
        "preview_at": result.moment.isoformat(),
        "preview_campaigns": result.campaigns,
        "screen_width": width,
        "screen_height": height,
    }
    return TemplateResponse(request, "playlists/preview.html", context)


urlpatterns = [
    path("", time_travel, name="index"),
    path("preview/", preview, name="preview"),
]


class TimeTravelMenuItem(MenuItem):
    def is_shown(self, request):
        return screens_viewable(request.user).exists()


def menu_item() -> MenuItem:
    return TimeTravelMenuItem(
        _("What plays when"), reverse("time_travel:index"), name="time-travel", icon_name="time", order=260
    )
