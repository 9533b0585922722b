"""Shared by the DCAT tests: the DCAT-AP 3.0.1 SHACL check and the
comparison of a dataset dict with its RDF round trip."""
from __future__ import annotations

import functools
import json
import pathlib

import pyshacl
import rdflib
from rdflib.namespace import SH

SHAPES = pathlib.Path(__file__).resolve().parents[1] / "data" / "dcat-ap-3.0.1-SHACL.cleaned.ttl"


@functools.lru_cache(maxsize=1)
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES, format="turtle")


def shacl(graph: rdflib.Graph) -> dict:
    """{"Violation": [...messages], "Warning": [...], "Info": [...]} of one
    local graph (no inference, no remote vocabularies)."""
    _conforms, results, _text = pyshacl.validate(
        graph, shacl_graph=shapes(), inference="none", advanced=False,
        meta_shacl=False, allow_warnings=True,
    )
    out: dict = {"Violation": [], "Warning": [], "Info": []}
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        out.setdefault(severity, []).append(
            f"{results.value(result, SH.focusNode)} {results.value(result, SH.resultPath)}: "
            f"{results.value(result, SH.resultMessage)}")
    return out


def _normal(value):
    """Order-free, empty-free form: RDF keeps no order of repeated values."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return sorted((_normal(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def differences(original: dict, parsed: dict, dataset_fields, resource_fields, skip=()) -> list:
    out = []
    for field in dataset_fields:
        if field in skip:
            continue
        a, b = _normal(original.get(field)), _normal(parsed.get(field))
        if a not in (None, "", [], {}) and a != b:
            out.append((field, a, b))
    parsed_resources = parsed.get("resources", [])
    for i, res in enumerate(original.get("resources", [])):
        twin = parsed_resources[i] if i < len(parsed_resources) else {}
        match = [r for r in parsed_resources if r.get("url") == res.get("url")]
        twin = match[0] if match else twin
        for field in resource_fields:
            a, b = _normal(res.get(field)), _normal(twin.get(field))
            if a not in (None, "", [], {}) and a != b:
                out.append((f"resources[{i}].{field}", a, b))
    return out
