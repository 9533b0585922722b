"""The guarded client of tokyo_validation (no CKAN): the address classifier
on addresses only, and refusals that happen before any connection. The only
sockets opened go to servers of this test on 127.0.0.1."""
from __future__ import annotations

import io
import socket

import pytest

from ckanext.tokyo.catalog_validation import fetch
from ckanext.tokyo.catalog_validation.fetch import FetchError, FetchRefused, GuardedClient, classify_address

from tests.loopback_http import CountingServer

REFUSED = [
    "127.0.0.1", "127.255.255.254", "0.0.0.0", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.1",
    "192.168.0.1", "169.254.169.254", "169.254.170.2", "169.254.0.1", "100.64.0.1", "100.100.100.200",
    "192.0.0.1", "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250",
    "240.0.0.1", "255.255.255.255",
    "::", "::1", "fe80::1", "fd00::1", "fd00:ec2::254", "fc00::1", "ff02::1", "2001:db8::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe",
    "2002:0a00:0001::1", "2002:7f00:0001::", "::127.0.0.1",
    # site-local (deprecated, still routed inside some networks), the newer
    # documentation range and local-use NAT64
    "fec0::1", "feff::1", "3fff::1", "64:ff9b:1::a00:1",
]
PUBLIC = ["8.8.8.8", "1.1.1.1", "133.1.1.1", "202.241.0.1", "2001:4860:4860::8888", "2606:4700:4700::1111",
          "::ffff:8.8.8.8"]


@pytest.mark.parametrize("address", REFUSED)
def test_classifier_refuses_non_public_addresses(address):
    assert classify_address(address) is not None


@pytest.mark.parametrize("address", PUBLIC)
def test_classifier_allows_public_unicast(address):
    assert classify_address(address) is None


def test_classifier_names_the_reason():
    assert classify_address("169.254.169.254") == "cloud metadata address"
    assert classify_address("10.0.0.1") == "private address"
    assert classify_address("fe80::1") == "link-local address"
    assert "127.0.0.1" in classify_address("::ffff:127.0.0.1")
    assert classify_address("not-an-ip") == "not an IP address"


@pytest.fixture
def no_connections(monkeypatch):
    """Any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"the guarded client tried to connect: {args}")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(fetch.socket, "create_connection", refuse)


@pytest.mark.usefixtures("no_connections")
@pytest.mark.parametrize("url", [
    "http://10.0.0.1/data.csv", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/x.csv",
    "http://[::1]:8080/", "https://127.0.0.1/", "http://[::ffff:a9fe:a9fe]/",
    # numeric spellings the system resolver turns into loopback without DNS
    "http://2130706433/", "http://0x7f000001/", "http://127.1/",
])
def test_refused_before_connecting(url):
    with pytest.raises(FetchRefused):
        GuardedClient().fetch(url, io.BytesIO())


@pytest.mark.usefixtures("no_connections")
@pytest.mark.parametrize("addresses", [["169.254.169.254"], ["8.8.8.8", "10.0.0.1"], ["fd00::1"]])
def test_a_name_resolving_to_any_private_address_is_refused(addresses):
    client = GuardedClient(resolver=lambda host, port: addresses)
    with pytest.raises(FetchRefused, match="refused"):
        client.fetch("https://data.example.jp/file.csv", io.BytesIO())


@pytest.mark.usefixtures("no_connections")
def test_a_refusal_names_the_host_not_the_address_it_resolved_to():
    # users see the reason; an internal name's address is for the log only
    client = GuardedClient(resolver=lambda host, port: ["10.20.30.40"])
    with pytest.raises(FetchRefused) as refused:
        client.fetch("https://intranet.example.jp/file.csv", io.BytesIO())
    assert "intranet.example.jp" in str(refused.value) and "private" in str(refused.value)
    assert "10.20.30.40" not in str(refused.value)


def test_tls_reads_are_bound_by_the_deadline_too():
    assert fetch._tls_context().sslsocket_class is fetch._DeadlineSSLSocket
    assert issubclass(fetch._DeadlineSocket, fetch._DeadlineMixin)


@pytest.mark.usefixtures("no_connections")
@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.csv", "gopher://example.org/",
                                 "dict://example.org:11211/", "http:///nohost"])
def test_only_http_and_https(url):
    with pytest.raises(FetchRefused):
        GuardedClient().fetch(url, io.BytesIO())


@pytest.fixture
def servers():
    made = []

    def make(routes):
        made.append(CountingServer(routes))
        return made[-1]
    yield make
    for server in made:
        server.close()


def test_loopback_is_refused_by_default_without_connecting(servers):
    target = servers({"/a.csv": (200, {}, b"a,b\n1,2\n")})
    with pytest.raises(FetchRefused, match="loopback"):
        GuardedClient().fetch(f"http://127.0.0.1:{target.port}/a.csv", io.BytesIO())
    assert target.requests == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])
def test_redirect_to_loopback_is_refused_without_connecting(servers, host):
    inner = servers({"/secret": (200, {}, b"secret")})
    outer = servers({"/a.csv": (302, {"Location": f"http://{host}:{inner.port}/secret"}, b"")})
    client = GuardedClient(allow_hosts=[f"127.0.0.1:{outer.port}"])  # outer stands for a public host
    with pytest.raises(FetchRefused, match="loopback"):
        client.fetch(f"http://127.0.0.1:{outer.port}/a.csv", io.BytesIO())
    assert outer.requests == ["/a.csv"] and inner.requests == []


def test_allowed_host_is_fetched_with_redirects(servers):
    server = servers({"/a.csv": (301, {"Location": "/b.csv"}, b""), "/b.csv": (200, {}, b"x,y\n1,2\n")})
    out = io.BytesIO()
    got = GuardedClient(allow_hosts=[f"127.0.0.1:{server.port}"]).fetch(f"http://127.0.0.1:{server.port}/a.csv", out)
    assert out.getvalue() == b"x,y\n1,2\n" and got.size == 8 and got.url.endswith("/b.csv")


def test_redirect_limit(servers):
    server = servers({"/loop": (302, {"Location": "/loop"}, b"")})
    client = GuardedClient(allow_hosts=[f"127.0.0.1:{server.port}"], max_redirects=3)
    with pytest.raises(FetchRefused, match="redirects"):
        client.fetch(f"http://127.0.0.1:{server.port}/loop", io.BytesIO())
    assert len(server.requests) == 4


def test_size_limit(servers):
    server = servers({"/big.csv": (200, {}, b"x" * 5000)})
    client = GuardedClient(allow_hosts=[f"127.0.0.1:{server.port}"], max_bytes=1000)
    with pytest.raises(FetchError, match="limit"):
        client.fetch(f"http://127.0.0.1:{server.port}/big.csv", io.BytesIO())


def test_pinned_address_is_the_vetted_one(monkeypatch):
    """DNS rebinding: the connection goes to the address that was checked."""
    seen = []

    def connect(address, timeout=None, *args):
        seen.append(address)
        raise OSError("stop here")

    monkeypatch.setattr(fetch.socket, "create_connection", connect)
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # a second lookup would get loopback
    client = GuardedClient(resolver=lambda host, port: next(answers))
    with pytest.raises(FetchError):
        client.fetch("http://rebind.example/", io.BytesIO())
    assert seen == [("93.184.216.34", 80)]
