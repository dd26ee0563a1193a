from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api import errors as api_errors
from api.v1 import api as api_v1
from screens.delivery import views as screen_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", api_v1.urls),
    # Anything else under /api/ is a JSON 404, not the site's HTML one.
    re_path(r"^api/", api_errors.not_found),
    path("documents/", include(wagtaildocs_urls)),
    path("screen/", screen_views.client, {"path": "index.html"}, name="screen-client"),
    re_path(r"^screen/(?P<path>.+)$", screen_views.client, name="screen-client-file"),
    path("healthz", screen_views.health, name="health"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", RedirectView.as_view(url="/admin/", permanent=False))]
