"""The hostile corpus (tests/hostile_corpus.py) through the CKAN-free core:
every file ends in a terminal result within the limits it was given, and its
report is bounded and leaks nothing (issue 11). The same classes at the size
of the reported attacks, through the catalog's job, are in bench/hostile.py;
a representative subset through the real worker in
tests/integration/test_hardening.py."""
from __future__ import annotations

import io
import json
import os
import tempfile
import time
from collections import defaultdict

import pytest
from rich.console import Console

from ckanext.tokyo.validation import Options, validate
from ckanext.tokyo.validation.cli import print_text
from ckanext.tokyo.validation.report import CONTROLS, EXCERPT

from tests.hostile_corpus import UNIT_LIMITS, feeds, files

CASES = defaultdict(list)
for _case in files():
    CASES[_case.klass].append(_case)
SLACK = 4096  # bytes of the report besides its findings (stats, the truncation note)
PASSWD = "root:x:0:0"


def test_the_corpus_holds_over_a_thousand_hostile_files_and_feeds():
    assert sum(map(len, CASES.values())) + len(list(feeds())) >= 1000
    assert len(CASES) >= 12


def _problems(case, tmp: str) -> list[str]:
    path = os.path.join(tmp, "upload" + case.suffix)
    with open(path, "wb") as out:
        out.write(case.data())
    options = Options(**dict(UNIT_LIMITS, **({"timeout": case.timeout} if case.timeout else {})))
    started = time.monotonic()
    report = validate(path, "auto", options)
    elapsed = time.monotonic() - started
    data = report.to_dict()
    text = json.dumps(data, ensure_ascii=False)
    problems = []
    if report.exit_code not in (0, 1, 2):
        problems.append(f"exit code {report.exit_code}")
    if elapsed > 2 * options.timeout:
        problems.append(f"{elapsed:.1f} s, more than twice the {options.timeout} s limit")
    if len(text.encode()) > options.max_report_bytes + SLACK:
        problems.append(f"report of {len(text.encode())} bytes")
    if len(report.findings) > options.max_findings + 1 or report.stats.get("rows", 0) > options.max_rows:
        problems.append("findings or rows past their limits")
    for finding in data["findings"]:
        if len(finding["value"] or "") > EXCERPT or len(finding["field"] or "") > EXCERPT:
            problems.append(f"{finding['code']}: value or field longer than {EXCERPT}")
        if len(finding["message"]) > 1000 or len(finding["message_en"]) > 1000:
            problems.append(f"{finding['code']}: message longer than 1000 characters")
    if tmp in text or os.path.dirname(tmp) in text:
        problems.append("the report names the file's directory")
    if PASSWD in text:
        problems.append("the report holds /etc/passwd")
    if case.expect and not set(case.expect) & report.codes():
        problems.append(f"none of {case.expect} in {sorted(report.codes())}")
    if case.klass == "terminal":
        out = io.StringIO()
        print_text(case.name, report, Console(file=out, width=200))
        shown = out.getvalue().replace("\n", "")
        if any(chr(code) in shown for code in CONTROLS):
            problems.append("control characters in the text output")
    return problems


@pytest.mark.parametrize("klass", sorted(CASES))
def test_hostile_files_end_within_their_bounds(klass):
    failed = {}
    with tempfile.TemporaryDirectory(prefix="tokyo-hostile-") as tmp:
        for case in CASES[klass]:
            problems = _problems(case, tmp)
            if problems:
                failed[case.name] = problems
    assert not failed, failed
