"""The committed standard-dataset Table Schemas (schemas/standard/*.json)."""
from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import frictionless
import pytest

FOLDER = resources.files("ckanext.tokyo.schemas").joinpath("standard")
FILES = sorted((e for e in FOLDER.iterdir() if e.name.endswith(".json")), key=lambda e: e.name)
REQUIREMENTS = {"required", "recommended", "optional"}
FORMATS = {"lg-code", "corporate-number", "date", "time", "latitude", "longitude", "phone", "flag",
           "postal-code", "town-id", "yes-no", "weekdays", "url", "email", "kana", "number",
           "poi-code"}
CODE_FORMATS = {"lg-code", "corporate-number", "postal-code", "town-id", "poi-code", "phone",
                "date", "time", "latitude", "longitude"}


def _load(entry) -> dict:
    return json.loads(entry.read_text(encoding="utf-8"))


def _by_id(schema_id: str) -> dict:
    return _load(FOLDER.joinpath(f"{schema_id}.json"))


def test_there_are_schemas_of_both_layouts():
    names = [e.name for e in FILES]
    assert sum(n.startswith("current-") for n in names) >= 2
    assert sum(n.startswith("legacy2020-") for n in names) == 14


@pytest.mark.parametrize("entry", FILES, ids=lambda e: e.name)
def test_schema_loads_with_frictionless_and_keeps_custom_keys(entry):
    data = _load(entry)
    report = frictionless.validate(data, type="schema")
    assert report.valid, report.flatten(["type", "note"])
    schema = frictionless.Schema.from_descriptor(data)
    assert schema.custom["x-tokyo"] == data["x-tokyo"]
    for f, fd in zip(schema.fields, data["fields"]):
        assert f.name == fd["name"]
        for key in ("x-requirement", "x-format", "x-aliases", "title_en"):
            if key in fd:
                assert f.custom[key] == fd[key]
    # a round trip through frictionless keeps them too
    again = schema.to_descriptor()
    assert again["x-tokyo"] == data["x-tokyo"]
    assert [f.get("x-requirement") for f in again["fields"]] == [
        f.get("x-requirement") for f in data["fields"]]


@pytest.mark.parametrize("entry", FILES, ids=lambda e: e.name)
def test_schema_conventions(entry):
    data = _load(entry)
    assert data["name"] == entry.name[: -len(".json")]
    x = data["x-tokyo"]
    for key in ("dataset_number", "family", "family_en", "layout", "edition", "completeness",
                "title_en", "source", "licence"):
        assert x.get(key), key
    assert x["layout"] in ("current", "legacy2020")
    assert data["name"].startswith(f"{x['layout']}-{x['dataset_number']}-")
    assert x["completeness"] in ("complete", "partial")
    names = [f["name"] for f in data["fields"]]
    assert len(names) == len(set(names))
    for f in data["fields"]:
        assert f["x-requirement"] in REQUIREMENTS
        assert f.get("title_en")
        assert f.get("x-format") is None or f["x-format"] in FORMATS
        if f.get("x-format") in CODE_FORMATS or "コード" in f["name"] or f["name"] in ("ID", "NO"):
            assert f["type"] == "string", f["name"]  # codes keep leading zeros
        if f["type"] in ("integer", "number"):
            assert f.get("x-format") == "number", f["name"]


@pytest.mark.parametrize("entry", FILES, ids=lambda e: e.name)
def test_aliases_are_unambiguous_within_a_schema(entry):
    from ckanext.tokyo.base.standards import canonical_header

    owner: dict[str, str] = {}
    data = _load(entry)
    for f in data["fields"]:
        for heading in [f["name"], *f.get("x-aliases", [])]:
            c = canonical_header(heading)
            assert owner.setdefault(c, f["name"]) == f["name"], (heading, owner[c], f["name"])


def test_public_toilet_13_has_39_items_with_their_levels():
    data = _by_id("current-13-public-toilet")
    fields = data["fields"]
    assert len(fields) == 39
    # 掲載区分 in the 2026-08-01 sheet: ◎ ×3, ○ ×18 and 〇 ×4, blank ×14
    assert Counter(f["x-requirement"] for f in fields) == {
        "required": 3, "recommended": 22, "optional": 14}
    required = [f["name"] for f in fields if f["x-requirement"] == "required"]
    assert required == ["名称", "所在地_連結表記", "設置位置"]
    assert [f["name"] for f in fields[:3]] == ["全国地方公共団体コード", "ID", "地方公共団体名"]
    x = data["x-tokyo"]
    assert (x["dataset_number"], x["edition"], x["completeness"], x["licence"]) == (
        "13", "2026-08-01", "complete", "PDL1.0")


def test_public_toilet_13_formats_and_types():
    fields = {f["name"]: f for f in _by_id("current-13-public-toilet")["fields"]}
    expect = {
        "全国地方公共団体コード": "lg-code", "所在地_全国地方公共団体コード": "lg-code",
        "町字ID": "town-id", "緯度": "latitude", "経度": "longitude", "名称_カナ": "kana",
        "利用開始時間": "time", "利用終了時間": "time", "画像": "url",
        "車椅子使用者用トイレ有無": "yes-no", "乳幼児用設備設置トイレ有無": "yes-no",
        "オストメイト設置トイレ有無": "yes-no", "男性トイレ総数": "number",
    }
    for name, fmt in expect.items():
        assert fields[name].get("x-format") == fmt, name
    assert fields["男性トイレ総数"]["type"] == "integer"
    assert fields["緯度"]["type"] == "string"
    assert fields["名称_英語"]["title_en"] == "nameEn"
    assert "名称_英字" in fields["名称_英語"]["x-aliases"]
    assert fields["男女共用トイレ総数"]["title_en"] == "totalUnisexToilet"


def test_evacuation_space_03_is_marked_reconstructed():
    data = _by_id("current-03-evacuation-space")
    assert len(data["fields"]) == 39
    x = data["x-tokyo"]
    assert x["reliability"] == "reconstructed"
    assert "reconstructed" in x["source"]
    flags = [f for f in data["fields"] if f["name"].startswith("災害種別_")]
    assert len(flags) == 8 and all(f["constraints"]["enum"] == ["1"] for f in flags)


def test_legacy_aed_layout():
    data = _by_id("legacy2020-01-aed")
    names = [f["name"] for f in data["fields"]]
    assert names[:4] == ["都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名"]
    assert len(names) == 22
    assert data["x-tokyo"]["completeness"] == "complete"


def test_partial_schemas_claim_nothing_about_requirements():
    for entry in FILES:
        data = _load(entry)
        if data["x-tokyo"]["completeness"] == "partial":
            assert {f["x-requirement"] for f in data["fields"]} == {"optional"}
            assert all(f.get("x-source") for f in data["fields"])


def test_builder_reproduces_the_committed_files():
    """scripts/build_standard_schemas.py --check, when the reference folder is there."""
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[3]
    reference = repo.parent / "shared" / "reference"
    if not (reference / "standard-datasets").is_dir():
        pytest.skip("reference folder ../shared/reference not available")
    result = subprocess.run(
        [sys.executable, str(repo / "scripts" / "build_standard_schemas.py"), str(reference), "--check"],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
