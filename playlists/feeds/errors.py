"""Why a feed could not be used, in words an editor can act on."""

from django.utils.translation import gettext_lazy as _


class FeedError(Exception):
    """A feed problem with a stable `code` (for logs and tests) and a translatable message for editors."""

    def __init__(self, code: str, message):
        super().__init__(code)
        self.code = code
        self.message = message

    def __str__(self):
        return str(self.message)


def bad_url() -> FeedError:
    return FeedError("bad_url", _("Enter a web address starting with http:// or https://."))


def refused() -> FeedError:
    return FeedError(
        "refused",
        _("This address points into a private or internal network, which the server may not fetch from."),
    )


def unreachable(detail: str) -> FeedError:
    return FeedError("unreachable", _("The server could not be reached (%(detail)s).") % {"detail": detail})


def bad_status(status: int) -> FeedError:
    return FeedError("http_status", _("The server answered with HTTP status %(status)s.") % {"status": status})


def too_many_redirects() -> FeedError:
    return FeedError("too_many_redirects", _("The address redirects too many times."))


def too_big(limit: int) -> FeedError:
    return FeedError(
        "too_big", _("The file is larger than the limit of %(size)s.") % {"size": f"{limit / 1_000_000:g} MB"}
    )


def too_slow(seconds: float) -> FeedError:
    return FeedError(
        "too_slow", _("The server took longer than %(seconds)s seconds to answer.") % {"seconds": f"{seconds:g}"}
    )


def not_a_feed() -> FeedError:
    return FeedError("not_a_feed", _("This address does not give an RSS or Atom feed."))


def not_a_calendar() -> FeedError:
    return FeedError("not_a_calendar", _("This address does not give an iCal (.ics) calendar."))


def unreadable() -> FeedError:
    return FeedError("unreadable", _("The file could not be read."))
