"""What a user may see through the API: the permission policies' querysets. Another organisation's object
is not found (404), never forbidden, so its existence does not leak."""

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from wagtail.permissions import policy_registry


def permitted(*, user, model: type[Model], actions: list[str]) -> QuerySet:
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, actions)


def permitted_or_404(*, user, model: type[Model], actions: list[str], pk: int) -> Model:
    return get_object_or_404(permitted(user=user, model=model, actions=actions), pk=pk)
