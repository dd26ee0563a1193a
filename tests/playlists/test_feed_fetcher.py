"""The server's only way to fetch from other sites: public addresses only, bounded in time and size."""

import ipaddress
import socket
import time

import pytest

from playlists.feeds.addresses import is_public
from playlists.feeds.errors import FeedError
from playlists.feeds.fetcher import Limits, fetch
from tests.servers import free_port

INTERNAL = [
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.10",
    "127.0.0.1",
    "127.1.2.3",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "2001:db8::1",
]
PUBLIC = ["8.8.8.8", "93.184.216.34", "2001:4860:4860::8888", "::ffff:8.8.8.8"]


def code_of(url: str, **limits) -> str:
    with pytest.raises(FeedError) as raised:
        fetch(url, limits=Limits.from_settings(**limits))
    return raised.value.code


@pytest.mark.parametrize("address", INTERNAL)
def test_internal_addresses_are_not_public(address):
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", PUBLIC)
def test_global_unicast_addresses_are_public(address):
    assert is_public(ipaddress.ip_address(address))


def test_allowing_loopback_allows_loopback_only():
    for address in ["127.0.0.1", "::1", "::ffff:127.0.0.1"]:
        assert is_public(ipaddress.ip_address(address), allow_loopback=True)
    for address in ["10.0.0.1", "169.254.169.254", "fe80::1", "0.0.0.0"]:
        assert not is_public(ipaddress.ip_address(address), allow_loopback=True)


def test_a_feed_is_fetched_from_the_local_test_server(feed_server):
    response = fetch(feed_server.file_url("news.rss"))
    assert response.status == 200
    assert b"Ny legeplads" in response.body
    assert response.headers["Content-Type"] == "application/rss+xml"


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/feed.xml",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "https://192.168.0.1/calendar.ics",
        "http://0.0.0.0/",
    ],
)
def test_internal_addresses_are_refused(url):
    assert code_of(url, allow_loopback=False) == "refused"


def test_a_host_name_that_resolves_to_loopback_is_refused_without_connecting(feed_server):
    port = feed_server.server_address[1]
    before = feed_server.requests["/files/news.rss"]
    assert code_of(f"http://localhost:{port}/files/news.rss", allow_loopback=False) == "refused"
    assert code_of(f"http://127.0.0.1:{port}/files/news.rss", allow_loopback=False) == "refused"
    assert feed_server.requests["/files/news.rss"] == before  # never connected


def test_every_redirect_is_checked_again(feed_server):
    assert code_of(f"{feed_server.url}/redirect?to=http://169.254.169.254/latest/meta-data/") == "refused"
    assert code_of(f"{feed_server.url}/redirect?to=http://10.1.2.3/") == "refused"


def test_a_redirect_to_an_allowed_address_is_followed(feed_server):
    response = fetch(f"{feed_server.url}/redirect?to=/files/news.atom")
    assert response.url == feed_server.file_url("news.atom")
    assert b"Hovedbiblioteket" in response.body


def test_redirects_are_limited(feed_server):
    assert code_of(f"{feed_server.url}/redirect-loop", max_redirects=3) == "too_many_redirects"
    assert feed_server.requests["/redirect-loop"] >= 4


def test_the_connection_goes_to_the_address_that_was_checked(feed_server, monkeypatch):
    # A rebinding DNS server answers the check with one address and a second lookup with another:
    # the fetcher must not look the name up again.
    answers = iter(["127.0.0.1", "10.0.0.1", "10.0.0.1"])
    lookups = []

    def rebinding_getaddrinfo(host, port, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    port = feed_server.server_address[1]
    response = fetch(f"http://feeds.rebind.test:{port}/files/news.rss")
    assert b"Ny legeplads" in response.body
    assert lookups == ["feeds.rebind.test"]


def test_a_body_over_the_limit_is_refused_while_streaming(feed_server):
    assert code_of(f"{feed_server.url}/huge", max_bytes=2_000_000) == "too_big"
    assert code_of(f"{feed_server.url}/huge-declared", max_bytes=2_000_000) == "too_big"


def test_a_server_slow_to_answer_times_out(feed_server, measurements):
    started = time.monotonic()
    assert code_of(f"{feed_server.url}/slow", timeout=0.5, deadline=10) == "too_slow"
    measurements["feed fetch: server silent 3 s, read timeout 0.5 s → gave up after (s)"] = round(
        time.monotonic() - started, 2
    )


def test_a_server_that_trickles_bytes_is_cut_off_at_the_deadline(feed_server, measurements):
    started = time.monotonic()
    with pytest.raises(FeedError) as raised:
        fetch(f"{feed_server.url}/drip", limits=Limits.from_settings(timeout=1, deadline=1.5))
    assert raised.value.code == "too_slow"
    assert "1.5 seconds" in str(raised.value)
    measurements["feed fetch: byte every 0.2 s, deadline 1.5 s → gave up after (s)"] = round(
        time.monotonic() - started, 2
    )


def test_error_statuses_and_closed_ports_are_reported(feed_server):
    assert code_of(f"{feed_server.url}/status/500") == "http_status"
    assert code_of(f"{feed_server.url}/status/404") == "http_status"
    assert code_of(f"http://127.0.0.1:{free_port()}/feed.xml") == "unreachable"
    assert code_of("http://no-such-host.invalid/feed.xml") == "unreachable"


@pytest.mark.parametrize(
    "url", ["ftp://example.com/feed.xml", "javascript:alert(1)", "http://", "file:///etc/passwd", "feed"]
)
def test_only_http_and_https_addresses_are_fetched(url):
    assert code_of(url) == "bad_url"


def test_headers_can_be_read_without_the_body(feed_server):
    response = fetch(f"{feed_server.url}/huge", read_body=False)
    assert response.status == 200 and response.body == b""
