"""The four users of resource formats read every spelling through the one
format table (schemas/codes/formats.csv, ckanext.tokyo.base.formats): the
schema (what is stored), the job's "should I validate this?", the quality
figures (/tokyo/quality, `ckan tokyo report`) and the DCAT export."""
import pytest
from rdflib.namespace import DCAT, DCTERMS as DCT

import ckan.model as model
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from ckanext.dcat.processors import RDFSerializer

from ckanext.tokyo.base import formats
from ckanext.tokyo.catalog_validation import resources, settings, summary

PLUGINS = "scheming_datasets scheming_organizations tokyo_schema dcat tokyo_dcat"
pytestmark = [pytest.mark.ckan_config("ckan.plugins", PLUGINS),
              pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")]

XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SPELLINGS = [".csv", "text/csv", "Excel", "ｃｓｖ", "XLSX", XLSX_MEDIA, "tsv", "PDF", "xls"]
VALIDATED = {"CSV", "TSV", "XLSX"}


def _dataset(spellings):
    org = factories.Organization()
    return helpers.call_action(
        "package_create", name="t131041d0000000042", owner_org=org["id"],
        title_translated={"ja": "形式の表"}, notes_translated={"ja": "形式の表です。"},
        resources=[{"url": f"https://example.invalid/file{i}", "format": spelling,
                    "name_translated": {"ja": spelling}, "modified": "2026-11-30"}
                   for i, spelling in enumerate(spellings)])


def _file_types(dataset):
    serializer = RDFSerializer()
    ref = serializer.graph_from_dataset(dataset)
    g = serializer.g
    by_url = {str(g.value(dist, DCAT.accessURL)): dist for dist in g.objects(ref, DCAT.distribution)}
    return [(str(g.value(by_url[r["url"]], DCT["format"]) or ""), str(g.value(by_url[r["url"]], DCAT.mediaType) or ""))
            for r in dataset["resources"]]


def test_schema_job_quality_figures_and_dcat_agree_on_every_spelling():
    dataset = _dataset(SPELLINGS)
    codes = [formats.normalise(s) for s in SPELLINGS]
    assert codes == ["CSV", "CSV", "XLSX", "CSV", "XLSX", "XLSX", "TSV", "PDF", "XLS"]
    assert settings.formats() == VALIDATED

    # 1. the schema stores the table's code
    assert [r["format"] for r in dataset["resources"]] == codes

    # DCAT: the stored code and the raw spelling give the same file and media types
    stored_types = _file_types(dataset)
    raw = dict(dataset, resources=[dict(r, format=s) for r, s in zip(dataset["resources"], SPELLINGS)])
    assert _file_types(raw) == stored_types
    for (file_type, media), code in zip(stored_types, codes):
        fmt = formats.lookup(code)
        assert file_type == fmt.file_type_uri
        assert media.endswith("/" + fmt.media_type)

    # Rows as a harvester or an old import may have left them: the raw spellings.
    for res, spelling in zip(dataset["resources"], SPELLINGS):
        model.Session.get(model.Resource, res["id"]).format = spelling
    model.Session.commit()

    # 2. the job validates the validatable codes, however they are spelt
    expected = {r["id"] for r, code in zip(dataset["resources"], codes) if code in VALIDATED}
    eligible = {r["id"] for r, s in zip(dataset["resources"], SPELLINGS)
                if resources.eligible(dict(r, format=s))}
    assert eligible == expected and len(expected) == 7

    # 3. the quality figures and the steward report count the same resources
    rows = list(summary.resource_rows(summary.Scope(all=True)))
    assert {row["resource_id"] for row in rows} == expected
    assert summary.summary(summary.Scope(all=True))["totals"]["resources"] == len(expected)


def test_blank_format_is_read_from_the_url_by_the_job_and_the_figures_alike():
    dataset = _dataset(["CSV", "CSV"])
    first, second = dataset["resources"]
    for res, url in ((first, "https://example.invalid/data.CSV?x=1"), (second, "https://example.invalid/notes.txt")):
        row = model.Session.get(model.Resource, res["id"])
        row.format, row.url = "", url
    model.Session.commit()
    assert resources.resource_format({"format": "", "url": "https://example.invalid/data.CSV?x=1"}) == "CSV"
    rows = list(summary.resource_rows(summary.Scope(all=True)))
    assert [row["resource_id"] for row in rows] == [first["id"]]
