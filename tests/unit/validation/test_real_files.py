"""The validator on the real published files of tests/data/real, against
their truth (standard, encoding) and the hand-made verdicts on its findings
(tests/real_corpus.py; bench/real_files.py prints the same scores).

A change that makes a new kind of finding appear fails here until its
groups are labelled in verdicts.json (`bench/real_files.py --draft`)."""
from __future__ import annotations

import re

import pytest

from ckanext.tokyo.validation.checks.hankaku_kana import HANKAKU_KANA
from ckanext.tokyo.validation.checks.platform_chars import pattern as platform_pattern

from tests import real_corpus


@pytest.fixture(scope="module")
def results():
    return real_corpus.run(listed=0)


@pytest.fixture(scope="module")
def scores(results):
    return real_corpus.score(results)


def test_standard_and_encoding_are_detected(scores):
    assert scores.standard_right / scores.files >= 0.98, scores.standard_wrong
    assert scores.encoding_right / scores.encodings >= 0.98, scores.encoding_wrong


def test_every_finding_group_is_labelled(scores):
    assert scores.unlabelled == [], "label them in tests/data/real/verdicts.json (bench/real_files.py --draft)"


def test_few_false_alarms(scores):
    assert scores.false_alarm_share <= 0.02, (scores.false_alarms, scores.findings)


def test_every_labelled_true_problem_is_found(scores):
    assert scores.missed == []


def test_no_crash_and_nothing_unreadable(results):
    assert all(r.report.readable for r in results)


# The fix a hint suggests, as the messages module writes it.
FIX = re.compile(r"（例: (.*)）。$", re.S)
FLAGGED = {
    "tokyo/zenkaku-alnum": re.compile(r"[\uFF01-\uFF5E\u3000]"),
    "tokyo/zenkaku-text": re.compile(r"[０-９Ａ-Ｚａ-ｚ]"),
    "tokyo/hankaku-kana": HANKAKU_KANA,
    "tokyo/platform-dependent-char": platform_pattern(),
    "tokyo/surrounding-space": re.compile(r"^\s|\s$"),
}


def test_fix_hints_never_keep_the_flagged_character(results):
    checked = 0
    for result in results:
        for finding in result.report.findings:
            pattern = FLAGGED.get(finding.code)
            match = FIX.search(finding.hint) if pattern else None
            if match:
                checked += 1
                assert not pattern.search(match.group(1)), (result.file, finding.code, finding.value, match.group(1))
    assert checked > 1000


def test_mojibake_and_shifted_columns_are_caught_where_present(results):
    codes = {r.file: {g.code for g in r.report.groups} for r in results}
    assert "tokyo/mojibake" in codes["constructed__latin1-mojibake__352136_public_facility.csv"]
    assert "tokyo/mojibake" in codes["constructed__cp932-mojibake__222127_aed.csv"]
    assert "tokyo/replacement-char" in codes["takamatsu__0087.xlsx"]  # real: Shift_JIS read as UTF-8, lossy
    assert "tokyo/shifted-columns" in codes["constructed__shifted__132152_cultural_property.csv"]
    shifted = {r.file for r in results if "tokyo/shifted-columns" in codes[r.file]}
    assert shifted == {"constructed__shifted__132152_cultural_property.csv"}  # nowhere else
