"""Validation throughput of the catalog: N uploaded files validated by one
`ckan jobs worker`, then by two (and more with --workers), in the same run,
on a test stack.

    scripts/stack.sh up test4
    .venv/bin/python bench/validation_throughput.py --ini config/test4.ini --files 50 --rows 20000 --workers 1,2,4

It writes a derived config (the stack's plus `ckan.plugins = activity
tokyo_validation`), creates a throwaway organisation and dataset, uploads N
generated 公衆トイレ一覧 CSVs (each the demo file repeated to --rows rows, a
defect planted in every 1000th row), then for each number of workers:
queues all N validations (forced: the same bytes are validated again, not
reused), starts the workers in burst mode on both queues and waits until
every run has finished. Wall time counts from queueing to the last result (worker start-up
included); makespan is first job start to last job end from the runs' own
timestamps. Prints a JSON summary; the dataset and organisation are purged.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEMO = ROOT / "ckanext-tokyo" / "ckanext" / "tokyo" / "demo" / "files" / "131041_public_toilet.csv"
CKAN = pathlib.Path(sys.executable).with_name("ckan")
LOGGING = """
[loggers]
keys = root
[handlers]
keys = console
[formatters]
keys = generic
[logger_root]
level = WARNING
handlers = console
[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic
[formatter_generic]
format = %(asctime)s %(levelname)-5.5s [%(name)s] %(message)s
"""


def make_file(rows: int, seed: int) -> bytes:
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    header, body = lines[0], lines[1:]
    out = [header]
    for n in range(rows):
        line = body[n % len(body)]
        if n % 1000 == 999:  # a defect now and then: full-width digits in the latitude
            cells = line.split(",")
            cells[15] = "３５.６９"
            line = ",".join(cells)
        out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8")


def derived_ini(base: str, directory: str, plugins: str = "activity tokyo_validation") -> str:
    """The stack's config with only `plugins` (the benches' own, quiet logging)."""
    path = os.path.join(directory, "bench.ini")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"[app:main]\nuse = config:{os.path.abspath(base)}\nckan.plugins = {plugins}\n")
        f.write(LOGGING)
    return path


def run_phase(workers: int, ids: list[str], ini: str, log_dir: str) -> dict:
    import ckan.model as model
    import ckan.plugins.toolkit as tk

    from ckanext.tokyo.catalog_validation import jobs
    from ckanext.tokyo.catalog_validation.model import ResourceValidation
    from ckanext.tokyo.catalog_validation.statuses import FINAL

    started = time.monotonic()
    for rid in ids:
        resource = tk.get_action("resource_show")({"ignore_auth": True}, {"id": rid})
        jobs.enqueue(resource, sync=False, force=True)
    procs = [subprocess.Popen([str(CKAN), "-c", ini, "jobs", "worker", "--burst", "priority", "default"],
                              stdout=open(os.path.join(log_dir, f"worker-{workers}-{i}.log"), "ab"),
                              stderr=subprocess.STDOUT, start_new_session=True) for i in range(workers)]
    for proc in procs:
        proc.wait()
    model.Session.remove()
    rows = model.Session.query(ResourceValidation).filter(ResourceValidation.resource_id.in_(ids)).all()
    wall = time.monotonic() - started
    assert all(r.status in FINAL for r in rows), [r.status for r in rows]
    makespan = (max(r.finished for r in rows) - min(r.started for r in rows)).total_seconds()
    return {"workers": workers, "files": len(ids), "wall_s": round(wall, 2), "makespan_s": round(makespan, 2),
            "files_per_s": round(len(ids) / makespan, 2),
            "statuses": sorted({r.status for r in rows})}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ini", default="config/test4.ini", help="a test stack's config (scripts/stack.sh up testN)")
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--workers", default="1,2", help="numbers of workers, in the order run")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]

    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    with tempfile.TemporaryDirectory(prefix="tokyo-bench-") as tmp:
        ini = derived_ini(args.ini, tmp)
        app = make_app(load_config(ini))
        with app._wsgi_app.test_request_context():
            from werkzeug.datastructures import FileStorage

            import ckan.lib.jobs as bg
            import ckan.plugins.toolkit as tk

            from ckanext.tokyo.catalog_validation import settings

            assert not settings.get("run_sync"), "the bench needs background jobs (run_sync off)"
            queues = [bg.get_queue(settings.queue(bulk)) for bulk in (False, True)]
            for queue in queues:
                queue.empty()
            site = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
            context = lambda: {"user": site, "ignore_auth": True}  # noqa: E731
            name = "bench-" + uuid.uuid4().hex[:8]
            org = tk.get_action("organization_create")(context(), {"name": name})
            dataset = tk.get_action("package_create")(context(), {"name": name, "owner_org": org["id"]})
            ids = []
            size = 0
            try:
                for n in range(args.files):
                    data = make_file(args.rows, n)
                    size += len(data)
                    res = tk.get_action("resource_create")(context(), {
                        "package_id": dataset["id"], "name": f"file {n}", "format": "CSV", "url": f"f{n}.csv",
                        "upload": FileStorage(io.BytesIO(data), filename=f"f{n}.csv")})
                    ids.append(res["id"])
                for queue in queues:  # the uploads queued them; each phase queues its own
                    queue.empty()
                phases = [run_phase(n, ids, ini, tmp) for n in counts]
            finally:
                tk.get_action("dataset_purge")(context(), {"id": dataset["id"]})
                tk.get_action("organization_purge")(context(), {"id": org["id"]})
    one = phases[0]
    result = {"files": args.files, "rows_per_file": args.rows, "mb_total": round(size / 1e6, 1),
              "cpus": os.cpu_count(), "phases": phases,
              "files_per_min": {p["workers"]: round(60 * p["files"] / p["makespan_s"], 1) for p in phases},
              "speedup_wall": {p["workers"]: round(one["wall_s"] / p["wall_s"], 2) for p in phases},
              "speedup_makespan": {p["workers"]: round(one["makespan_s"] / p["makespan_s"], 2) for p in phases}}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
