"""Version 1 of the API: one NinjaAPI, its routers, its authentication and its errors."""

from ninja import NinjaAPI

from .auth import AUTH
from .errors import errors_register
from .routers import emergencies, organisations, screens


class InfoscreenAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """The view's own name (`screen_pair`), unique across the routers."""
        return operation.view_func.__name__


api = InfoscreenAPI(
    title="Infoscreen API",
    version="1",
    description="Screens, pairing and emergency messages, scoped to the organisations of the token's user.",
    auth=AUTH,
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors_register(api)
api.add_router("/organisations", organisations.router)
api.add_router("/screens", screens.router)
api.add_router("/emergencies", emergencies.router)
