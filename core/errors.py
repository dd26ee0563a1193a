"""Refusals raised by the write path (services and actions) that the caller shows beside a field."""


class ServiceError(Exception):
    """A change the service refused: `message` for the user, `field` it belongs to (None: the whole form)."""

    field: str | None = None

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        if field is not None:
            self.field = field
