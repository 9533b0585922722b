"""The second SHACL engine: Apache Jena SHACL (tests/shacl-jena, built with
Maven like the Solr launcher, on first use or when its sources change)."""
from __future__ import annotations

import functools
import hashlib
import pathlib
import subprocess
import tempfile

RUNNER = pathlib.Path(__file__).resolve().parents[1] / "shacl-jena"
SHAPES = pathlib.Path(__file__).resolve().parents[1] / "data" / "dcat-ap-3.0.1-SHACL.cleaned.ttl"


def _sources_hash() -> str:
    files = [RUNNER / "pom.xml", *sorted((RUNNER / "src").rglob("*.java"))]
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()


@functools.lru_cache(maxsize=1)
def build() -> pathlib.Path:
    stamp = RUNNER / "target" / ".built"
    want = _sources_hash()
    if not stamp.exists() or stamp.read_text() != want:
        subprocess.run(["mvn", "-B", "-q", "-Dstyle.color=never", "package", "dependency:copy-dependencies"],
                       cwd=RUNNER, check=True, timeout=900)
        stamp.write_text(want)
    return RUNNER


def validate(documents: dict[str, str], shapes: pathlib.Path = SHAPES) -> dict[str, dict]:
    """{name: {"violations": n, "warnings": n, "results": [lines]}} for Turtle
    documents ({name: text}), or {"error": message} when Jena cannot read one."""
    runner = build()
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for n, (name, text) in enumerate(documents.items()):
            path = pathlib.Path(tmp) / f"{n}.ttl"
            path.write_text(text, encoding="utf-8")
            paths[str(path)] = name
        out = subprocess.run(
            ["java", "-cp", f"{runner}/target/classes:{runner}/target/dependency/*",
             "tokyo.shacl.Validate", str(shapes), *paths],
            capture_output=True, text=True, timeout=600)
    found: dict[str, dict] = {}
    for line in out.stdout.splitlines():
        kind, _, rest = line.partition(" ")
        path, _, detail = rest.partition(" ")
        if path == str(shapes) and kind == "ERROR":
            raise RuntimeError(f"Jena refused the shapes: {detail}")
        name = paths.get(path)
        if name is None:
            continue
        entry = found.setdefault(name, {"violations": 0, "warnings": 0, "results": []})
        if kind == "RESULT":
            entry["results"].append(detail)
        elif kind == "FILE":
            counts = dict(part.split("=") for part in detail.split())
            entry["violations"], entry["warnings"] = int(counts["violations"]), int(counts["warnings"])
        elif kind == "ERROR":
            entry["error"] = detail
    return found
