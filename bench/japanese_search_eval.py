#!/usr/bin/env python
"""Measure the search quality of the CKAN Solr core: Japanese analysis,
synonyms, readings and English titles.

Indexes the documents of tests/data/japanese_queries.json into a running
Solr core ``ckan`` (as minimal CKAN package documents with the fields the
catalog adds, ``ckanext.tokyo.metadata.search_fields``, under a private
site_id), runs every query the way the catalog's package_search does
(ckan/lib/search/query.py: defType=dismax, mm="2<-1 5<80%", tie=0.1,
q.op=AND, df=text, fq on site_id and state; qf = search_fields.QUERY_FIELDS),
prints per-query hits and micro-averaged precision/recall, then deletes what
it indexed. Run it with the catalog's venv (it imports the package).

  # against a running Solr (e.g. config/solr/solr.sh start .run/solr 8983)
  python bench/japanese_search_eval.py --url http://127.0.0.1:8983/solr/ckan

  # compare every analyzer variant of config/solr/build_schema.py: starts a
  # throw-away Solr per variant with config/solr/solr.sh on --port
  python bench/japanese_search_eval.py --compare --port 8994

Exit status: 0 if the acceptance queries pass, 1 otherwise (in --compare
mode: 0 if the committed default variant passes).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from ckanext.tokyo.metadata import search_fields

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "japanese_queries.json"
SOLR_SH = ROOT / "config" / "solr" / "solr.sh"
BUILD_SCHEMA = ROOT / "config" / "solr" / "build_schema.py"
SITE_ID = "japanese-search-eval"

# as in ckan/lib/search/query.py (PackageSearchQuery.run), with the
# catalog's query fields (metadata/search.py before_dataset_search)
CKAN_PARAMS = {
    "defType": "dismax",
    "tie": "0.1",
    "mm": "2<-1 5<80%",
    "qf": search_fields.QUERY_FIELDS,
    "df": "text",
    "q.op": "AND",
}


def _post(url: str, payload) -> dict:
    req = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


def _get(url: str, params: list[tuple[str, str]]) -> dict:
    with urllib.request.urlopen(url + "?" + urllib.parse.urlencode(params), timeout=60) as r:
        return json.load(r)


def ckan_doc(d: dict) -> dict:
    translated = {"title_translated": {"ja": d["title"], "en": d.get("title_en")},
                  "notes_translated": {"ja": d["notes"], "en": d.get("notes_en")}}
    return {
        **search_fields.english_fields(translated),
        "id": d["id"],
        "index_id": hashlib.md5(f"{d['id']}{SITE_ID}".encode()).hexdigest(),
        "site_id": SITE_ID,
        "name": f"eval-{d['id']}",
        "title": d["title"],
        "notes": d["notes"],
        "entity_type": "package",
        "dataset_type": "dataset",
        "state": "active",
        "capacity": "public",
        "permission_labels": ["public"],
        "data_dict": json.dumps(d, ensure_ascii=False),
    }


def index(url: str, docs: list[dict]) -> None:
    cleanup(url)
    _post(f"{url}/update?commit=true&wt=json", [ckan_doc(d) for d in docs])


def cleanup(url: str) -> None:
    _post(f"{url}/update?commit=true&wt=json", {"delete": {"query": f'site_id:"{SITE_ID}"'}})


def search(url: str, q: str) -> list[str]:
    params = [("q", q), ("wt", "json"), ("fl", "id"), ("rows", "1000")]
    params += list(CKAN_PARAMS.items())
    params += [("fq", f'+site_id:"{SITE_ID}"'), ("fq", "+state:active"), ("fq", "+permission_labels:(public)")]
    res = _get(f"{url}/select", params)
    return [d["id"] for d in res["response"]["docs"]]


def evaluate(url: str, data: dict, verbose: bool = True) -> dict:
    index(url, data["documents"])
    tp = fp = fn = 0
    failures = []
    try:
        for item in data["queries"]:
            q, expected = item["q"], set(item["expected"])
            got = search(url, q)
            hit = set(got)
            tp += len(hit & expected)
            fp += len(hit - expected)
            fn += len(expected - hit)
            ok = hit == expected
            if not ok:
                failures.append(
                    {"q": q, "missing": sorted(expected - hit), "extra": sorted(hit - expected)}
                )
            if verbose:
                mark = "ok  " if ok else "FAIL"
                extra = "" if ok else f"   missing={sorted(expected - hit)} extra={sorted(hit - expected)}"
                print(f"  {mark} {q!r:<22} -> {sorted(hit)}{extra}")
    finally:
        cleanup(url)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    accept = set(data.get("acceptance", []))
    acc_fail = [f["q"] for f in failures if f["q"] in accept]
    return {
        "precision": precision,
        "recall": recall,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "failures": failures,
        "acceptance_ok": not acc_fail,
        "acceptance_failures": acc_fail,
    }


def report(label: str, r: dict) -> None:
    print(
        f"{label}: precision={r['precision']:.3f} recall={r['recall']:.3f} "
        f"(tp={r['tp']} fp={r['fp']} fn={r['fn']}), {len(r['failures'])} failing queries, "
        f"acceptance {'PASS' if r['acceptance_ok'] else 'FAIL ' + str(r['acceptance_failures'])}"
    )


def _fmt_fail(f: dict) -> str:
    parts = []
    if f["missing"]:
        parts.append("−" + ",".join(f["missing"]))
    if f["extra"]:
        parts.append("+" + ",".join(f["extra"]))
    return f"{f['q']} ({' '.join(parts)})"


def compare(port: int, data: dict, variants: list[str]) -> int:
    sys.path.insert(0, str(BUILD_SCHEMA.parent))
    import build_schema  # noqa: E402

    url = f"http://127.0.0.1:{port}/solr/ckan"
    results = {}
    with tempfile.TemporaryDirectory(prefix="ja-eval-") as tmp:
        for v in variants:
            schema = Path(tmp) / f"schema-{v}.xml"
            schema.write_text(build_schema.build(v), encoding="utf-8")
            state = Path(tmp) / f"state-{v}"
            env = dict(os.environ, CKAN_SOLR_SCHEMA=str(schema))
            print(f"\n== variant {v}")
            subprocess.run([str(SOLR_SH), "start", str(state), str(port)], env=env, check=True)
            try:
                results[v] = evaluate(url, data)
            finally:
                subprocess.run([str(SOLR_SH), "stop", str(state)], check=False)
            report(v, results[v])

    print("\n| analyzer (build_schema.py --variant) | precision | recall | acceptance | failing queries (−missing +extra) |")
    print("|---|---|---|---|---|")
    for v, r in results.items():
        fails = "; ".join(_fmt_fail(f) for f in r["failures"]) or "—"
        acc = "pass" if r["acceptance_ok"] else "FAIL"
        default = " **(committed)**" if v == build_schema.DEFAULT_VARIANT else ""
        print(f"| {v}{default} | {r['precision']:.3f} | {r['recall']:.3f} | {acc} | {fails} |")
    d = results.get(build_schema.DEFAULT_VARIANT)
    return 0 if d is None or d["acceptance_ok"] else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8983/solr/ckan", help="Solr core URL")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--compare", action="store_true", help="start a Solr per analyzer variant and compare")
    ap.add_argument("--port", type=int, default=8994, help="port for --compare")
    ap.add_argument("--variants", nargs="*", help="variants for --compare (default: all)")
    args = ap.parse_args(argv)
    data = json.loads(args.data.read_text(encoding="utf-8"))
    if args.compare:
        sys.path.insert(0, str(BUILD_SCHEMA.parent))
        import build_schema  # noqa: E402

        return compare(args.port, data, args.variants or list(build_schema.VARIANTS))
    r = evaluate(args.url.rstrip("/"), data)
    report(args.url, r)
    return 0 if r["acceptance_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
