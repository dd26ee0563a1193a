"""Who a request acts as: a personal token (`Authorization: Bearer <secret>`) or the admin's session.

Either way the request acts as exactly that user, with their organisations and roles: `request.auth_user`.
"""

from ninja.security import HttpBearer, SessionAuth

from .tokens import api_token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        api_token = api_token_authenticate(token)
        if api_token is None:
            return None
        request.auth_user = api_token.user
        return api_token.user


class AdminSessionAuth(SessionAuth):
    """The admin's logged-in session; a write needs the CSRF token, as in the admin."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is not None and user.is_active:
            request.auth_user = user
            return user
        return None


AUTH = [TokenAuth(), AdminSessionAuth(csrf=True)]
