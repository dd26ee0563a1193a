"""The one way the server fetches from other sites: public addresses only, bounded in time and size.

Every hop (the first request and each redirect) resolves its host, refuses it unless every address
is public, and connects to an address it checked, so DNS cannot change the answer in between.
Each connect and read has a timeout, and a timer ends the whole fetch at its deadline, so a server
that trickles bytes cannot hold a worker. The body is counted while it streams; no compression is
asked for, so the size counted is the size kept.
"""

import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from . import errors
from .addresses import IPAddress, resolve_public

REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "Infoscreen feed fetcher"


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds for the connect and for each read
    deadline: float  # seconds for the whole fetch, redirects included
    max_bytes: int
    max_redirects: int
    allow_loopback: bool

    @classmethod
    def from_settings(cls, **overrides) -> "Limits":
        return cls(
            **{
                "timeout": settings.FEEDS_TIMEOUT_SECONDS,
                "deadline": settings.FEEDS_DEADLINE_SECONDS,
                "max_bytes": settings.FEEDS_MAX_BYTES,
                "max_redirects": settings.FEEDS_MAX_REDIRECTS,
                "allow_loopback": settings.FEEDS_ALLOW_LOOPBACK,
                **overrides,
            }
        )


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    headers: http.client.HTTPMessage
    body: bytes


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str


def target_of(url: str) -> Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise errors.bad_url() from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise errors.bad_url()
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80), path)


def open_socket(address: IPAddress, port: int, timeout: float) -> socket.socket:
    """A TCP connection to exactly this address: no name lookup happens here."""
    sock = socket.socket(socket.AF_INET6 if address.version == 6 else socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect((str(address), port))
    except OSError:
        sock.close()
        raise
    return sock


class PinnedHTTPConnection(http.client.HTTPConnection):
    """Speaks to `host` (Host header) at an address checked beforehand."""

    def __init__(self, host: str, port: int, address: IPAddress, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = open_socket(self.address, self.port, self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As above, with TLS verified against the host name (SNI and certificate)."""

    def __init__(self, host: str, port: int, address: IPAddress, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = open_socket(self.address, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class Deadline:
    """Shuts the socket down when the fetch's time is up, whatever call is blocked on it."""

    def __init__(self, seconds_left: float):
        self.seconds_left = seconds_left
        self.expired = threading.Event()
        self.timer: threading.Timer | None = None

    def watch(self, sock: socket.socket) -> None:
        def expire():
            self.expired.set()
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        self.timer = threading.Timer(max(self.seconds_left, 0), expire)
        self.timer.daemon = True
        self.timer.start()

    def cancel(self) -> None:
        if self.timer:
            self.timer.cancel()


def connect(target: Target, limits: Limits, seconds_left: float) -> http.client.HTTPConnection:
    addresses = resolve_public(target.host, target.port, allow_loopback=limits.allow_loopback)
    kind = PinnedHTTPSConnection if target.scheme == "https" else PinnedHTTPConnection
    problem: OSError | None = None
    for address in addresses:
        connection = kind(target.host, target.port, address, min(limits.timeout, seconds_left))
        try:
            connection.connect()
            return connection
        except OSError as error:
            connection.close()
            problem = error
    raise problem


def read_limited(response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    declared = response.getheader("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise errors.too_big(max_bytes)
    chunks, size = [], 0
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise errors.too_big(max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def problem_of(error: Exception) -> str:
    """A short, safe description of a network failure for the editor (no stack, no internals)."""
    if isinstance(error, ssl.SSLCertVerificationError):
        return "the site's TLS certificate is not valid"
    if isinstance(error, ssl.SSLError):
        return "TLS failed"
    if isinstance(error, http.client.HTTPException):
        return "not a valid HTTP answer"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    return getattr(error, "strerror", None) or type(error).__name__


def fetch_once(target: Target, limits: Limits, ends_at: float, *, read_body: bool, accept: str):
    """One request; returns (response, body) with body None for a redirect."""
    deadline = Deadline(ends_at - time.monotonic())
    connection = None
    try:
        connection = connect(target, limits, deadline.seconds_left)
        deadline.watch(connection.sock)
        connection.request(
            "GET",
            target.path,
            headers={"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "identity", "Connection": "close"},
        )
        response = connection.getresponse()
        if response.status in REDIRECTS and response.getheader("Location"):
            return response, None
        if not 200 <= response.status < 300:
            raise errors.bad_status(response.status)
        body = read_limited(response, limits.max_bytes) if read_body else b""
        if deadline.expired.is_set():  # a shut-down socket reads as a clean end: the body may be cut short
            raise errors.too_slow(limits.deadline)
        return response, body
    except errors.FeedError:
        raise
    except TimeoutError as error:
        raise errors.too_slow(limits.deadline if deadline.expired.is_set() else limits.timeout) from error
    except (OSError, http.client.HTTPException) as error:
        if deadline.expired.is_set():
            raise errors.too_slow(limits.deadline) from error
        raise errors.unreachable(problem_of(error)) from error
    finally:
        deadline.cancel()
        if connection:
            connection.close()


def fetch(url: str, *, limits: Limits | None = None, read_body: bool = True, accept: str = "*/*") -> Response:
    """GET `url` within `limits` (from settings by default), following redirects; raises FeedError.

    With read_body=False only the status and headers are read (the body is left unread).
    """
    limits = limits or Limits.from_settings()
    ends_at = time.monotonic() + limits.deadline
    for _ in range(limits.max_redirects + 1):
        if time.monotonic() >= ends_at:
            raise errors.too_slow(limits.deadline)
        response, body = fetch_once(target_of(url), limits, ends_at, read_body=read_body, accept=accept)
        if body is None:
            url = urljoin(url, response.getheader("Location"))
            continue
        return Response(url, response.status, response.headers, body)
    raise errors.too_many_redirects()
