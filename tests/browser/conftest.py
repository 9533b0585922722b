"""A live CKAN (the test config, its own port) and Debian's Chromium driven
by Playwright. The live server shares the test database and Solr core with
the in-process fixtures, so data created in a test is what the browser sees."""
from __future__ import annotations

import contextlib
import os
import pathlib
import subprocess
import sys
import time
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
# The machine has no network beyond package registries: keep Chromium from
# phoning home, and run it as root without a sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # the live servers of the test stacks (scripts/stack.sh: 5051 + 10 n);
    # 5061 is one of the ports Chromium refuses unless told (SIP over TLS)
    "--explicitly-allowed-ports=" + ",".join(str(5051 + 10 * n) for n in range(10)),
]


@pytest.fixture(scope="module")
def live_server(pytestconfig):
    from ckan.common import config

    port = int(config["ckan.devserver.port"])
    url = f"http://127.0.0.1:{port}"
    ini = str(pathlib.Path(pytestconfig.getoption("ckan_ini")).resolve())
    ckan = pathlib.Path(sys.executable).with_name("ckan")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / "live-server.log", "ab")
    proc = subprocess.Popen(
        [str(ckan), "-c", ini, "run", "--host", "127.0.0.1", "--port", str(port),
         "--disable-reloader", "--threaded"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(url + "/api/3/action/status_show", timeout=5)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"live CKAN did not start; see {ARTIFACTS / 'live-server.log'}")
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: run `make install`")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def screenshot(page, name: str) -> pathlib.Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@contextlib.contextmanager
def configured_plugins():
    """The ini's plugins, loaded in this process too, so data a test creates
    here is stored through the Tokyo schemas as the live server stores it;
    plugin tables (activity's, ckanext-harvest's) are migrated onto the freshly
    reset database."""
    import ckan.plugins as p

    from tests import plugin_tables

    p.load_all()
    try:
        plugin_tables.migrate_configured()
        yield
    finally:
        unload_plugins()


def unload_plugins():
    """What with_plugins does at its end: 2.11 keeps its system plugins
    (synchronous_search) loaded; 2.12 has none and only unload_all."""
    import ckan.plugins as p

    getattr(p, "unload_non_system_plugins", p.unload_all)()


@pytest.fixture(scope="module")
def reset_db_module():
    from ckan.lib.search import clear_all
    from ckan.tests.helpers import reset_db

    reset_db()
    clear_all()


@pytest.fixture(scope="module")
def demo_catalog(reset_db_module, live_server):
    """The demo catalog (category pages, organisations, datasets) on the live
    server, stored through the Tokyo schema."""
    from ckanext.tokyo import demo

    with configured_plugins():
        demo.load()
    return live_server
