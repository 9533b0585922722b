"""A guarded HTTP client for linked resources (no CKAN, stdlib only).

A resource URL is attacker-controlled input: fetching it from the worker must
not reach the catalog's own network (SSRF). So:

* only ``http`` and ``https``;
* the host is resolved here, and the request is refused when *any* of its
  addresses is not a public unicast address (loopback, private, link-local,
  cloud metadata, carrier-grade NAT, multicast, reserved, unspecified,
  documentation, and IPv6 forms that embed such an IPv4 address);
* the connection goes to the vetted address (pinned: no second DNS lookup,
  so DNS rebinding cannot swap in another address), TLS still checks the
  certificate against the host name;
* redirects are followed by hand, each hop vetted again, up to a limit;
* size is capped, and time: one deadline for the whole fetch (all hops,
  TLS handshakes, headers and body), enforced on every socket read, so a
  server trickling a byte at a time cannot hold the worker past it.

Messages name the host and the kind of address refused, never the address a
name resolved to (users see them; the log has the rest).

``classify_address()`` is the address classifier; it never opens a socket.
"""
from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import ssl
import time
from dataclasses import dataclass, field
from typing import IO, Callable, Iterable, Optional
from urllib.parse import urljoin, urlsplit

from ckanext.tokyo.base import formats

log = logging.getLogger(__name__)

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
# The media types of the formats the validator reads first, then anything.
ACCEPT = ", ".join([f.media_type for f in formats.formats() if f.validatable] + ["*/*;q=0.5"])

# Ranges refused on top of what ipaddress flags as non-global, with the reason.
_EXTRA_BLOCKED: list[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str]] = [
    (ipaddress.ip_network("100.64.0.0/10"), "carrier-grade NAT"),
    (ipaddress.ip_network("192.0.0.0/24"), "IETF protocol assignments"),
    (ipaddress.ip_network("198.18.0.0/15"), "benchmarking"),
    (ipaddress.ip_network("fc00::/7"), "unique local"),
    (ipaddress.ip_network("fec0::/10"), "site-local"),
    (ipaddress.ip_network("2001:db8::/32"), "documentation"),
    (ipaddress.ip_network("3fff::/20"), "documentation"),
    (ipaddress.ip_network("64:ff9b:1::/48"), "local-use NAT64"),
]
_METADATA = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack
    ipaddress.ip_address("169.254.170.2"),    # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),    # AWS IPv6
}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(Exception):
    """The resource could not be fetched (reason in the message)."""


class FetchRefused(FetchError):
    """Refused before connecting: scheme, host or address not allowed."""


