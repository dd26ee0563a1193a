"""Every API error is JSON: {"detail": str, "errors": {field: [messages]}}, never HTML or a stack trace."""

import logging

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from core.errors import ServiceError

logger = logging.getLogger(__name__)


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


def responses(ok: dict, *codes: int) -> dict:
    """An operation's documented answers: its success, and the errors it may give (401 always)."""
    return {**ok, **dict.fromkeys((401, *codes, 500), Error)}


class Invalid(Exception):
    """A request that parsed but breaks a rule of the domain (a form's errors): 422, by field."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("The request is not valid.")
        self.errors = errors


def error_response(status: int, detail: str, errors: dict[str, list[str]] | None = None) -> JsonResponse:
    return JsonResponse({"detail": str(detail), "errors": errors or {}}, status=status)


def validation_errors(exc: ValidationError) -> dict[str, list[str]]:
    """Pydantic's errors by field: ("body", "payload", "code") → "code", ("query", "page") → "page"."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ())]
        names = location[2:] if location[:1] == ["body"] else location[1:]
        errors.setdefault(".".join(names) or "__all__", []).append(error.get("msg", ""))
    return errors


def not_found(request, *args, **kwargs) -> JsonResponse:
    """A path under the API that names no endpoint."""
    return error_response(404, _("Not found."))


def errors_register(api: NinjaAPI) -> None:
    def on_validation(request, exc):
        return error_response(422, _("The request is not valid."), validation_errors(exc))

    def on_invalid(request, exc):
        return error_response(422, _("The request is not valid."), exc.errors)

    def on_not_found(request, exc):
        return error_response(404, _("Not found."))

    def on_permission_denied(request, exc):
        return error_response(403, str(exc) or _("You do not have permission to do this."))

    def on_authentication(request, exc):
        return error_response(401, _("Authentication is required: a valid API token or an admin session."))

    def on_http_error(request, exc):
        return error_response(exc.status_code, str(exc))

    def on_refusal(request, exc):
        return error_response(400, exc.message, {exc.field or "__all__": [str(exc.message)]})

    def on_crash(request, exc):
        logger.exception("API request failed: %s %s", request.method, request.path)
        return error_response(500, _("Something went wrong on the server. It has been logged."))

    for exc_class, handler in (
        (ValidationError, on_validation),
        (Invalid, on_invalid),
        (Http404, on_not_found),
        (ObjectDoesNotExist, on_not_found),
        (PermissionDenied, on_permission_denied),
        (AuthenticationError, on_authentication),
        (HttpError, on_http_error),
        (ServiceError, on_refusal),
        (Exception, on_crash),
    ):
        api.add_exception_handler(exc_class, handler)
