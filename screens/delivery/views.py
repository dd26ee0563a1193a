from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.static import serve


@cache_control(no_cache=True)
def client(request, path: str):
    """The screen client's static files; revalidated on every load so a deploy reaches screens."""
    return serve(request, path, document_root=settings.FRONTEND_DIR)


def health(request):
    return JsonResponse({"status": "ok"})
