"""The one format table (schemas/codes/formats.csv) and the CKAN-free users
of it: the schema's normalisation and the validatable formats. DCAT's file
and media types: tests/unit/dcat/test_formats_in_dcat.py; the catalog's users
(the job's eligibility, the quality figures): tests/integration/test_formats.py."""
import pytest

from ckanext.tokyo.base import formats

EU = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# spelling -> (code, validated by default)
SPELLINGS = {
    "csv": ("CSV", True), ".csv": ("CSV", True), "text/csv": ("CSV", True), "ｃｓｖ": ("CSV", True),
    " Csv ": ("CSV", True), "Excel": ("XLSX", True), "XLSX": ("XLSX", True), XLSX_MEDIA: ("XLSX", True),
    "tsv": ("TSV", True), "text/tab-separated-values": ("TSV", True),
    "xls": ("XLS", False), "PDF": ("PDF", False), "geojson": ("GeoJSON", False), "api": ("API", False),
}


@pytest.mark.parametrize("spelling, expected", SPELLINGS.items())
def test_every_user_reads_a_spelling_the_same_way(spelling, expected):
    code, validated = expected
    # the schema stores the code (metadata.validators.tokyo_format)
    assert formats.normalise(spelling) == code
    # the job and the quality figures validate exactly the validatable codes
    # (catalog_validation.settings.formats() by default)
    assert (formats.normalise(spelling) in formats.validatable()) is validated
    fmt = formats.lookup(spelling)
    assert fmt is not None and fmt.code == code


def test_validatable_formats():
    assert formats.validatable() == ["CSV", "TSV", "XLSX"]


def test_unknown_formats_are_kept():
    assert formats.normalise("foo") == "FOO" and formats.lookup("foo") is None
    assert formats.normalise("スプレッドシート") == "スプレッドシート"
    assert formats.normalise("") == formats.normalise(None) == formats.normalise(" . ") == ""
    assert formats.for_file_type(EU + "NOPE") is None and formats.for_file_type(IANA + "text/csv") is None


def test_the_table_is_consistent():
    table = formats.formats()
    codes = [f.code for f in table]
    assert len(set(codes)) == len(codes)
    spellings = [s.lower() for f in table for s in (f.code, f.media_type, *f.aliases) if s]
    assert len(set(spellings)) == len(spellings), "a spelling names two formats"
    for fmt in table:
        assert formats.normalise(fmt.code) == fmt.code  # codes are stored as they are
        assert all(formats.normalise(a) == fmt.code for a in fmt.aliases)
        if fmt.validatable:
            assert fmt.media_type and fmt.file_type_uri
    eu = [f.eu_file_type for f in table if f.eu_file_type]
    assert len(set(eu)) == len(eu)
