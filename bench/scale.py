"""A Tokyo-sized catalog on test stacks, beside stock CKAN in the same run
(issue 12): load time, index writes and Solr commits per dataset, datasets
refused, search and show p50/p95, the DCAT catalog page and full dump, and
validation throughput for 1, 2 and 4 workers.

    scripts/stack.sh up test7
    .venv/bin/python bench/scale.py --ini config/test7.ini --datasets 1000
    .venv/bin/python bench/scale.py --ini config/test7.ini --datasets 10000   # Tokyo's size (hours on 2 cores)

It generates the catalog in the shape Tokyo publishes it today (package_show
records: 95 organisations t000xxx / t<code>, ~8 resources a dataset of which
a third are CSV files served by the bench on 127.0.0.1, keywords as Tokyo
writes them, with ・ and brackets, 更新頻度 spellings, categories), and loads
it one way after the other on the same stack (--stock-ini: another), **deleting
its database and index** before each load:

* stock: CKAN with `activity dcat` (profile euro_dcat_ap_3); each record
  saved through package_create, as published (stock CKAN refuses ・).
* tokyo, validation off / on / on with --bulk: `ckan tokyo import` with the
  configured plugins (without tokyo_validation for "off"); with validation
  on, runs are queued (no worker runs during the load), then two workers
  validate everything and the index writes and commits they add are counted.

Index writes and commits are Solr's own counts (its metrics API) around each
step, its automatic (soft) commits taken out; a commit request of
`ckan.lib.search.commit()` counts as two there (pysolr sends it both in the
URL and in the body), one made with a save (`add(commit=True)`) as one.
Queries run in a process loaded with each stack's config: package_search
over fixed queries and package_show of random datasets (after a warm-up),
the DCAT catalog's first page (`dcat_catalog_show`, Turtle) and every page.
The throughput part runs bench/validation_throughput.py (--files, --rows).
Prints a JSON summary.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CKAN = str(pathlib.Path(sys.executable).with_name("ckan"))
DEMO = ROOT / "ckanext-tokyo" / "ckanext" / "tokyo" / "demo" / "files" / "131041_public_toilet.csv"
STOCK_PLUGINS = "activity dcat"
TOKYO_PLUGINS_OFF = "activity tokyo_schema scheming_datasets scheming_organizations dcat tokyo_dcat"
TOKYO_PLUGINS_ON = "activity tokyo_schema tokyo_validation scheming_datasets scheming_organizations dcat tokyo_dcat"
QUERIES = [{"q": "*:*"}, {"q": "公園"}, {"q": "人口 統計"}, {"q": "*:*", "fq": "res_format:CSV"},
           {"q": "*:*", "fq": "organization:t131041"}, {"q": "トイレ", "fq": "res_format:CSV"},
           {"q": "*:*", "start": 100}, {"q": "子育て"}, {"q": "治安対策"}, {"q": "データ", "sort": "metadata_modified desc"}]

# ------------------------------------------------------------------ the catalog


BUREAU_WORDS = ["総務", "財務", "主税", "生活文化", "都市整備", "環境", "福祉", "保健医療", "産業労働", "建設",
                "港湾", "会計管理", "交通", "水道", "下水道", "教育", "選挙管理", "人事", "監査", "議会",
                "消防", "警視", "デジタルサービス", "住宅政策", "政策企画", "子供政策連携", "スポーツ推進", "中央卸売市場",
                "青少年・治安対策", "スタートアップ・国際金融都市戦略"]
TOPICS = ["人口", "世帯", "公園", "トイレ", "AED", "避難所", "保育園", "図書館", "文化財", "道路", "河川", "ごみ",
          "子育て", "高齢者", "観光", "イベント", "統計", "予算", "選挙", "交通", "駐輪場", "Wi-Fi"]
KEYWORDS = TOPICS + ["オープンデータ", "東京都", "区市町村", "施設一覧", "（仮称）計画", "「東京」データ", "ＣＳＶ",
                     "子育て／教育", "No.1", "青少年・治安対策本部", "スタートアップ・国際金融都市戦略室", "防災・安全",
                     "観光・文化", "水"]
FREQUENCIES = ["年1回", "毎月", "随時", "不定期", "四半期", "年2回", "毎週", "毎日", "予算編成時"]
FORMATS = [("CSV", 0.35), ("XLSX", 0.15), ("PDF", 0.3), ("HTML", 0.1), ("ZIP", 0.1)]


def organizations() -> list[dict[str, str]]:
    from ckanext.tokyo.base import identifiers

    bureaus = [{"name": f"t000{n:03d}", "title": f"{word}局"} for n, word in enumerate(BUREAU_WORDS, start=1)]
    towns = [{"name": f"t{lg.code}", "title": lg.name} for lg in identifiers.tokyo_local_governments()[1:]]
    extra = [{"name": f"t000{n:03d}", "title": f"委員会{n}"} for n in range(31, 34)]
    return (bureaus + towns + extra)[:95]


def records(count: int, files_url: str, seed: int = 12) -> list[dict[str, Any]]:
    """Datasets in the shape Tokyo's catalog publishes (package_show)."""
    rnd = random.Random(seed)
    orgs = organizations()
    out = []
    for n in range(count):
        org = orgs[n % len(orgs)]
        topic = rnd.choice(TOPICS)
        tags = rnd.sample(KEYWORDS, rnd.randint(2, 6))
        if n % 40 == 0:  # about 2.5% carry a bureau name with ・, as 2.1% of Tokyo's do
            tags.append(rnd.choice(["青少年・治安対策本部", "スタートアップ・国際金融都市戦略室"]))
        resources = []
        for r in range(rnd.randint(4, 12)):
            fmt = rnd.choices([f for f, _ in FORMATS], [w for _, w in FORMATS])[0]
            url = (f"{files_url}/{n}-{r}.csv" if fmt == "CSV"
                   else f"https://www.example.metro.tokyo.lg.jp/files/{n}/{r}.{fmt.lower()}")
            resources.append({"name": f"{topic}データ {r + 1}", "format": fmt, "url": url,
                              "description": f"{topic}に関するデータです。", "last_modified": "2025-04-01T00:00:00"})
        out.append({
            "name": f"{org['name']}d{n:010d}", "title": f"{org['title']}の{topic}一覧（{n}）",
            "notes": f"{org['title']}が公開する{topic}のデータです。" * 3,
            "organization": {"name": org["name"], "title": org["title"]}, "owner_org": org["name"],
            "license_id": "CC-BY-4.0", "tags": [{"name": t} for t in dict.fromkeys(tags)],
            "groups": [{"name": f"c{rnd.randint(1, 30):03d}"}],
            "extras": [{"key": "更新頻度", "value": rnd.choice(FREQUENCIES)}],
            "metadata_created": "2024-04-01T00:00:00", "metadata_modified": "2025-04-01T00:00:00",
            "resources": resources,
        })
    return out


