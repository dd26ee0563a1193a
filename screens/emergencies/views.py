"""The admin's emergency button: a form, one confirmation, then a live status page with an End button."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem

from screens.emergencies.forms import EmergencyForm
from screens.emergencies.services import (
    START_PERMISSION,
    emergencies_visible,
    emergency_end,
    emergency_start,
    emergency_status,
)

STATUS_POLL_MS = 1000


def may_start(user) -> bool:
    return user.is_active and user.has_perm(START_PERMISSION)


def requires_start_permission(view):
    def checked(request, *args, **kwargs):
        if not may_start(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


def page(request, template: str, title, **context) -> TemplateResponse:
    context = {"page_title": title, "header_title": title, "header_icon": "warning", **context}
    return TemplateResponse(request, f"screens/emergency/{template}.html", context)


@requires_start_permission
def start(request):
    """GET: the form. POST: the confirmation page; POST with `confirm`: start, then the status page;
    POST with `back`: the form again, as typed."""
    form = EmergencyForm(request.POST or None, user=request.user)
    if request.method == "POST" and "back" not in request.POST and form.is_valid():
        if "confirm" not in request.POST:
            form = EmergencyForm(request.POST.copy(), user=request.user)
            form.data["start_key"] = str(uuid.uuid4())
            form.is_valid()
            return page(request, "confirm", _("Confirm the emergency message"), form=form)
        emergency = emergency_start(
            targets=form.targets,
            heading=form.cleaned_data["heading"],
            text=form.cleaned_data["text"],
            user=request.user,
            start_key=form.cleaned_data["start_key"],
        )
        return redirect("emergency:status", pk=emergency.pk)
    visible = emergencies_visible(user=request.user).select_related("organisation")
    return page(
        request,
        "start",
        _("Emergency message"),
        form=form,
        active=visible.filter(ended_at__isnull=True),
        recent=visible.filter(ended_at__isnull=False)[:5],
    )


def summary(status: dict) -> str:
    return (
        ngettext(
            "Acknowledged by %(acknowledged)s of %(targeted)s screen",
            "Acknowledged by %(acknowledged)s of %(targeted)s screens",
            status["targeted"],
        )
        % status
    )


def status_for_page(emergency) -> dict:
    status = emergency_status(emergency=emergency)
    status["summary"] = summary(status)
    for screen in status["missing"]:
        screen["state"] = str(_("online") if screen["online"] else _("offline"))
    if status["missing_not_listed"]:
        status["not_listed"] = str(_("…and %(count)s more") % {"count": status["missing_not_listed"]})
    elif not status["missing"]:
        status["none_missing"] = str(_("None: every screen has shown it."))
    return status


@requires_start_permission
def status(request, pk: int):
    emergency = get_object_or_404(emergencies_visible(user=request.user).select_related("organisation"), pk=pk)
    return page(
        request,
        "status",
        _("Emergency message"),
        emergency=emergency,
        status=status_for_page(emergency),
        poll_ms=STATUS_POLL_MS,
    )


@requires_start_permission
def status_json(request, pk: int):
    emergency = get_object_or_404(emergencies_visible(user=request.user), pk=pk)
    return JsonResponse(status_for_page(emergency))


@require_POST
@requires_start_permission
def end(request, pk: int):
    emergency = get_object_or_404(emergencies_visible(user=request.user), pk=pk)
    if emergency_end(emergency=emergency, user=request.user):
        messages.success(request, _("The emergency message is ended: the screens show their content again."))
    return redirect("emergency:status", pk=emergency.pk)


urlpatterns = [
    path("", start, name="start"),
    path("<int:pk>/", status, name="status"),
    path("<int:pk>/status/", status_json, name="status_json"),
    path("<int:pk>/end/", end, name="end"),
]


class EmergencyMenuItem(MenuItem):
    def is_shown(self, request):
        return may_start(request.user)


def menu_item() -> MenuItem:
    return EmergencyMenuItem(
        _("Emergency"),
        reverse("emergency:start"),
        name="emergency",
        icon_name="warning",
        classname="emergency-menu-item",
        order=50,
    )
