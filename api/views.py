"""The admin's page of the user's own API tokens: list, create (the secret shown once), revoke."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem

from .forms import TokenForm
from .models import ApiToken
from .tokens import api_token_issue, api_token_revoke


def tokens(request):
    """GET: the user's tokens and a form for a new one. POST: issue it and show its secret, this once."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = api_token_issue(
            user=request.user, name=form.cleaned_data["name"], expires_at=form.cleaned_data["expires_at"]
        )
        form = TokenForm()
    title = _("API tokens")
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": "key",
        "form": form,
        "secret": secret,
        "tokens": ApiToken.objects.filter(user=request.user),
        "now": timezone.now(),
        "docs_url": "/api/v1/docs",
    }
    return TemplateResponse(request, "api/tokens.html", context)


@require_POST
def revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(token=token, user=request.user)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api_tokens:list")


urlpatterns = [
    path("", tokens, name="list"),
    path("<int:pk>/revoke/", revoke, name="revoke"),
]


def menu_item() -> MenuItem:
    return MenuItem(_("API tokens"), reverse("api_tokens:list"), name="api-tokens", icon_name="key", order=10000)
