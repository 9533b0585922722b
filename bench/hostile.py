"""The hostile corpus at the size of the reported attacks, each case in its
own forked process as the worker runs a job: worst time and peak memory
(max RSS) per class, against the configured limits.

    .venv/bin/python bench/hostile.py                           # the core (no CKAN), production limits
    .venv/bin/python bench/hostile.py --ini config/test7.ini    # the catalog's job on a test stack
    .venv/bin/python bench/hostile.py --classes wide,slow-feed --scale unit

Files come from tests/hostile_corpus.py (`files("full")`: 1,000 cells of
20,000 full-width characters, 150,000 columns, a million cell formats in
styles.xml, …), feeds from its `feeds("full")` served on 127.0.0.1 (a byte
every 2 s, endless bodies, gzip bombs, redirect tricks).

Without --ini, a case is what the job does without CKAN: the guarded fetch
(feeds) and `validate()` with the catalog's default limits, in a child
forked from this process. With --ini, the bench loads CKAN with that config
(`ckan.plugins = activity tokyo_validation`, its storage, database and
Solr), stores each file as an upload (feeds as linked resources) and runs
`jobs.run_validation` in a child forked the way `ckan jobs worker` forks its
work horse: the child's max RSS is the worker's peak for that job. Time is
the child's wall time; the limit of a file is `timeout`, of a feed
`fetch_timeout` (plus `timeout` when it delivered a file). It prints a table and a JSON summary; exit
status 1 when a case ran past twice its limit or past --max-rss, or did not
end in a final status (a crash, running, pending).
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import resource
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from typing import Any, Callable

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile_corpus import FeedServer, feeds, files  # noqa: E402

MiB = 1024 * 1024


def in_child(work: Callable[[], str]) -> tuple[str, float, float]:
    """(outcome, seconds, max RSS in MiB) of `work` run in a forked child."""
    read, write = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: do the work, report, leave without cleanup
        os.close(read)
        try:
            outcome = work()
        except BaseException as exception:  # noqa: BLE001 - reported, not raised
            outcome = f"crash: {type(exception).__name__}: {exception}"[:300]
        os.write(write, outcome.encode())
        os._exit(0)
    os.close(write)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - started
    with os.fdopen(read, "rb") as pipe:
        outcome = pipe.read().decode() or f"child ended with status {status}"
    return outcome, seconds, usage.ru_maxrss / 1024


class Core:
    """The job's work without CKAN, with the catalog's default limits."""

    def __init__(self) -> None:
        from ckanext.tokyo.validation import Options

        self.options = Options(max_bytes=100 * MiB)  # the catalog's max_bytes (the core's own is 200 MB)
        self.timeout, self.fetch_timeout = self.options.timeout, 60.0

    def file(self, path: str) -> str:
        from ckanext.tokyo.validation import validate

        report = validate(path, "auto", self.options)
        return ["success", "failure", "failure"][report.exit_code] + " " + ",".join(sorted(report.codes())[:3])

    def feed(self, url: str, port: int) -> str:
        from ckanext.tokyo.catalog_validation.fetch import FetchError, GuardedClient

        client = GuardedClient(max_bytes=self.options.max_bytes, timeout=self.fetch_timeout,
                               allow_hosts=[f"127.0.0.1:{port}"])
        with tempfile.NamedTemporaryFile(suffix=".data") as out:
            try:
                client.fetch(url, out)
            except FetchError as exception:
                return f"error {exception}"
            out.flush()
            return self.file(out.name)


class Catalog:
    """The catalog's job (jobs.run_validation) on a test stack."""

    def __init__(self, ini: str) -> None:
        from ckan.cli import load_config
        from ckan.config.middleware import make_app

        self.tmp = tempfile.TemporaryDirectory(prefix="tokyo-hostile-")
        derived = pathlib.Path(self.tmp.name) / "bench.ini"
        derived.write_text(f"[app:main]\nuse = config:{pathlib.Path(ini).resolve()}\n"
                           "ckan.plugins = activity tokyo_validation\n")
        self.app = make_app(load_config(str(derived)))
        self.context = self.app._wsgi_app.test_request_context()
        self.context.push()
        import ckan.plugins.toolkit as tk

        from ckanext.tokyo.catalog_validation import settings

        self.tk, self.settings = tk, settings
        self.timeout = float(settings.get("timeout"))
        self.fetch_timeout = float(settings.get("fetch_timeout"))
        site = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
        self.site = lambda: {"user": site, "ignore_auth": True}
        name = "hostile-" + uuid.uuid4().hex[:8]
        self.org = tk.get_action("organization_create")(self.site(), {"name": name})
        self.dataset = tk.get_action("package_create")(self.site(), {"name": name, "owner_org": self.org["id"]})

    def _job(self, resource_id: str) -> str:
        import ckan.model as model

        from ckanext.tokyo.catalog_validation import jobs
        from ckanext.tokyo.catalog_validation.model import ResourceValidation

        # as ckan.lib.jobs.Worker.execute_job: no connection shared with the child
        model.Session.remove()
        model.meta.engine.dispose()

        def work() -> str:
            row = ResourceValidation.get(resource_id)
            status = jobs.run_validation(resource_id, row.job_id if row else None)
            row = ResourceValidation.get(resource_id)
            codes = sorted({f["code"] for f in (row.report or {}).get("findings", [])})[:3]
            return f"{status} {row.reason or ','.join(codes)}"
        return in_child(work)  # type: ignore[return-value]

    def _resource(self, **fields: Any) -> str:
        from ckan.lib import jobs as bg

        created = self.tk.get_action("resource_create")(self.site(), {
            "package_id": self.dataset["id"], "format": fields.pop("format"), **fields})
        bg.get_queue(self.settings.queue(False)).empty()  # the bench runs the job itself
        return created["id"]

    def file(self, path: str, name: str) -> tuple[str, float, float]:
        from werkzeug.datastructures import FileStorage

        with open(path, "rb") as stream:  # streamed into the storage: the parent stays small
            try:
                rid = self._resource(name=name, url=os.path.basename(path), format=path.rsplit(".", 1)[-1].upper(),
                                     upload=FileStorage(stream, filename=os.path.basename(path)))
            except self.tk.ValidationError as error:  # CKAN's own upload limit: no job runs
                return f"refused at upload {error.error_dict}"[:300], 0.0, 0.0
        return self._job(rid)

    def feed(self, url: str, name: str) -> tuple[str, float, float]:
        self.tk.config["ckanext.tokyo.validation.allow_hosts"] = url.split("/")[2]
        rid = self._resource(name=name, url=url, format="CSV")
        return self._job(rid)

    def close(self) -> None:
        self.tk.get_action("dataset_purge")(self.site(), {"id": self.dataset["id"]})
        self.tk.get_action("organization_purge")(self.site(), {"id": self.org["id"]})
        self.context.pop()
        self.tmp.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ini", help="a test stack's config: run the catalog's job (default: the core alone)")
    parser.add_argument("--scale", choices=("full", "unit"), default="full")
    parser.add_argument("--classes", help="comma-separated classes (default: all)")
    parser.add_argument("--per-class", type=int, default=0, help="at most this many cases a class (0: all)")
    parser.add_argument("--max-rss", type=float, default=512, help="MiB a case may use (the worker's budget)")
    args = parser.parse_args()
    wanted = set(args.classes.split(",")) if args.classes else None
    runner: Any = Catalog(args.ini) if args.ini else Core()
    results: dict[str, list[dict[str, Any]]] = defaultdict(list)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        with tempfile.TemporaryDirectory(prefix="tokyo-hostile-") as tmp:
            for case in files(args.scale):
                if (wanted and case.klass not in wanted) or (args.per_class and len(results[case.klass]) >= args.per_class):
                    continue
                path = os.path.join(tmp, "upload" + case.suffix)
                with open(path, "wb") as out:
                    out.write(case.data())
                outcome, seconds, rss = (runner.file(path, case.name) if args.ini
                                         else in_child(lambda p=path: runner.file(p)))
                results[case.klass].append(_row(case.name, outcome, seconds, rss, runner.timeout, os.path.getsize(path)))
                _progress(case.klass, results[case.klass][-1])
            for feed in feeds(args.scale):
                if (wanted and feed.klass not in wanted) or (args.per_class and len(results[feed.klass]) >= args.per_class):
                    continue
                with FeedServer(feed) as server:
                    outcome, seconds, rss = (runner.feed(server.url, feed.name) if args.ini
                                             else in_child(lambda s=server: runner.feed(s.url, s.port)))
                # a fetch that failed had the fetch's limit; one that got a file, the validation's too
                limit = runner.fetch_timeout + (0 if outcome.startswith("error") else runner.timeout)
                results[feed.klass].append(_row(feed.name, outcome, seconds, rss, limit, 0))
                _progress(feed.klass, results[feed.klass][-1])
    finally:
        if args.ini:
            runner.close()
    return _report(results, args, baseline)


