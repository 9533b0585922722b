"""Full-catalog DCAT dump benchmark: `ckan tokyo dcat-dump`'s writer streaming
N datasets (default 10,000) to a Turtle file, with `euro_dcat_ap_3
tokyo_dcat_ap` against `euro_dcat_ap_3` alone on the same dataset dicts.

    .venv/bin/python bench/dcat_dump_bench.py -c config/test.ini [--datasets 10000] [--rows 100]

Needs a running stack for that config (PostgreSQL, Solr) with the
tokyo_quality tables. The catalog is generated, not loaded: the demo
datasets (package_show dicts, their quality scores on them) copied with fresh
ids and names until there are N, fed page by page to ``dump.write`` — the
same graph building, serialisation and streaming as the command, without the
Solr paging (`package_search` of 100 rows, measured apart as
`--search-pages`). The stock alternative is `euro_dcat_ap_3` alone as
ckanext-dcat writes catalog pages (`serialize_catalog`), page after page
into one file. Each profile list runs in its own child process, so the
peak memory (max RSS) is that of one dump. Reports wall-clock and CPU time,
datasets per second, file size and peak memory; the file is parsed back
(`--verify`) to count the datasets. Results go to docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dcat_bench import page_of  # noqa: E402

PLUGINS = "scheming_datasets scheming_organizations tokyo_schema dcat tokyo_dcat tokyo_quality"
STOCK = ["euro_dcat_ap_3"]
PROFILES = {
    "euro_dcat_ap_3 (ckanext-dcat pages)": STOCK,
    "euro_dcat_ap_3 + tokyo_dcat_ap (dcat-dump)": ["euro_dcat_ap_3", "tokyo_dcat_ap"],
}


def _app(config: str):
    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    conf = load_config(config)
    conf["ckan.plugins"] = PLUGINS
    return make_app(conf)


def _run(config, datasets, rows, profiles, out_path, verify, queue):
    app = _app(config)
    with app._wsgi_app.test_request_context():
        import ckan.plugins.toolkit as tk

        from ckanext.tokyo import demo
        from ckanext.tokyo.dcat import dump

        base = [tk.get_action("package_show")({"ignore_auth": True}, {"id": ds["name"]})
                for ds in demo.catalog()["datasets"]]

        def pages():
            for start in range(0, datasets, rows):
                yield page_of(base, min(rows, datasets - start))

        started, cpu = time.perf_counter(), time.process_time()
        with open(out_path, "w", encoding="utf-8") as out:
            if profiles == STOCK:
                # the stock way: ckanext-dcat's catalog pages, one after the other
                from ckanext.dcat.processors import RDFSerializer

                report = dump.DumpReport()
                for page in pages():
                    out.write(RDFSerializer(profiles=profiles).serialize_catalog({}, page, _format="turtle"))
                    report.datasets += len(page)
            else:
                report = dump.write(out, pages(), "ttl", profiles=profiles)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        found = None
        if verify:
            import rdflib
            from rdflib.namespace import DCAT, RDF

            g = rdflib.Graph().parse(out_path, format="turtle")
            found = len(set(g.subjects(RDF.type, DCAT.Dataset)))
    queue.put({"datasets": report.datasets, "wall": wall, "cpu": cpu, "bytes": os.path.getsize(out_path),
               "maxrss_mb": maxrss, "parsed": found})


def search_pages(config: str, rows: int, rounds: int = 20) -> float:
    """Median seconds of one package_search page of `rows` (the dump's reads)."""
    import statistics

    app = _app(config)
    with app._wsgi_app.test_request_context():
        import ckan.plugins.toolkit as tk

        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            tk.get_action("package_search")({"ignore_auth": True}, {"q": "*:*", "rows": rows, "sort": "id asc"})
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-c", "--config", required=True)
    ap.add_argument("--datasets", type=int, default=10_000)
    ap.add_argument("--rows", type=int, default=100)
    ap.add_argument("--verify", action="store_true", help="parse the file back and count datasets")
    ap.add_argument("--search-pages", action="store_true", help="also time package_search pages")
    args = ap.parse_args(argv)
    ctx = multiprocessing.get_context("fork")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, profiles in PROFILES.items():
            queue = ctx.Queue()
            child = ctx.Process(target=_run, args=(args.config, args.datasets, args.rows, profiles,
                                                   os.path.join(tmp, "catalog.ttl"), args.verify, queue))
            child.start()
            results[name] = queue.get()
            child.join()
    print(f"full dump of {args.datasets} datasets, pages of {args.rows}, Turtle, streamed to a file")
    for name, r in results.items():
        print(f"  {name:44s} {r['wall']:7.1f} s wall  {r['cpu']:7.1f} s CPU  "
              f"{r['datasets'] / r['wall']:6.1f} datasets/s  {r['bytes'] / 1e6:6.1f} MB  "
              f"peak RSS {r['maxrss_mb']:6.0f} MB" + (f"  parsed back: {r['parsed']} datasets" if r["parsed"] else ""))
    names = list(results)
    print(f"  ratio {results[names[1]]['wall'] / results[names[0]]['wall']:.2f} (wall), "
          f"{results[names[1]]['cpu'] / results[names[0]]['cpu']:.2f} (CPU)")
    if args.search_pages:
        seconds = search_pages(args.config, args.rows)
        print(f"  package_search page of {args.rows}: {seconds * 1000:.0f} ms median "
              f"(x {-(-args.datasets // args.rows)} pages = {seconds * -(-args.datasets // args.rows):.0f} s more)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
