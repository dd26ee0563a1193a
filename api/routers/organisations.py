"""The organisations the user works in."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from organisations.selectors import organisations_of

from ..errors import responses

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    id: int
    name: str


@router.get("", response=responses({200: list[OrganisationOut]}), summary="The organisations the user works in")
def organisation_list(request):
    return organisations_of(user=request.auth_user).order_by("name")


@router.get(
    "/{organisation_id}", response=responses({200: OrganisationOut}, 404), summary="One of the user's organisations"
)
def organisation_detail(request, organisation_id: int):
    return get_object_or_404(organisations_of(user=request.auth_user), pk=organisation_id)
