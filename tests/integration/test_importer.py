"""`ckan tokyo import` on a sample in the shape Tokyo's catalog publishes
(package_show records with the free-text 更新頻度 extra): from a JSON-lines
file, and from a small CKAN Action API served on 127.0.0.1 by the test."""
import json
import pathlib
import urllib.parse

import pytest

import ckan.tests.helpers as helpers
from ckan.cli.cli import ckan

from tests.loopback_http import CountingServer

SAMPLE = pathlib.Path(__file__).resolve().parents[1] / "data" / "tokyo_catalog_sample.jsonl"
F = "http://publications.europa.eu/resource/authority/frequency/"

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "scheming_datasets scheming_organizations tokyo_schema"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "cli_plugin_tables"),
]


def _import(cli, source=SAMPLE, exit_code=0):
    result = cli.invoke(ckan, ["tokyo", "import", str(source)])
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    return result.output


def _assert_imported():
    """The sample's seven datasets and four organisations, mapped."""
    pop = helpers.call_action("package_show", id="t000003d0000000011")
    assert pop["title_translated"] == {"ja": "住民基本台帳による東京都の世帯と人口"}
    assert pop["frequency"] == F + "ANNUAL" and pop["frequency_note"] == "年1回"
    assert pop["category"] == ["c001", "c029"]
    assert pop["spatial_coverage"][0]["text"] == "東京都"
    assert [r["format"] for r in pop["resources"]] == ["CSV", "XLSX"]
    assert all(r["modified"] == "2025-05-20" for r in pop["resources"])
    spellings = {name: helpers.call_action("package_show", id=name)["frequency"] for name in (
        "t000003d0000000012", "t000029d0000000011", "t131041d0000000011", "t131041d0000000012")}
    assert spellings == {"t000003d0000000012": F + "ANNUAL", "t000029d0000000011": F + "AS_NEEDED",
                         "t131041d0000000011": F + "IRREG", "t131041d0000000012": F + "MONTHLY"}
    assert "frequency" not in helpers.call_action("package_show", id="t131032d0000000011")

    bureau = helpers.call_action("organization_show", id="t000029")
    assert (bureau["corporate_number"], bureau["parent_organization"]) == ("8000020130001", "130001")
    minato = helpers.call_action("organization_show", id="t131032")
    assert (minato["corporate_number"], minato["local_government_code"]) == ("8000020131032", "131032")


def _modified():
    return {d["name"]: d["metadata_modified"] for d in
            helpers.call_action("package_search", q="*:*", rows=100)["results"]}


def _assert_lands_reports_and_is_idempotent(cli, source):
    out = _import(cli, source)
    assert "datasets: 7 created, 0 updated, 0 unchanged, 0 failed; organisations: 4 created" in out
    assert "unmapped 更新頻度: '国勢調査実施年の翌年' (1 datasets)" in out
    assert "unmapped 更新頻度: '予算編成時' (1 datasets)" in out
    assert "unknown group (not a category): 'tourism-old'" in out
    _assert_imported()

    before = _modified()
    assert len(before) == 7
    out = _import(cli, source)
    assert "datasets: 0 created, 0 updated, 7 unchanged, 0 failed; organisations: 0 created" in out
    assert _modified() == before


def test_import_lands_reports_and_is_idempotent(cli):
    _assert_lands_reports_and_is_idempotent(cli, SAMPLE)


# ------------------------------------------------------------------ from a CKAN site

JSON = {"Content-Type": "application/json;charset=utf-8"}


class FakeCKAN:
    """The part of CKAN's Action API the importer reads (through ckanapi):
    ``package_search`` over the sample, sorted by name, as a POSTed JSON body
    (ckanapi) or a GET query, under /api/action/ and /api/3/action/. Like CKAN
    with ``ckan.search.rows_max = rows_max`` it answers at most that many rows.
    ``broken[n]`` is answered instead of the n-th search (0: the first)."""

    def __init__(self, rows_max: int = 3):
        self.records = sorted((json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()
                               if line.strip()), key=lambda record: record["name"])
        self.rows_max = rows_max
        self.broken: dict[int, tuple[int, dict, bytes]] = {}
        self.searches: list[tuple[int, int]] = []  # (start, rows) asked for
        self.url = ""

    def __call__(self, method: str, path: str, body: bytes):
        url = urllib.parse.urlsplit(path)
        if url.path not in ("/api/action/package_search", "/api/3/action/package_search"):
            return 404, JSON, json.dumps({"success": False, "error": {
                "__type": "Not Found Error", "message": "Not found"}}).encode()
        params = json.loads(body or b"{}") if method == "POST" else dict(urllib.parse.parse_qsl(url.query))
        start, rows = int(params.get("start", 0)), int(params.get("rows", 10))
        self.searches.append((start, rows))
        if len(self.searches) - 1 in self.broken:
            return self.broken[len(self.searches) - 1]
        page = self.records[start:start + min(rows, self.rows_max)]
        return 200, JSON, json.dumps({"help": "package_search", "success": True, "result": {
            "count": len(self.records), "results": page, "sort": "name asc",
            "facets": {}, "search_facets": {}}}).encode()


