"""Which network addresses the server may fetch from: public ones only."""

import ipaddress
import socket

from . import errors

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(address: IPAddress, *, allow_loopback: bool = False) -> bool:
    """True for a globally routable unicast address; loopback too when allowed (tests only)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if allow_loopback and address.is_loopback:
        return True
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def resolve_public(host: str, port: int, *, allow_loopback: bool = False) -> list[IPAddress]:
    """Every address `host` resolves to, if all of them are public; else FeedError("refused").

    The caller connects to one of these addresses, not to the name again, so a second DNS answer
    (rebinding) cannot send the request elsewhere.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise errors.unreachable(f"no address for {host}") from error
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))
    if not addresses or not all(is_public(a, allow_loopback=allow_loopback) for a in addresses):
        raise errors.refused()
    return addresses
