"""Admin views of wagtailmedia's that check only the role, made to check the organisation too."""

from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied
from wagtail.permissions import policy_registry
from wagtailmedia import get_media_model
from wagtailmedia.views import media as wagtailmedia_views


def media_usage(request, media_id: int):
    """Where a video is used: only for users who may change it (wagtailmedia's own view would name any)."""
    media = get_object_or_404(get_media_model(), pk=media_id)
    policy = policy_registry.get_by_type(type(media))
    if not policy.user_has_any_permission_for_instance(request.user, ["change", "delete"], media):
        return permission_denied(request)
    return wagtailmedia_views.usage(request, media_id)
