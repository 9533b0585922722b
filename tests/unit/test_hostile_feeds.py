"""The hostile feeds of the corpus (tests/hostile_corpus.py) against the
guarded client, on servers of this test on 127.0.0.1 (no CKAN): every fetch
ends within twice its deadline, however the server trickles, stalls, lies
about sizes, compresses or redirects, and what it got is validated to a
terminal result."""
from __future__ import annotations

import tempfile
import time
from collections import defaultdict

import pytest

from ckanext.tokyo.catalog_validation.fetch import FetchError, GuardedClient
from ckanext.tokyo.validation import Options, validate

from tests.hostile_corpus import UNIT_LIMITS, FeedServer, feeds

DEADLINE = 1.0  # seconds for a whole fetch
FEEDS = defaultdict(list)
for _feed in feeds():
    FEEDS[_feed.klass].append(_feed)


def _problems(feed) -> list[str]:
    with FeedServer(feed) as server, tempfile.NamedTemporaryFile(suffix=".data") as out:
        client = GuardedClient(timeout=DEADLINE, connect_timeout=DEADLINE, max_bytes=1024 * 1024,
                               allow_hosts=[f"127.0.0.1:{server.port}"])
        started = time.monotonic()
        try:
            client.fetch(server.url, out)
            error = None
        except FetchError as exception:
            error = exception
        elapsed = time.monotonic() - started
        problems = []
        if elapsed > 2 * DEADLINE:
            problems.append(f"{elapsed:.2f} s, more than twice the {DEADLINE} s deadline")
        if feed.expect_error and error is None:
            problems.append("fetched, though it should have been refused or cut")
        if error is None:
            out.flush()
            report = validate(out.name, "auto", Options(**UNIT_LIMITS))
            if report.exit_code not in (0, 1, 2):
                problems.append("no terminal result")
        return problems


@pytest.mark.parametrize("klass", sorted(FEEDS))
def test_hostile_feeds_end_within_their_deadline(klass):
    failed = {feed.name: problems for feed in FEEDS[klass] if (problems := _problems(feed))}
    assert not failed, failed
