"""The validator measured on real published files (tests/data/real): which
standard and encoding it finds, and how its findings compare with the
hand-made verdicts (tests/data/real/verdicts.json).

Used by the test that holds the results (tests/unit/validation/test_real_files.py)
and by bench/real_files.py, which prints them.

Terms:
- a *group* is the findings of one rule in one column of one file
  (file × code × field; field None for the file or a row);
- a verdict labels a group a true problem or a false alarm, by looking at
  the file;
- *false-alarm share*: findings in groups labelled false over all error and
  warning findings, recommended-item warnings aside;
- *recall*: of the labelled true problems (groups labelled true, and the
  defects of truth.json marked as ones the validator should find), those
  found.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from ckanext.tokyo.validation import Options, Report, validate

ROOT = Path(__file__).resolve().parent / "data" / "real"
FILES = ROOT / "files"

# Recommended (○) items: their warnings are counted apart (the acceptance leaves them aside).
RECOMMENDED = frozenset({"tokyo/recommended-value-missing", "tokyo/recommended-column-missing"})

# The report's encoding name -> truth.json's.
ENCODINGS = {"UTF-8": "utf-8", "UTF-8 (BOM)": "utf-8-sig", "Shift_JIS": "shift_jis", "CP932": "cp932",
             "EUC-JP": "euc-jp", "UTF-16": "utf-16", "UTF-16LE": "utf-16", "UTF-16BE": "utf-16"}

Key = tuple[str, str, Optional[str]]  # file, code, field


def truth() -> list[dict[str, Any]]:
    return json.loads((ROOT / "truth.json").read_text(encoding="utf-8"))


def verdicts() -> dict[str, Any]:
    return json.loads((ROOT / "verdicts.json").read_text(encoding="utf-8"))


def encoding_of(report: Report) -> Optional[str]:
    if report.encoding:
        return ENCODINGS.get(report.encoding, report.encoding)
    return report.stats.get("format")  # xlsx, xls


@dataclass
class Result:
    file: str
    report: Report
    truth: dict[str, Any]
    groups: dict[Key, tuple[str, int]] = field(default_factory=dict)  # key -> (severity, count)

    @property
    def standard_ok(self) -> bool:
        return self.report.schema == self.truth["standard"]

    @property
    def encoding_ok(self) -> bool:
        return encoding_of(self.report) == self.truth["encoding"]


def run(files: Optional[Iterable[str]] = None, listed: int = 1) -> list[Result]:
    """Validate the corpus: every finding counted and summed up in groups,
    `listed` of them kept in the list (0: all)."""
    wanted = set(files) if files else None
    results = []
    for item in truth():
        if wanted and item["file"] not in wanted:
            continue
        report = validate(FILES / item["file"], options=Options(max_findings=listed, max_group_findings=0))
        result = Result(item["file"], report, item)
        for group in report.groups:
            result.groups[(item["file"], group.code, group.field)] = (group.severity, group.count)
        results.append(result)
    return results


@dataclass
class Scores:
    files: int
    standard_right: int
    encodings: int
    encoding_right: int
    findings: int  # errors and warnings, recommended-item warnings aside
    false_alarms: int
    recommended: int
    true_labels: int
    true_found: int
    unlabelled: list[tuple[Key, str, int]]
    missed: list[str]
    standard_wrong: list[str]
    encoding_wrong: list[str]

    @property
    def false_alarm_share(self) -> float:
        return self.false_alarms / self.findings if self.findings else 0.0

    @property
    def recall(self) -> float:
        return self.true_found / self.true_labels if self.true_labels else 1.0


def score(results: list[Result], labels: Optional[dict[str, Any]] = None) -> Scores:
    labels = labels or verdicts()
    verdict = {(g["file"], g["code"], g.get("field")): g["verdict"] for g in labels["groups"]}
    seen = set(r.file for r in results)
    present: dict[Key, tuple[str, int]] = {k: v for r in results for k, v in r.groups.items()}
    findings = false_alarms = recommended = 0
    unlabelled = []
    for key, (severity, count) in present.items():
        if severity == "info":
            continue
        if key[1] in RECOMMENDED:
            recommended += count
            continue
        findings += count
        if key not in verdict:
            unlabelled.append((key, severity, count))
        elif verdict[key] == "false":
            false_alarms += count
    true_labels = true_found = 0
    missed = []
    for key, value in verdict.items():
        if value == "true" and key[0] in seen:
            true_labels += 1
            if key in present:
                true_found += 1
            else:
                missed.append(f"{key[0]}: {key[1]} [{key[2]}]")
    for defect in labels["defects"]:
        if defect["file"] not in seen or "found_by" not in defect:
            continue
        true_labels += 1
        if any((defect["file"], code, fld) in present or (fld == "*" and any(
                k[0] == defect["file"] and k[1] == code for k in present)) for code, fld in defect["found_by"]):
            true_found += 1
        else:
            missed.append(f"{defect['file']}: truth defect {defect['defect']} ({defect['kind']})")
    encodings = [r for r in results if r.truth["encoding"] not in ("xlsx", "xls")]
    return Scores(
        files=len(results),
        standard_right=sum(r.standard_ok for r in results),
        encodings=len(encodings),
        encoding_right=sum(r.encoding_ok for r in encodings),
        findings=findings, false_alarms=false_alarms, recommended=recommended,
        true_labels=true_labels, true_found=true_found,
        unlabelled=sorted(unlabelled), missed=missed,
        standard_wrong=[f"{r.file}: {r.report.schema} (truth {r.truth['standard']})"
                        for r in results if not r.standard_ok],
        encoding_wrong=[f"{r.file}: {encoding_of(r.report)} (truth {r.truth['encoding']})"
                        for r in encodings if not r.encoding_ok],
    )


def draft(results: list[Result], labels: Optional[dict[str, Any]] = None) -> list[dict[str, Any]]:
    """Unlabelled error and warning groups, in the shape of verdicts.json's
    "groups", with their first values: the start of a labelling round."""
    labels = labels or verdicts()
    done = {(g["file"], g["code"], g.get("field")) for g in labels["groups"]}
    out = []
    for result in results:
        for group in result.report.groups:
            key = (result.file, group.code, group.field)
            if group.severity != "info" and group.code not in RECOMMENDED and key not in done:
                out.append({"file": result.file, "code": group.code, "field": group.field,
                            "verdict": "?", "count": group.count, "rows": group.rows[:5],
                            "values": [v[:80] for v in group.values[:3]]})
    return out


def by_code(results: list[Result], labels: Optional[dict[str, Any]] = None) -> Counter[tuple[str, str]]:
    """(code, verdict) -> findings: where the findings and false alarms come from."""
    labels = labels or verdicts()
    verdict = {(g["file"], g["code"], g.get("field")): g["verdict"] for g in labels["groups"]}
    out: Counter[tuple[str, str]] = Counter()
    for result in results:
        for key, (severity, count) in result.groups.items():
            if severity != "info" and key[1] not in RECOMMENDED:
                out[(key[1], verdict.get(key, "unlabelled"))] += count
    return out
