"""DCAT export benchmark: serialising one catalog page of 100 datasets with
`euro_dcat_ap_3 tokyo_dcat_ap` against `euro_dcat_ap_3` alone, same run.

    .venv/bin/python bench/dcat_bench.py -c config/test.ini [--rounds 15] [--split] [--cpu]
        [--also OLD_PROFILE.py]

Needs a running stack for that config (PostgreSQL, Solr) with the
tokyo_quality tables (`ckan db upgrade -p tokyo_quality`). Loads the demo
catalog (idempotent) with only the plugins the export needs (tokyo_quality
too: a page carries each dataset's score as a DQV measurement), builds 100
dataset dicts from the demo datasets (package_show, fresh ids), then times
`RDFSerializer.serialize_catalog(..., "turtle")` for both profile lists on
the same dicts, in the same process and interleaved (two warm-up runs each;
a full garbage collection before every timed run, so neither profile list
pays for collecting the other's graph). Reports the medians, the ratio of
the medians and the median of the per-round ratios (target <= 1.15);
`--split` also times graph building and Turtle serialisation apart; `--cpu`
times this process's CPU time instead of wall-clock time; `--also FILE`
times a third chain, `euro_dcat_ap_3` + the `TokyoDCATAPProfile` of FILE
(e.g. an earlier profile.py from `git show`), in the same run.
Results go to docs/benchmarks.md, section "DCAT export".
"""
from __future__ import annotations

import argparse
import copy
import gc
import statistics
import sys
import time
import uuid

PLUGINS = "scheming_datasets scheming_organizations tokyo_schema dcat tokyo_dcat tokyo_quality"
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


def scored(datasets: list[dict]) -> None:
    """Each demo dataset's metadata quality score stored (tokyo_quality):
    the page carries them as DQV measurements, as the catalog serves it."""
    import ckan.model as model
    import ckan.plugins.toolkit as tk

    from ckanext.tokyo.quality import model as quality_model, store

    if not quality_model.tables_exist():
        sys.exit("run `ckan -c CONFIG db upgrade -p tokyo_quality` first")
    for ds in datasets:
        store.save(tk.get_action("package_show")({"ignore_auth": True}, {"id": ds["name"]}))
    model.Session.commit()


def also_profile(path: str) -> str:
    """Register the TokyoDCATAPProfile of a file under a profile name of its
    own (RDFProcessor loads profiles by entry point name)."""
    import importlib.util

    from ckanext.dcat import processors

    spec = importlib.util.spec_from_file_location("dcat_bench_also_profile", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    load = processors.RDFProcessor._load_profiles

    def _load_profiles(self, names):
        # load tokyo_dcat_ap in its place (same entry-point look-up cost), swap
        real = ["tokyo_dcat_ap" if name == "dcat_bench_also" else name for name in names]
        return [module.TokyoDCATAPProfile if name == "dcat_bench_also" else profile
                for name, profile in zip(names, load(self, real))]

    processors.RDFProcessor._load_profiles = _load_profiles
    return "dcat_bench_also"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-c", "--config", required=True, help="CKAN ini of a running stack")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--size", type=int, default=100)
    ap.add_argument("--cpu", action="store_true",
                    help="time CPU time of this process instead of wall-clock time "
                         "(steadier on a shared machine)")
    ap.add_argument("--split", action="store_true",
                    help="also time graph building and serialisation apart")
    ap.add_argument("--also", metavar="PROFILE_PY",
                    help="also time euro_dcat_ap_3 + the TokyoDCATAPProfile of this file")
    args = ap.parse_args(argv)
    profiles_timed = dict(PROFILES)
    clock = time.process_time if args.cpu else time.perf_counter

    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    conf = load_config(args.config)
    conf["ckan.plugins"] = PLUGINS
    app = make_app(conf)
    with app._wsgi_app.test_request_context():
        import ckan.plugins.toolkit as tk

        from ckanext.dcat.processors import DCAT, RDFSerializer

        from ckanext.tokyo import demo

        demo.load()
        scored(demo.catalog()["datasets"])
        datasets = [tk.get_action("package_show")({"ignore_auth": True}, {"id": ds["name"]})
                    for ds in demo.catalog()["datasets"]]
        page = page_of(datasets, args.size)
        if args.also:
            profiles_timed[f"euro_dcat_ap_3 + {args.also}"] = ["euro_dcat_ap_3", also_profile(args.also)]

        def run(profiles):
            gc.collect()
            start = clock()
            out = RDFSerializer(profiles=profiles).serialize_catalog({}, page, _format="turtle")
            return clock() - start, len(out)

        def run_split(profiles):
            # serialize_catalog's steps (no paging info), timed apart
            gc.collect()
            start = clock()
            serializer = RDFSerializer(profiles=profiles)
            catalog_ref = serializer.graph_from_catalog({})
            for dataset_dict in page:
                serializer.g.add((catalog_ref, DCAT.dataset, serializer.graph_from_dataset(dataset_dict)))
            built = clock()
            serializer.g.serialize(format="turtle")
            return built - start, clock() - built, len(serializer.g)

        for _ in range(2):  # warm-up (imports, caches)
            for profiles in profiles_timed.values():
                run(profiles)
        times: dict[str, list[float]] = {name: [] for name in profiles_timed}
        sizes: dict[str, int] = {}
        for _ in range(args.rounds):
            for name, profiles in profiles_timed.items():
                seconds, size = run(profiles)
                times[name].append(seconds)
                sizes[name] = size
        split: dict[str, list[tuple]] = {name: [] for name in profiles_timed}
        if args.split:
            for _ in range(args.rounds):
                for name, profiles in profiles_timed.items():
                    split[name].append(run_split(profiles))

    base_name = next(iter(profiles_timed))  # the first entry is the baseline
    print(f"page of {args.size} datasets, Turtle, median of {args.rounds} rounds, "
          f"{'CPU' if args.cpu else 'wall-clock'} time")
    for name in profiles_timed:
        print(f"  {name:34s} {statistics.median(times[name]) * 1000:8.1f} ms  "
              f"({sizes[name] / 1024:.0f} KiB)")
        if args.split:
            build, ser, triples = (statistics.median(r[i] for r in split[name]) for i in range(3))
            print(f"  {'':34s} build {build * 1000:6.1f} ms, serialise {ser * 1000:6.1f} ms, "
                  f"{triples:.0f} triples")
    for name in list(profiles_timed)[1:]:
        ratio = statistics.median(times[name]) / statistics.median(times[base_name])
        paired = statistics.median(o / b for b, o in zip(times[base_name], times[name]))
        print(f"  ratio {ratio:.2f} (median of per-round ratios {paired:.2f}; target <= 1.15)"
              + (f"  [{name}]" if len(profiles_timed) > 2 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
