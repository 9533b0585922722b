"""DCAT export benchmark: serialising one catalog page of 100 datasets with
`euro_dcat_ap_3 tokyo_dcat_ap` against `euro_dcat_ap_3` alone, same run.

    .venv/bin/python bench/dcat_bench.py -c config/test.ini [--rounds 7]

Needs a running stack for that config (PostgreSQL, Solr). Loads the demo
catalog (idempotent) with only the plugins the export needs, builds 100
dataset dicts from the demo datasets (package_show, fresh ids), then times
`RDFSerializer.serialize_catalog(..., "turtle")` for both profile lists,
interleaved, and reports medians and the ratio (target <= 1.2). Results go
to docs/benchmarks.md, section "DCAT export".
"""
from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
import uuid

PLUGINS = "scheming_datasets scheming_organizations tokyo_schema dcat tokyo_dcat"
PROFILES = {
    "euro_dcat_ap_3": ["euro_dcat_ap_3"],
    "euro_dcat_ap_3 + tokyo_dcat_ap": ["euro_dcat_ap_3", "tokyo_dcat_ap"],
}


def page_of(datasets: list[dict], size: int) -> list[dict]:
    out = []
    while len(out) < size:
        ds = copy.deepcopy(datasets[len(out) % len(datasets)])
        ds["id"] = str(uuid.uuid4())
        ds["name"] = f"{ds['name'][:8]}d{len(out):010d}"
        for res in ds.get("resources", []):
            res["id"] = str(uuid.uuid4())
            res["package_id"] = ds["id"]
        out.append(ds)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-c", "--config", required=True, help="CKAN ini of a running stack")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--size", type=int, default=100)
    args = ap.parse_args(argv)

    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    conf = load_config(args.config)
    conf["ckan.plugins"] = PLUGINS
    app = make_app(conf)
    with app._wsgi_app.test_request_context():
        import ckan.plugins.toolkit as tk
        from ckanext.dcat.processors import RDFSerializer
        from ckanext.tokyo import demo

        demo.load()
        ctx = {"ignore_auth": True}
        datasets = [tk.get_action("package_show")(ctx, {"id": ds["name"]})
                    for ds in demo.catalog()["datasets"]]
        page = page_of(datasets, args.size)

        def run(profiles):
            start = time.perf_counter()
            out = RDFSerializer(profiles=profiles).serialize_catalog({}, page, _format="turtle")
            return time.perf_counter() - start, len(out)

        for profiles in PROFILES.values():  # warm-up (imports, caches)
            run(profiles)
        times: dict[str, list[float]] = {name: [] for name in PROFILES}
        sizes: dict[str, int] = {}
        for _ in range(args.rounds):
            for name, profiles in PROFILES.items():
                seconds, size = run(profiles)
                times[name].append(seconds)
                sizes[name] = size

    base, ours = (statistics.median(times[name]) for name in PROFILES)
    print(f"page of {args.size} datasets, Turtle, median of {args.rounds} rounds")
    for name in PROFILES:
        print(f"  {name:34s} {statistics.median(times[name]) * 1000:8.1f} ms  "
              f"({sizes[name] / 1024:.0f} KiB)")
    print(f"  ratio {ours / base:.2f} (target <= 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
