"""Would a browser show a page inside a frame on the screen's origin? Decided from its headers (pure).

A `frame-ancestors` directive in an enforced Content-Security-Policy wins over X-Frame-Options, as
in browsers; ALLOW-FROM is obsolete and ignored by them, so it is ignored here too.
"""

from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _


def origin_of(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)


def source_allows(source: str, *, screen: tuple[str, str, int], page: tuple[str, str, int]) -> bool:
    """One frame-ancestors source expression against the screen's origin."""
    source = source.strip().lower()
    if source == "*":
        return True
    if source == "'self'":
        return screen == page
    if source.endswith(":") and "/" not in source:  # a scheme source, e.g. https:
        return screen[0] == source[:-1]
    scheme, _, rest = source.rpartition("://")
    host, _, port = rest.split("/", 1)[0].partition(":")
    if scheme and scheme != screen[0]:
        return False
    if port and port != "*" and (not port.isdigit() or int(port) != screen[2]):
        return False
    if host.startswith("*."):
        return screen[1].endswith(host[1:])
    return host == screen[1]


def frame_ancestors(headers) -> list[list[str]]:
    """The source lists of every frame-ancestors directive in the enforced policies."""
    found = []
    for policy in headers.get_all("Content-Security-Policy") or []:
        for directive in policy.split(";"):
            words = directive.split()
            if words and words[0].lower() == "frame-ancestors":
                found.append(words[1:])
    return found


def framing_refusal(headers, *, page_url: str, screen_url: str):
    """None if the page may be framed by the screen, else why not (for the editor)."""
    screen, page = origin_of(screen_url), origin_of(page_url)
    directives = frame_ancestors(headers)
    for sources in directives:
        if not any(source_allows(source, screen=screen, page=page) for source in sources):
            return _("The site forbids being shown inside other sites (Content-Security-Policy: %(value)s).") % {
                "value": " ".join(["frame-ancestors", *sources])
            }
    if directives:
        return None
    for value in headers.get_all("X-Frame-Options") or []:
        options = {option.strip().upper() for option in value.split(",")}
        if "DENY" in options or ("SAMEORIGIN" in options and screen != page):
            return _("The site forbids being shown inside other sites (X-Frame-Options: %(value)s).") % {
                "value": value.strip()
            }
    return None
