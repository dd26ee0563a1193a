from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from wagtail.models import Collection

from .models import Organisation


def organisations_of(*, user) -> QuerySet[Organisation]:
    """The organisations whose content the user works with: all of them for a superuser."""
    if user.is_active and user.is_superuser:
        return Organisation.objects.all()
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(members=user)


def organisation_ids_of(*, user) -> frozenset[int]:
    """As `organisations_of`, cached on the user for the request: permission checks ask many times."""
    if not hasattr(user, "_organisation_ids"):
        user._organisation_ids = frozenset(organisations_of(user=user).values_list("pk", flat=True))
    return user._organisation_ids


def organisation_collections(*, organisations) -> QuerySet[Collection]:
    """The organisations' media collections and every collection below them."""
    paths = Collection.objects.filter(organisation__in=organisations).values_list("path", flat=True)
    if not paths:
        return Collection.objects.none()
    return Collection.objects.filter(reduce(or_, (Q(path__startswith=path) for path in paths)))