def _row(name: str, outcome: str, seconds: float, rss: float, limit: float, size: int) -> dict[str, Any]:
    return {"case": name, "outcome": outcome, "seconds": round(seconds, 2), "max_rss_mib": round(rss, 1),
            "limit_s": limit, "bytes": size}


def _terminal(outcome: str) -> bool:
    """A run that ended in a final status (a refused fetch or upload included),
    not in a crash, a child that died without reporting, or running/pending."""
    return outcome.split(" ", 1)[0] in ("success", "failure", "error", "refused")


def _progress(klass: str, row: dict[str, Any]) -> None:
    print(f"{klass:15} {row['case'][:40]:40} {row['seconds']:8.2f} s {row['max_rss_mib']:7.1f} MiB  "
          f"{row['outcome'][:60]}", file=sys.stderr, flush=True)


def _report(results: dict[str, list[dict[str, Any]]], args: argparse.Namespace, baseline: float) -> int:
    summary: dict[str, Any] = {"mode": "catalog job" if args.ini else "core", "scale": args.scale,
                               "parent_rss_mib": round(baseline, 1), "classes": {}}
    over = []
    print(f"\n{'class':15} {'cases':>5} {'worst time':>11} {'limit':>7} {'ratio':>6} {'peak RSS':>9}  worst case")
    for klass, rows in results.items():
        slowest = max(rows, key=lambda r: r["seconds"] / r["limit_s"])
        biggest = max(rows, key=lambda r: r["max_rss_mib"])
        ratio = slowest["seconds"] / slowest["limit_s"]
        summary["classes"][klass] = {"cases": len(rows), "worst_seconds": slowest["seconds"],
                                     "worst_case": slowest["case"], "limit_s": slowest["limit_s"],
                                     "ratio": round(ratio, 3), "peak_rss_mib": biggest["max_rss_mib"],
                                     "peak_case": biggest["case"]}
        print(f"{klass:15} {len(rows):5} {slowest['seconds']:9.2f} s {slowest['limit_s']:6.0f}s {ratio:6.3f} "
              f"{biggest['max_rss_mib']:6.1f} MiB  {slowest['case']} / {biggest['case']}")
        over += [(klass, r["case"]) for r in rows if r["seconds"] > 2 * r["limit_s"] or r["max_rss_mib"] > args.max_rss
                 or not _terminal(r["outcome"])]
    summary["over_bounds"] = over
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