@pytest.fixture
def ckan_site(loopback_direct):
    site = FakeCKAN()
    with CountingServer(handler=site) as server:
        site.url = server.url
        yield site


def test_import_from_ckan_site_pages_lands_reports_and_is_idempotent(cli, ckan_site):
    _assert_lands_reports_and_is_idempotent(cli, ckan_site.url)
    # the count, then pages of 3 (the site's rows_max, below the 100 asked for), twice
    assert [start for start, rows in ckan_site.searches if rows] == [0, 3, 6] * 2


HTTP_500 = ("が HTTP 500 を返しました", "answered HTTP 500")  # (ja, en) the operator reads
NOT_CKAN = ("の応答が CKAN API の JSON ではありません", "did not answer CKAN API JSON")
BROKEN = {  # answer: (route, message)
    "500 page": ((500, {"Content-Type": "text/html"}, b"<html><body>Internal Server Error</body></html>"),
                 HTTP_500),
    "500 CKAN error": ((500, JSON, json.dumps({"success": False, "error": {
        "__type": "Internal Server Error", "message": "Internal Server Error"}}).encode()), HTTP_500),
    "invalid JSON": ((200, JSON, b'{"help": "package_search", "success": true, "result": {"count": 7, "re'),
                     NOT_CKAN),
    "not a search result": ((200, JSON, b'{"success": true, "result": {"count": "many"}}'), NOT_CKAN),
}


def _assert_message(out, url, start, ja, en):
    assert f"{url} の package_search (start={start}) {ja} / package_search (start={start}) on {url} {en}" in out


@pytest.mark.parametrize("answer", sorted(BROKEN))
def test_ckan_site_breaking_off_is_reported_and_a_rerun_completes(cli, ckan_site, answer):
    route, message = BROKEN[answer]
    ckan_site.broken[2] = route  # the second page
    out = _import(cli, ckan_site.url, exit_code=1)
    _assert_message(out, ckan_site.url, 3, *message)
    assert "ここまでの取り込みは残ります" in out and "run the import again for the rest" in out
    assert "datasets: 3 created, 0 updated, 0 unchanged, 0 failed; organisations: 2 created" in out
    assert sorted(_modified()) == ["t000003d0000000011", "t000003d0000000012", "t000029d0000000011"]

    ckan_site.broken.clear()
    out = _import(cli, ckan_site.url)
    assert "datasets: 4 created, 0 updated, 3 unchanged, 0 failed; organisations: 2 created" in out
    _assert_imported()


@pytest.mark.parametrize("answer", ["500 page", "invalid JSON"])
def test_ckan_site_failing_at_once_imports_nothing(cli, ckan_site, answer):
    route, message = BROKEN[answer]
    ckan_site.broken[0] = route  # the count
    out = _import(cli, ckan_site.url, exit_code=1)
    _assert_message(out, ckan_site.url, 0, *message)
    assert "何も取り込んでいません / nothing was imported" in out
    assert _modified() == {}


def test_nothing_listening_is_reported(cli, loopback_direct):
    with CountingServer() as server:
        url = server.url  # closed again: nothing listens there
    out = _import(cli, url, exit_code=1)
    assert (f"{url} に接続できないか応答がありません / cannot connect to {url} or no answer "
            "(package_search (start=0): ConnectionError)\n何も取り込んでいません / nothing was imported") in out


def test_a_site_that_never_answers_times_out(cli, loopback_direct, monkeypatch):
    import socket

    from ckanext.tokyo import importer

    monkeypatch.setattr(importer, "REMOTE_TIMEOUT", 1)
    with socket.socket() as silent:  # accepts connections (backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = "http://127.0.0.1:%d" % silent.getsockname()[1]
        out = _import(cli, url, exit_code=1)
    assert f"cannot connect to {url} or no answer (package_search (start=0): ReadTimeout)" in out
