"""The API in the admin: each user's page of their own API tokens."""

from django.urls import include, path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def api_token_urls():
    return [path("api-tokens/", include((views.urlpatterns, "api_tokens")))]


@hooks.register("register_settings_menu_item")
def api_token_menu_item():
    return views.menu_item()