class _DeadlineMixin:
    """Every read of this socket waits at most until `deadline` (and at most
    `step` seconds): the per-read timeout alone would let a server sending a
    byte every few seconds run on forever."""

    deadline: float = float("inf")
    step: float = 10.0
    limit: float = 0.0  # the whole fetch's limit, for the message

    def _arm(self) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"time limit of {self.limit:g} s reached")
        self.settimeout(min(self.step, left))  # type: ignore[attr-defined]

    def recv(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._arm()
        return super().recv(*args, **kwargs)  # type: ignore[misc]

    def recv_into(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._arm()
        return super().recv_into(*args, **kwargs)  # type: ignore[misc]


class _DeadlineSocket(_DeadlineMixin, socket.socket):
    pass


class _DeadlineSSLSocket(_DeadlineMixin, ssl.SSLSocket):
    def read(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._arm()
        return super().read(*args, **kwargs)


def classify_address(address: str | Address) -> Optional[str]:
    """Why `address` must not be contacted, or None for a public unicast address."""
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return "not an IP address"
    if ip in _METADATA:
        return "cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            reason = classify_address(embedded)
            return f"IPv6 form of {embedded}: {reason}" if reason else None
        if ip.scope_id:
            return "scoped IPv6 address"
    for label, flagged in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if flagged:
            return f"{label} address"
    for network, label in _EXTRA_BLOCKED:
        if ip.version == network.version and ip in network:
            return f"{label} address"
    if not ip.is_global:
        return "not a public address"
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> Optional[ipaddress.IPv4Address]:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(ip))
    return None


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exception:
        raise FetchError(f"cannot resolve {host}: {exception.strerror}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    size: int
    redirects: list[str] = field(default_factory=list)


@dataclass
class GuardedClient:
    max_bytes: int = 50 * 1024 * 1024
    timeout: float = 30.0          # whole download, all hops
    connect_timeout: float = 10.0  # each socket operation
    max_redirects: int = 5
    # "host" or "host:port" entries exempt from the address check (tests,
    # an intranet mirror); empty by default.
    allow_hosts: Iterable[str] = ()
    resolver: Resolver = system_resolver
    user_agent: str = "ckanext-tokyo-validation/1.0"
    accept: str = ACCEPT  # the media types asked for (the harvester asks for RDF)

    def fetch(self, url: str, out: Optional[IO[bytes]]) -> Fetched:
        """Stream the body of `url` into `out` (None: only check that it
        answers 200, reading no body); raises FetchRefused/FetchError."""
        deadline = time.monotonic() + self.timeout
        hops: list[str] = []
        for _ in range(self.max_redirects + 1):
            target = self._vet(url)
            connection = self._connect(target, deadline)
            try:
                response = self._request(connection, target, deadline)
                if response.status in REDIRECTS:
                    location = response.getheader("Location")
                    if not location:
                        raise FetchError(f"redirect {response.status} without Location")
                    hops.append(url)
                    url = urljoin(url, location.strip())
                    continue
                if response.status != 200:
                    raise FetchError(f"HTTP {response.status} {response.reason}")
                size = self._copy(response, out, deadline) if out is not None else 0
                return Fetched(url, response.status, response.getheader("Content-Type", ""), size, hops)
            finally:
                connection.close()
        raise FetchRefused(f"more than {self.max_redirects} redirects")

    # Steps

    def _vet(self, url: str) -> _Target:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchRefused(f"scheme {scheme or '(none)'!r} is not allowed (http and https only)")
        host = parts.hostname
        if not host:
            raise FetchRefused("the URL has no host")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise FetchRefused("the URL has an invalid port") from None
        allowed = {h.strip().lower() for h in self.allow_hosts if h.strip()}
        exempt = host.lower() in allowed or f"{host.lower()}:{port}" in allowed
        try:
            literal: Optional[Address] = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        addresses = [str(literal)] if literal is not None else self.resolver(host, port)
        if not addresses:
            raise FetchError(f"{host} has no address")
        if not exempt:
            for address in addresses:
                reason = classify_address(address)
                if reason:
                    log.info("fetch of %s refused: %s resolves to %s (%s)", url, host, address, reason)
                    raise FetchRefused(f"{host} resolves to a non-public address ({reason}): refused")
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return _Target(scheme, host, port, addresses[0], path)

    def _connect(self, target: _Target, deadline: float) -> http.client.HTTPConnection:
        timeout = max(0.1, min(self.connect_timeout, deadline - time.monotonic()))
        pinned = _PinnedHTTPS if target.scheme == "https" else _PinnedHTTP
        connection = pinned(target.host, target.port, target.address, timeout)
        connection.deadline, connection.limit = deadline, self.timeout
        return connection

    def _request(self, connection: http.client.HTTPConnection, target: _Target,
                 deadline: float) -> http.client.HTTPResponse:
        if time.monotonic() > deadline:
            raise FetchError(f"time limit of {self.timeout:g} s reached")
        default_port = 443 if target.scheme == "https" else 80
        host_header = target.host if target.port == default_port else f"{target.host}:{target.port}"
        if ":" in target.host:  # IPv6 literal
            host_header = f"[{target.host}]" + ("" if target.port == default_port else f":{target.port}")
        try:
            connection.request("GET", target.path, headers={
                "Host": host_header, "User-Agent": self.user_agent,
                "Accept": self.accept,
                "Accept-Encoding": "identity", "Connection": "close"})
            return connection.getresponse()
        except FetchError:
            raise
        except (OSError, http.client.HTTPException) as exception:
            self._past(deadline, exception)
            raise FetchError(f"cannot fetch {target.host}: {_brief(exception)}") from None

    def _copy(self, response: http.client.HTTPResponse, out: IO[bytes], deadline: float) -> int:
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"the file is larger than the limit of {self.max_bytes} bytes ({declared})")
        size = 0
        try:
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"time limit of {self.timeout:g} s reached")
                chunk = response.read(CHUNK)
                if not chunk:
                    return size
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"the file is larger than the limit of {self.max_bytes} bytes")
                out.write(chunk)
        except FetchError:
            raise
        except (OSError, http.client.HTTPException) as exception:
            self._past(deadline, exception)
            raise FetchError(f"download interrupted: {_brief(exception)}") from None

    def _past(self, deadline: float, exception: BaseException) -> None:
        """A read that timed out at the deadline is the deadline's doing."""
        if isinstance(exception, TimeoutError) and time.monotonic() >= deadline - 0.05:
            raise FetchError(f"time limit of {self.timeout:g} s reached") from None


@dataclass
class _Target:
    scheme: str
    host: str
    port: int
    address: str
    path: str


def _brief(exception: BaseException) -> str:
    return str(exception) or type(exception).__name__


class _PinnedHTTP(http.client.HTTPConnection):
    deadline = float("inf")
    limit = 0.0

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.pinned = address

    def _socket(self) -> _DeadlineSocket:
        """The connection to the vetted address, its reads bound by the deadline."""
        raw = socket.create_connection((self.pinned, self.port), self.timeout)
        sock = _DeadlineSocket(fileno=raw.detach())
        sock.deadline, sock.step, sock.limit = self.deadline, self.timeout or 10.0, self.limit
        sock.settimeout(self.timeout)
        return sock

    def connect(self) -> None:
        self.sock = self._socket()


class _PinnedHTTPS(_PinnedHTTP, http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        http.client.HTTPSConnection.__init__(self, host, port, timeout=timeout, context=_tls_context())
        self.pinned = address

    def connect(self) -> None:
        sock = self._socket()
        # The handshake runs under the socket's timeout, capped by the deadline.
        sock.settimeout(max(0.01, min(self.timeout or 10.0, self.deadline - time.monotonic())))
        tls = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]
        tls.deadline, tls.step, tls.limit = self.deadline, self.timeout or 10.0, self.limit
        self.sock = tls


def _tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.sslsocket_class = _DeadlineSSLSocket
    return context
