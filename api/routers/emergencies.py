"""Emergency messages: start one (validated as the admin's form validates it), end it, follow its acknowledgements."""

import uuid
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Header, Router, Schema, Status

from screens.emergencies.forms import ALL, CHOSEN, EmergencyForm
from screens.emergencies.services import (
    START_PERMISSION,
    emergencies_visible,
    emergency_end,
    emergency_organisations,
    emergency_start,
    emergency_status,
)
from screens.fleet.models import Location, ScreenGroup

from ..errors import Invalid, responses

router = Router(tags=["emergencies"])


class EmergencyIn(Schema):
    heading: str = Field(..., max_length=80)
    text: str = Field("", max_length=400)
    all_screens: bool = True
    locations: list[int] = []
    groups: list[int] = []
    organisation: int | None = Field(None, description="Required unless the user is a superuser (every organisation).")


class MissingScreen(Schema):
    id: int
    name: str
    location: str
    online: bool


class EmergencyStatus(Schema):
    id: int
    active: bool
    acknowledged: int = Field(..., description="Screens that showed the message (N of M).")
    targeted: int = Field(..., description="Screens the message was sent to (M).")
    missing: list[MissingScreen]
    missing_not_listed: int


def form_errors(form: EmergencyForm) -> dict[str, list[str]]:
    names = {"target": "all_screens", "__all__": "__all__"}
    return {names.get(field, field): [str(m) for m in messages] for field, messages in form.errors.items()}


def targets_in_reach(*, user, payload: EmergencyIn) -> None:
    """An organisation, location or group the user may not interrupt is not found (404), as elsewhere."""
    organisations = emergency_organisations(user=user)
    if payload.organisation is not None and not organisations.filter(pk=payload.organisation).exists():
        raise Http404
    for ids, model in ((payload.locations, Location), (payload.groups, ScreenGroup)):
        if model.objects.filter(pk__in=ids, organisation__in=organisations).count() != len(set(ids)):
            raise Http404


def emergency_of(request, emergency_id: int):
    return get_object_or_404(emergencies_visible(user=request.auth_user), pk=emergency_id)


@router.post("", response=responses({201: EmergencyStatus}, 403, 404, 422), summary="Start an emergency message")
def emergency_create(
    request,
    payload: EmergencyIn,
    idempotency_key: Annotated[uuid.UUID | None, Header(alias="Idempotency-Key")] = None,
):
    user = request.auth_user
    if not (user.is_active and user.has_perm(START_PERMISSION)):
        raise PermissionDenied(_("You do not have permission to start emergency messages."))
    targets_in_reach(user=user, payload=payload)
    form = EmergencyForm(
        {
            "organisation": payload.organisation or "",
            "heading": payload.heading,
            "text": payload.text,
            "target": ALL if payload.all_screens else CHOSEN,
            "locations": payload.locations,
            "groups": payload.groups,
        },
        user=user,
    )
    if not form.is_valid():
        raise Invalid(form_errors(form))
    emergency = emergency_start(
        targets=form.targets,
        heading=form.cleaned_data["heading"],
        text=form.cleaned_data["text"],
        user=user,
        start_key=idempotency_key,
    )
    return Status(201, emergency_status(emergency=emergency))


@router.get(
    "/{emergency_id}", response=responses({200: EmergencyStatus}, 404), summary="Acknowledged by N of M screens"
)
def emergency_detail(request, emergency_id: int):
    return emergency_status(emergency=emergency_of(request, emergency_id))


@router.post(
    "/{emergency_id}/end", response=responses({200: EmergencyStatus}, 404), summary="End the emergency message"
)
def emergency_stop(request, emergency_id: int):
    emergency = emergency_of(request, emergency_id)
    emergency_end(emergency=emergency, user=request.auth_user)
    return emergency_status(emergency=emergency)
