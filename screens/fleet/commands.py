"""Remote commands from the admin to one screen: reload it, or make it show who it is."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Screen
from .services import SCREEN_COMMANDS, screen_command_send

QUESTIONS = {
    "identify": _("Show the name and location of “%(screen)s” on the screen for 10 seconds?"),
    "reload": _("Reload the screen client on “%(screen)s”? It continues with the content it shows."),
}
DONE = {
    "identify": _("“%(screen)s” is showing its name and location."),
    "reload": _("“%(screen)s” is reloading."),
}


def screen_command_view(name: str, permission_policy):
    """A view that asks, then sends `name` to a screen the user may change (others are not found)."""

    def view(request, pk):
        screens = permission_policy.instances_user_has_permission_for(request.user, "change")
        screen = get_object_or_404(screens, pk=pk)
        index_url = reverse("wagtailsnippets_screens_screen:list")
        if request.method == "POST":
            screen_command_send(screen=screen, name=name, user=request.user)
            messages.success(request, DONE[name] % {"screen": screen.name})
            return redirect(index_url)
        context = {
            "question": QUESTIONS[name] % {"screen": screen.name},
            "action_label": SCREEN_COMMANDS[name],
            "index_url": index_url,
            "page_title": SCREEN_COMMANDS[name],
            "header_title": f"{SCREEN_COMMANDS[name]}: {screen.name}",
            "header_icon": "desktop",
        }
        return TemplateResponse(request, "screens/command_confirm.html", context)

    return view


def command_url(name: str, screen: Screen) -> str:
    return reverse(f"wagtailsnippets_screens_screen:{name}", args=[screen.pk])
