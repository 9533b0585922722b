"""DCAT reads formats from the one table: the same EU file type and media
type for every spelling of a format."""
import pytest

pytest.importorskip("rdflib", reason="the DCAT adapter needs rdflib (ckanext-dcat); not in the core venv")

from ckanext.tokyo.base import formats  # noqa: E402
from ckanext.tokyo.dcat import vocab  # noqa: E402

from tests.unit.base.test_formats import EU, IANA, SPELLINGS, XLSX_MEDIA  # noqa: E402


@pytest.mark.parametrize("spelling, expected", SPELLINGS.items())
def test_dcat_types_every_spelling_as_its_code(spelling, expected):
    code, _ = expected
    assert vocab.file_type(spelling) == vocab.file_type(code)
    fmt = formats.lookup(spelling)
    if fmt.file_type_uri:
        assert vocab.format_for_file_type(fmt.file_type_uri) == code


def test_iris_of_the_validatable_formats():
    assert vocab.file_type("ｃｓｖ") == (EU + "CSV", IANA + "text/csv")
    assert vocab.file_type("Excel") == (EU + "XLSX", IANA + XLSX_MEDIA)
    assert vocab.file_type("tsv") == (EU + "TSV", IANA + "text/tab-separated-values")
