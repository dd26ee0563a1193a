"""Screens: listing and reading them, pairing and unpairing through the write path, remote commands.

Screens have no `updated_at`, so there is no `updated_since` filter.
"""

from datetime import datetime
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Field, FilterLookup, FilterSchema, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from wagtail.actions.registry import action_registry

from core.errors import ServiceError
from screens.fleet.models import Screen
from screens.fleet.services import PairingError, screen_command_send

from ..errors import responses
from ..scoping import permitted, permitted_or_404

router = Router(tags=["screens"])

MAX_PAGE_SIZE = 100


class Named(Schema):
    id: int
    name: str


class ScreenOut(Schema):
    id: int
    name: str
    organisation: Named
    location: Named
    playlist: Named | None
    layout: Named | None
    paired: bool = Field(..., alias="is_paired")
    online: bool = Field(..., alias="is_online")
    last_seen_at: datetime | None
    client_version: str
    status: dict


class ScreenFilter(FilterSchema):
    organisation: Annotated[int | None, FilterLookup(q="organisation_id")] = None


class PairIn(Schema):
    code: str = Field(..., min_length=1, max_length=16, description="The code the unpaired screen shows.")


def screens_visible(user):
    return permitted(user=user, model=Screen, actions=["view", "change"]).select_related(
        "organisation", "location", "playlist", "layout"
    )


def screen_of(request, screen_id: int) -> Screen:
    return permitted_or_404(user=request.auth_user, model=Screen, actions=["view", "change"], pk=screen_id)


def screen_save(screen: Screen, user, **changes) -> Screen:
    """Through the screen's Wagtail edit action, as the admin saves it: permission checks, pairing, the log."""
    action_class = action_registry.get_action_class(Screen, "edit")
    return action_class(screen, user=user, **changes).execute()


@router.get("", response=responses({200: list[ScreenOut]}, 422), summary="The screens the user may see")
@paginate(PageNumberPagination, page_size=20, max_page_size=MAX_PAGE_SIZE)
def screen_list(request, filters: Query[ScreenFilter]):
    return filters.filter(screens_visible(request.auth_user)).order_by("name", "pk")


@router.get("/{screen_id}", response=responses({200: ScreenOut}, 404), summary="One screen")
def screen_detail(request, screen_id: int):
    return screens_visible(request.auth_user).get(pk=screen_of(request, screen_id).pk)


@router.post(
    "/{screen_id}/pair",
    response=responses({200: ScreenOut}, 400, 403, 404, 422),
    summary="Pair the screen with the code it shows",
)
def screen_pair(request, screen_id: int, payload: PairIn):
    try:
        screen_save(screen_of(request, screen_id), request.auth_user, pairing_code=payload.code)
    except PairingError as refusal:
        raise ServiceError(refusal.message, field="code") from refusal
    return screen_detail(request, screen_id)


@router.post("/{screen_id}/unpair", response=responses({200: ScreenOut}, 403, 404), summary="Revoke the screen's token")
def screen_unpair(request, screen_id: int):
    screen_save(screen_of(request, screen_id), request.auth_user, unpair=True)
    return screen_detail(request, screen_id)


@router.post(
    "/{screen_id}/commands/{name}",
    response=responses({202: None}, 403, 404, 422),
    summary="Send a remote command to the screen",
)
def screen_command(request, screen_id: int, name: Literal["identify", "reload"]):
    screen = screen_of(request, screen_id)
    if not permitted(user=request.auth_user, model=Screen, actions=["change"]).filter(pk=screen.pk).exists():
        raise PermissionDenied(_("You do not have permission to change this screen."))
    screen_command_send(screen=screen, name=name, user=request.auth_user)
    return Status(202, None)
