"""DataStore load speed: tokyo_datastore's load of a 100,000-row table
against a plain load of the same file, in the same run, on a test stack.

    scripts/stack.sh up test4
    .venv/bin/python bench/datastore_load.py --config config/test4.ini --rows 100000 --repeat 3

The file is the demo's 公衆トイレ一覧 (13, 新宿区) repeated to --rows rows with
new IDs and coordinates (no two rows share them), in UTF-8 and in CP932. Each load goes into the real DataStore of the
stack (write user, full-text trigger on, as CKAN makes every table):

* plain: what a loader does without knowing the file (xloader's COPY path):
  ``datastore_create`` with every column text, then one ``COPY … FROM STDIN``
  of the UTF-8 file as it is. No encoding detection, no types.
* ours (UTF-8 / CP932): ``catalog_datastore.table.read`` (decode, header,
  the standard's types checked on every value, UTF-8 rows) then
  ``catalog_datastore.datastore.replace`` (create with types and data
  dictionary, one COPY in one transaction, ANALYZE, row count).
* api: ``datastore_create`` + ``datastore_upsert`` in batches of 10,000
  records (how a client of the Data API loads a table), text columns.

Plain and ours are run --repeat times, interleaved (median wall time, rows
per second); the ratio is ours against plain. Prints JSON; the dataset and organisation are purged.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import pathlib
import statistics
import sys
import tempfile
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEMO = ROOT / "ckanext-tokyo" / "ckanext" / "tokyo" / "demo" / "files" / "131041_public_toilet.csv"
SCHEMA = "current-13-public-toilet"


def make_rows(rows: int) -> tuple[list[str], list[list[str]]]:
    records = list(csv.reader(io.StringIO(DEMO.read_text(encoding="utf-8"))))
    header, body = records[0], records[1:]
    lat, lon = header.index("緯度"), header.index("経度")
    out = []
    for n in range(rows):
        row = list(body[n % len(body)])
        row[1] = f"{n + 1:06d}"  # ID: six digits with leading zeros, as the file writes them
        # every place its own coordinates, as in a real list (no value repeats)
        row[lat] = f"{float(row[lat]) + n * 1e-6:.6f}"
        row[lon] = f"{float(row[lon]) + n * 1e-6:.6f}"
        out.append(row)
    return header, out


def write_file(path: pathlib.Path, header: list[str], rows: list[list[str]], encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--api-rows", type=int, default=20_000, help="rows for the (slow) API load")
    args = parser.parse_args(argv)

    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    sys.path.insert(0, str(ROOT / "bench"))
    from validation_throughput import derived_ini

    with tempfile.TemporaryDirectory(prefix="tokyo-bench-") as tmp:
        # the plain catalog model (no tokyo_schema): any dataset will do
        app = make_app(load_config(derived_ini(args.config, tmp, "tokyo_validation tokyo_datastore datastore")))
        with app._wsgi_app.test_request_context():
            return run(args)


def run(args) -> int:
    import sqlalchemy as sa

    import ckan.plugins.toolkit as tk

    from ckanext.datastore.backend.postgres import get_write_engine, identifier

    from ckanext.tokyo import site_user
    from ckanext.tokyo.catalog_datastore import datastore, table

    context = site_user.context
    header, rows = make_rows(args.rows)
    work = pathlib.Path(tempfile.mkdtemp(prefix="tokyo-datastore-bench-"))
    files = {"utf-8": work / "toilets-utf8.csv", "cp932": work / "toilets-cp932.csv"}
    for encoding, path in files.items():
        write_file(path, header, rows, encoding)
    org = tk.get_action("organization_create")(context(), {"name": f"bench-{uuid.uuid4().hex[:8]}"})
    dataset = tk.get_action("package_create")(context(), {"name": f"bench-{uuid.uuid4().hex[:8]}",
                                                           "owner_org": org["id"]})

    def new_resource() -> str:
        # format "bench": no validation is queued for it
        return tk.get_action("resource_create")(context(), {"package_id": dataset["id"], "format": "bench",
                                                            "url": "http://example.invalid/toilets.csv"})["id"]

    def plain() -> None:
        resource_id = new_resource()
        tk.get_action("datastore_create")(context(), {"resource_id": resource_id, "force": True,
                                                      "fields": [{"id": h, "type": "text"} for h in header]})
        names = ", ".join(identifier(h) for h in header)
        with get_write_engine().begin() as connection, open(files["utf-8"], encoding="utf-8") as stream:
            connection.connection.cursor().copy_expert(
                f"COPY {identifier(resource_id)} ({names}) FROM STDIN WITH (FORMAT csv, HEADER true)", stream)
        _check(resource_id, args.rows)

    def ours(encoding: str):
        def load() -> None:
            resource_id = new_resource()
            with tempfile.NamedTemporaryFile("w+", encoding="utf-8", newline="", suffix=".csv") as spool:
                found = table.read(str(files[encoding]), spool, schema=SCHEMA, max_rows=args.rows)
                spool.flush()
                datastore.replace(resource_id, found.columns, spool.name, 900)
            _check(resource_id, args.rows)
        return load

    def api() -> None:
        resource_id = new_resource()
        tk.get_action("datastore_create")(context(), {"resource_id": resource_id, "force": True,
                                                      "fields": [{"id": h, "type": "text"} for h in header]})
        for start in range(0, args.api_rows, 10_000):
            batch = [dict(zip(header, row)) for row in rows[start:start + 10_000]]
            tk.get_action("datastore_upsert")(context(), {"resource_id": resource_id, "force": True,
                                                          "method": "insert", "records": batch,
                                                          "calculate_record_count": False})
        _check(resource_id, args.api_rows)

    def _check(resource_id: str, expected: int) -> None:
        with get_write_engine().connect() as connection:
            count = connection.execute(sa.text(f"SELECT count(*) FROM {identifier(resource_id)}")).scalar()
        assert count == expected, (count, expected)

    try:
        loads = {"plain": plain, "ours_utf8": ours("utf-8"), "ours_cp932": ours("cp932")}
        runs: dict[str, list[float]] = {name: [] for name in loads}
        for _ in range(args.repeat):  # interleaved, so a busy moment of the machine hits every kind alike
            for name, load in loads.items():
                start = time.perf_counter()
                load()
                runs[name].append(time.perf_counter() - start)
        seconds = {name: statistics.median(times) for name, times in runs.items()}
        seconds["api"] = timed(api, 1)
    finally:
        tk.get_action("dataset_purge")(context(), {"id": dataset["id"]})
        tk.get_action("organization_purge")(context(), {"id": org["id"]})
    per_second = {name: round((args.api_rows if name == "api" else args.rows) / s) for name, s in seconds.items()}
    print(json.dumps({
        "rows": args.rows, "api_rows": args.api_rows, "columns": len(header), "repeat": args.repeat,
        "bytes_utf8": files["utf-8"].stat().st_size, "bytes_cp932": files["cp932"].stat().st_size,
        "seconds": {k: round(v, 2) for k, v in seconds.items()}, "rows_per_second": per_second,
        "ratio_ours_utf8_to_plain": round(per_second["ours_utf8"] / per_second["plain"], 2),
        "ratio_ours_cp932_to_plain": round(per_second["ours_cp932"] / per_second["plain"], 2),
        "ratio_ours_utf8_to_api": round(per_second["ours_utf8"] / per_second["api"], 2),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