class Files(http.server.ThreadingHTTPServer):
    """Serves the catalog's CSV files (the demo 公衆トイレ一覧) on 127.0.0.1."""

    def __init__(self) -> None:
        body = DEMO.read_bytes()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.daemon_threads = True
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/files"


# ------------------------------------------------------------------ stacks


def derived(base: str, tmp: str, name: str, plugins: str, **options: str) -> str:
    path = pathlib.Path(tmp) / f"{name}.ini"
    lines = ["[app:main]", f"use = config:{pathlib.Path(base).resolve()}", f"ckan.plugins = {plugins}"]
    lines += [f"{k} = {v}" for k, v in options.items()]
    lines += ["[loggers]", "keys = root", "[handlers]", "keys = console", "[formatters]", "keys = generic",
              "[logger_root]", "level = WARNING", "handlers = console", "[handler_console]",
              "class = StreamHandler", "args = (sys.stderr,)", "level = NOTSET", "formatter = generic",
              "[formatter_generic]", "format = %(asctime)s %(levelname)-5.5s [%(name)s] %(message)s"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def ckan(ini: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([CKAN, "-c", ini, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"ckan {' '.join(args)}: {result.stderr[-2000:]}")
    return result


def reset(ini: str) -> None:
    """An empty catalog: database, plugin tables, index and queues."""
    ckan(ini, "db", "clean", "--yes")
    ckan(ini, "db", "init")
    ckan(ini, "db", "upgrade")
    ckan(ini, "search-index", "clear", check=False)
    ckan(ini, "jobs", "clear", check=False)


def solr(ini: str) -> dict[str, int]:
    text = pathlib.Path(ini).read_text()
    base_ini = text.split("use = config:")[1].split("\n")[0] if "use = config:" in text else ini
    url = next(line.split("=", 1)[1].strip() for line in pathlib.Path(base_ini).read_text().splitlines()
               if line.startswith("solr_url"))
    root = url.rstrip("/").rsplit("/", 1)[0]

    def read() -> dict[str, int]:
        with urllib.request.urlopen(f"{root}/admin/metrics?group=core&prefix=UPDATE.updateHandler&wt=json") as answer:
            metrics = next(iter(json.load(answer)["metrics"].values()))
        # Solr counts its own automatic (soft) commits among the commits: take them out
        automatic = metrics["UPDATE.updateHandler.autoCommits"] + metrics["UPDATE.updateHandler.softAutoCommits"]
        return {"adds": metrics["UPDATE.updateHandler.cumulativeAdds"]["count"],
                "commits": metrics["UPDATE.updateHandler.commits"]["count"] - automatic}

    time.sleep(1.5)  # an automatic commit under way counts as a commit before it counts as automatic
    last, now = read(), {}
    while now != last:
        time.sleep(0.5)
        last, now = now or last, read()
    return now


def delta(before: dict[str, int], after: dict[str, int], datasets: int) -> dict[str, float]:
    return {"index_writes": after["adds"] - before["adds"], "commits": after["commits"] - before["commits"],
            "index_writes_per_dataset": round((after["adds"] - before["adds"]) / max(datasets, 1), 3),
            "commits_per_dataset": round((after["commits"] - before["commits"]) / max(datasets, 1), 3)}


def self_call(ini: str, command: str, *args: str) -> dict[str, Any]:
    result = subprocess.run([PYTHON, __file__, command, "--step-ini", ini, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{command}: {result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ loads


def load_stock(ini: str, source: str) -> dict[str, Any]:
    """Every record through package_create, as stock CKAN would take it."""
    import ckan.plugins.toolkit as tk

    site = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    context = lambda: {"user": site, "ignore_auth": True}  # noqa: E731
    orgs: set[str] = set()
    refused: dict[str, str] = {}
    started = time.monotonic()
    for line in open(source, encoding="utf-8"):
        record = json.loads(line)
        org = record["organization"]
        if org["name"] not in orgs:
            try:
                tk.get_action("organization_show")(context(), {"id": org["name"]})
            except tk.ObjectNotFound:
                tk.get_action("organization_create")(context(), {"name": org["name"], "title": org["title"]})
            orgs.add(org["name"])
        try:
            tk.get_action("package_show")(context(), {"id": record["name"]})
            continue
        except tk.ObjectNotFound:
            pass
        data = {k: record[k] for k in ("name", "title", "notes", "owner_org", "license_id", "tags", "extras")}
        data["resources"] = [{k: r[k] for k in ("name", "format", "url", "description")} for r in record["resources"]]
        try:
            tk.get_action("package_create")(context(), data)
        except tk.ValidationError as error:
            refused[record["name"]] = str(error.error_dict)[:200]
    return {"seconds": round(time.monotonic() - started, 1), "refused": len(refused),
            "refused_examples": list(refused.values())[:3]}


def load_tokyo(ini: str, source: str, bulk: bool) -> dict[str, Any]:
    started = time.monotonic()
    result = ckan(ini, "tokyo", "import", source, *(["--bulk"] if bulk else []), check=False)
    seconds = time.monotonic() - started
    summary = next((line for line in result.stdout.splitlines() if line.startswith("datasets:")), result.stdout[-300:])
    failed = int(summary.split(" failed")[0].rsplit(" ", 1)[-1]) if " failed" in summary else -1
    return {"seconds": round(seconds, 1), "refused": failed, "summary": summary}


def validate_all(ini: str, workers: int, timeout: float) -> dict[str, Any]:
    """Run `workers` burst workers until the queues are empty."""
    started = time.monotonic()
    procs = [subprocess.Popen([CKAN, "-c", ini, "jobs", "worker", "--burst", "priority", "default"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(workers)]
    for proc in procs:
        proc.wait(timeout)
    return {"seconds": round(time.monotonic() - started, 1)}


# ------------------------------------------------------------------ queries


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(1000 * statistics.median(ordered), 1),
            "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1), "n": len(ordered)}


def queries(rounds: int) -> dict[str, Any]:
    import ckan.model as model
    import ckan.plugins.toolkit as tk

    context = lambda: {"ignore_auth": True}  # noqa: E731
    ids = [pid for (pid,) in model.Session.query(model.Package.id).filter(model.Package.state == "active")]
    rnd = random.Random(7)
    for query in QUERIES:  # warm-up
        tk.get_action("package_search")(context(), dict(query))
    search, show = [], []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            tk.get_action("package_search")(context(), dict(query, rows=20))
            search.append(time.perf_counter() - started)
        for pid in rnd.sample(ids, min(10, len(ids))):
            started = time.perf_counter()
            tk.get_action("package_show")(context(), {"id": pid})
            show.append(time.perf_counter() - started)
    started = time.perf_counter()
    first = tk.get_action("dcat_catalog_show")(context(), {"format": "turtle", "page": 1})
    page = time.perf_counter() - started
    started, pages, size = time.perf_counter(), 0, 0
    while True:
        pages += 1
        text = tk.get_action("dcat_catalog_show")(context(), {"format": "turtle", "page": pages})
        size += len(text.encode())
        if pages * int(tk.config.get("ckanext.dcat.datasets_per_page", 100)) >= len(ids):
            break
    dump = time.perf_counter() - started
    return {"datasets": len(ids), "search": percentiles(search), "show": percentiles(show),
            "catalog_page_ms": round(1000 * page, 1), "catalog_page_bytes": len(first.encode()),
            "full_dump_s": round(dump, 2), "full_dump_pages": pages, "full_dump_mb": round(size / 1e6, 1),
            "profiles": tk.config.get("ckanext.dcat.rdf.profiles")}


def _in_ckan(ini: str) -> Any:
    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    app = make_app(load_config(ini))
    return app._wsgi_app.test_request_context()


# ------------------------------------------------------------------ the run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="run", choices=("run", "_stock", "_queries"))
    parser.add_argument("--step-ini", help="(internal) the config of a sub-step")
    parser.add_argument("--source", help="(internal) the records of a load")
    parser.add_argument("--tokyo-ini", "--ini", default="config/test7.ini", help="a test stack's config")
    parser.add_argument("--stock-ini", help="another stack for stock CKAN (default: the same, reset between)")
    parser.add_argument("--datasets", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=20, help="rounds of queries (10 searches, 10 shows each)")
    parser.add_argument("--workers", type=int, default=2, help="workers validating the catalog after the load")
    parser.add_argument("--files", type=int, default=50, help="throughput: files (0: skip)")
    parser.add_argument("--rows", type=int, default=20000, help="throughput: rows a file")
    parser.add_argument("--skip", default="", help="comma-separated steps to skip: stock,off,on,bulk")
    args = parser.parse_args()

    if args.command != "run":
        with _in_ckan(args.step_ini):
            result = load_stock(args.step_ini, args.source) if args.command == "_stock" else queries(args.rounds)
        print(json.dumps(result, ensure_ascii=False))
        return 0

    skip = set(filter(None, args.skip.split(",")))
    out: dict[str, Any] = {"datasets": args.datasets, "cpus": os.cpu_count()}
    files = Files()
    with tempfile.TemporaryDirectory(prefix="tokyo-scale-") as tmp:
        source = os.path.join(tmp, "catalog.jsonl")
        catalog = records(args.datasets, files.url)
        with open(source, "w", encoding="utf-8") as f:
            for record in catalog:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        out["resources"] = sum(len(r["resources"]) for r in catalog)
        out["csv_files"] = sum(1 for r in catalog for res in r["resources"] if res["format"] == "CSV")
        out["organizations"] = len({r["owner_org"] for r in catalog})
        allow = {"ckanext.tokyo.validation.allow_hosts": f"127.0.0.1:{files.server_address[1]}"}
        stock = derived(args.stock_ini or args.tokyo_ini, tmp, "stock", STOCK_PLUGINS,
                        **{"ckanext.dcat.rdf.profiles": "euro_dcat_ap_3"})
        off = derived(args.tokyo_ini, tmp, "off", TOKYO_PLUGINS_OFF)
        on = derived(args.tokyo_ini, tmp, "on", TOKYO_PLUGINS_ON, **allow)

        if "stock" not in skip:
            reset(stock)
            before = solr(stock)
            out["stock"] = {"load": self_call(stock, "_stock", "--source", source)}
            out["stock"]["load"].update(delta(before, solr(stock), args.datasets))
            out["stock"]["queries"] = self_call(stock, "_queries", "--rounds", str(args.rounds))
        for mode, ini, bulk in (("tokyo_validation_off", off, False), ("tokyo_validation_on", on, False),
                                ("tokyo_bulk", on, True)):
            if {"tokyo_validation_off": "off", "tokyo_validation_on": "on", "tokyo_bulk": "bulk"}[mode] in skip:
                continue
            reset(on)  # the same database for every Tokyo load
            before = solr(ini)
            step: dict[str, Any] = {"load": load_tokyo(ini, source, bulk)}
            step["load"].update(delta(before, solr(ini), args.datasets))
            if ini == on:
                after_load = solr(ini)
                step["validation"] = validate_all(ini, args.workers, timeout=24 * 3600)
                step["validation"].update(delta(after_load, solr(ini), args.datasets))
                step["total"] = delta(before, solr(ini), args.datasets)
            out[mode] = step
        if "tokyo_validation_on" in out and "tokyo_validation_off" in out:
            out["validation_on_over_off"] = round(out["tokyo_validation_on"]["load"]["seconds"]
                                                  / out["tokyo_validation_off"]["load"]["seconds"], 3)
        if "tokyo_bulk" in out:
            out["tokyo_bulk"]["queries"] = self_call(on, "_queries", "--rounds", str(args.rounds))
        if args.files:
            result = subprocess.run([PYTHON, str(ROOT / "bench" / "validation_throughput.py"), "--ini", args.tokyo_ini,
                                     "--files", str(args.files), "--rows", str(args.rows), "--workers", "1,2,4"],
                                    capture_output=True, text=True)
            out["throughput"] = json.loads(result.stdout[result.stdout.index("{"):]) if result.returncode == 0 \
                else {"error": result.stderr[-2000:]}
    files.shutdown()
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0




if __name__ == "__main__":
    sys.exit(main())
