"""Shared pieces of the tokyo_validation integration and browser tests:
test files, uploads into the real storage, a counting loopback HTTP server,
and `ckan` subprocesses (worker, CLI) on a derived config."""
from __future__ import annotations

import io
import pathlib
import subprocess
import sys
import time
from typing import Any, Callable, Optional

import ckan.model as model
import ckan.tests.helpers as helpers
from ckan.tests.pytest_ckan.fixtures import FakeFileStorage

from tests.loopback_http import CountingServer  # noqa: F401  (re-exported for the tests)

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEMO_FILES = ROOT / "ckanext-tokyo" / "ckanext" / "tokyo" / "demo" / "files"
CKAN = pathlib.Path(sys.executable).with_name("ckan")

# A CP932 file with planted defects; (code, row, field) the report must name.
BAD_ROWS = [
    "名称,電話番号,開設日,定員,市区町村コード",
    "新宿第一保育園,03-1234-5678,2020-04-01,90,131041",
    "新宿第二保育園①,０３－１２３４－５６７８,2020-04-01,60,131041",
    "新宿第三保育園,03-1234-5679,令和2年4月1日,80,131041",
    "新宿第四保育園,<script>alert(1)</script>,2020-04-01,90 人,13104",
]
BAD_CSV = ("\r\n".join(BAD_ROWS) + "\r\n").encode("cp932")
PLANTED = {
    ("tokyo/zenkaku-alnum", 3, "電話番号"),
    ("tokyo/platform-dependent-char", 3, "名称"),
    ("tokyo/wareki-date", 4, "開設日"),
    ("tokyo/number-unit", 5, "定員"),
    ("tokyo/lg-code-missing-check-digit", 5, "市区町村コード"),
    ("tokyo/phone-format", 5, "電話番号"),
}


def clean_csv() -> bytes:
    return (DEMO_FILES / "131041_public_toilet.csv").read_bytes()


def site_context() -> dict:
    return {"user": helpers.call_action("get_site_user")["name"]}


def upload(package_id: str, data: bytes, filename: str, context: Optional[dict] = None, **extra: Any) -> dict:
    """resource_create with a file, into the configured storage (the one the
    worker and the live server read)."""
    fields = {"package_id": package_id, "name": filename, "format": filename.rsplit(".", 1)[-1].upper(),
              "url": filename, "upload": FakeFileStorage(io.BytesIO(data), filename)}
    fields.update(extra)
    if context is None:
        context = site_context()
    return helpers.call_action("resource_create", context, **fields)


def status_row(resource_id: str):
    from ckanext.tokyo.catalog_validation.model import ResourceValidation

    model.Session.remove()
    return ResourceValidation.get(resource_id)


def wait_for(predicate: Callable[[], Any], timeout: float = 60, every: float = 0.2) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(every)


def derived_ini(tmp_path: pathlib.Path, base_ini: str, **options: str) -> str:
    """A config for subprocesses: the test config plus `options`
    (CKAN's `use = config:` inheritance)."""
    lines = ["[app:main]", f"use = config:{pathlib.Path(base_ini).resolve()}"]
    lines += [f"{key} = {value}" for key, value in options.items()]
    lines += ["", "[loggers]", "keys = root", "[handlers]", "keys = console", "[formatters]", "keys = generic",
              "[logger_root]", "level = INFO", "handlers = console",
              "[handler_console]", "class = StreamHandler", "args = (sys.stderr,)", "level = NOTSET",
              "formatter = generic", "[formatter_generic]", "format = %(asctime)s %(levelname)-5.5s [%(name)s] %(message)s"]
    path = tmp_path / "derived.ini"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def ckan_command(ini: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(CKAN), "-c", ini, *args], capture_output=True, text=True, timeout=timeout)


def start_worker(ini: str, log_path: pathlib.Path, burst: bool = False) -> subprocess.Popen:
    """A `ckan jobs worker` on both validation queues, priority first (as
    `make run` and docker start it)."""
    args = [str(CKAN), "-c", ini, "jobs", "worker"] + (["--burst"] if burst else []) + ["priority", "default"]
    log = open(log_path, "ab")
    return subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def solr_updates() -> dict:
    """Solr's own counts of documents added and of explicit commits (its
    metrics API), to count what a save or a job writes to the index."""
    import json
    import urllib.request

    from ckan.common import config

    base = config["solr_url"].rstrip("/").rsplit("/", 1)[0]

    def read() -> dict:
        with urllib.request.urlopen(f"{base}/admin/metrics?group=core&prefix=UPDATE.updateHandler&wt=json") as answer:
            metrics = next(iter(json.load(answer)["metrics"].values()))
        # Solr counts its automatic (soft) commits among the commits: take them out
        automatic = metrics["UPDATE.updateHandler.autoCommits"] + metrics["UPDATE.updateHandler.softAutoCommits"]
        return {"adds": metrics["UPDATE.updateHandler.cumulativeAdds"]["count"],
                "commits": metrics["UPDATE.updateHandler.commits"]["count"] - automatic}

    # an automatic commit under way counts as a commit before it counts as
    # automatic: read after Solr's soft-commit delay (1 s), until steady
    time.sleep(1.5)
    last = read()
    for _ in range(20):
        time.sleep(0.5)
        now = read()
        if now == last:
            return now
        last = now
    return last


class SwitchableProxy:
    """A TCP proxy on 127.0.0.1 to a real service (Solr) that the test can
    take down and bring back: while down it accepts and drops connections,
    as a service that has gone away does."""

    def __init__(self, target_port: int):
        import socket
        import threading

        self.target_port, self.up = target_port, False
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket
        import threading

        while not self.closed:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), 5)
            except OSError:
                client.close()
                continue
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, target) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, target):
                try:
                    s.close()
                except OSError:
                    pass

    def close(self) -> None:
        self.closed = True
        self.sock.close()
