"""Findings identity: the validator's reports on the whole test corpus, saved and compared.

A speed change to the engine must not change a single finding. The corpus is
every real file in tests/data/real/files plus every file the unit tests hand
to validate() (the constructed, hostile and fuzzed ones: they are captured
by running tests/unit with a hook that copies each input and its arguments).
For each input the canonical report (findings in order with code, severity,
row, column, value and messages; groups; stats without timings) is saved as
JSON; comparing two saves names every input whose report differs.

    .venv/bin/python bench/findings_identity.py capture CORPUS        # once: the inputs
    git stash; .venv/bin/python bench/findings_identity.py save CORPUS before.json; git stash pop
    .venv/bin/python bench/findings_identity.py save CORPUS after.json
    .venv/bin/python bench/findings_identity.py diff before.json after.json
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real" / "files"
TIMINGS = ("seconds",)
ATTEMPTS = 3


# --- capture: a pytest plugin (loaded with -p) that copies every validate() input

def _capture_hook(folder: Path) -> None:
    import ckanext.tokyo.validation as package
    from ckanext.tokyo.validation import engine

    original = engine.validate

    def validate(source: Any, schema: Any = "auto", options: Any = None, name: Any = None) -> Any:
        if isinstance(source, (str, os.PathLike)):
            try:
                data = Path(source).read_bytes()
            except OSError:
                data = None
            recorded_name = name if name is not None else os.path.basename(os.fspath(source))
        else:
            data = source.read()
            source = io.BytesIO(data)
            recorded_name = name or ""
        if data is not None:
            key = hashlib.sha256(repr((data, schema, options, recorded_name)).encode("utf-8", "replace")).hexdigest()[:20]
            entry = folder / key
            if not entry.exists():
                entry.mkdir()
                (entry / "data").write_bytes(data)
                (entry / "args.json").write_text(json.dumps({
                    "schema": schema, "name": recorded_name,
                    "options": dataclasses.asdict(options) if options is not None else None}))
        return original(source, schema, options, name)

    engine.validate = validate
    package.validate = validate


def pytest_configure(config: Any) -> None:  # the capture plugin's entry point
    folder = os.environ.get("FINDINGS_CAPTURE")
    if folder:
        _capture_hook(Path(folder))


def capture(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(REAL.iterdir()):
        entry = folder / ("real__" + hashlib.sha256(path.name.encode()).hexdigest()[:16])
        entry.mkdir(exist_ok=True)
        shutil.copy(path, entry / "data")
        (entry / "args.json").write_text(json.dumps({"schema": "auto", "name": path.name, "options": None,
                                                     "file": path.name}, ensure_ascii=False))
    env = dict(os.environ, FINDINGS_CAPTURE=str(folder.resolve()),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "bench"), os.environ.get("PYTHONPATH")])))
    # CKAN's pytest plugins (when CKAN is installed) want a config the unit tests do not need.
    subprocess.run([sys.executable, "-m", "pytest", "tests/unit", "-p", "findings_identity", "-p", "no:ckan",
                    "-p", "no:ckan_fixtures", "-p", "no:cacheprovider", "-q"], cwd=ROOT, env=env, check=True)
    print(f"{sum(1 for _ in folder.iterdir())} inputs in {folder}")


# --- save and diff

def canonical(entry: Path) -> dict[str, Any]:
    from ckanext.tokyo.validation import Options, validate

    args = json.loads((entry / "args.json").read_text())
    options = Options(**args["options"]) if args["options"] is not None else None
    if args.get("file"):  # a real file: as the corpus bench runs it, every finding listed
        options = Options(max_findings=0, max_group_findings=0)
    for _ in range(ATTEMPTS):  # a time limit hit may be the machine's load: try again
        with (entry / "data").open("rb") as stream:  # a stream: the same bytes whatever the file was called
            report = validate(stream, schema=args["schema"], options=options, name=args["name"] or None)
        if "tokyo/limit-time" not in report.codes():
            break
    result = report.to_dict()
    result["stats"] = {k: v for k, v in result["stats"].items() if k not in TIMINGS}
    return result


def save(folder: Path, out: Path) -> None:
    results = {}
    for entry in sorted(folder.iterdir()):
        results[entry.name] = canonical(entry)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=0, sort_keys=True, default=str))
    findings = sum(len(r["findings"]) for r in results.values())
    print(f"{len(results)} inputs, {findings} findings -> {out}")


def diff(before: Path, after: Path) -> int:
    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    for key in differ:
        a, b = old.get(key) or {}, new.get(key) or {}
        print(f"{key}: {len(a.get('findings', []))} -> {len(b.get('findings', []))} findings")
        for name in ("findings", "groups", "stats", "valid", "encoding", "schema"):
            if a.get(name) != b.get(name):
                print(f"  {name} differ")
    findings = sum(len(r["findings"]) for r in old.values())
    print(f"{len(old)} inputs, {findings} findings; {len(differ)} differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("capture").add_argument("corpus", type=Path)
    p = sub.add_parser("save")
    p.add_argument("corpus", type=Path)
    p.add_argument("out", type=Path)
    p = sub.add_parser("diff")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "capture":
        capture(args.corpus)
        return 0
    if args.command == "save":
        save(args.corpus, args.out)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
