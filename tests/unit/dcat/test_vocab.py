"""The CKAN-free vocabulary maps of the DCAT profile."""
import pytest

pytest.importorskip("rdflib", reason="the DCAT adapter needs rdflib (ckanext-dcat); not in the core venv")

from ckanext.tokyo.dcat import vocab  # noqa: E402

EU = "http://publications.europa.eu/resource/authority/"


def test_licences_map_to_authority_iris_and_back():
    assert vocab.licence("CC-BY-4.0").iri == EU + "licence/CC_BY_4_0"
    assert vocab.licence("PDL-1.0").iri == vocab.PDL_URL
    assert vocab.licence("cc-by").ckan_id == "CC-BY-4.0"  # CKAN's built-in id
    assert vocab.licence("no-such") is None
    for lic in vocab.LICENCES:
        assert vocab.licence_id_for_iri(lic.iri) == lic.ckan_id


def test_formats_map_to_eu_file_types_and_iana():
    assert vocab.file_type("csv") == (EU + "file-type/CSV", vocab.IANA_BASE + "text/csv")
    assert vocab.file_type(".XLSX")[0] == EU + "file-type/XLSX"
    assert vocab.file_type("unknown-format") == (None, None)
    assert vocab.format_for_file_type(EU + "file-type/CSV") == "CSV"
    assert vocab.media_type_of(vocab.IANA_BASE + "text/csv") == "text/csv"


def test_standard_uris_round_trip():
    uri = vocab.standard_uri("https://example.org/", "current-13-public-toilet")
    assert uri == "https://example.org/standard/current-13-public-toilet"
    assert vocab.standard_id_of(uri) == "current-13-public-toilet"


def test_checksums_need_hex_and_a_known_algorithm():
    sha = "ab" * 32
    assert vocab.checksum(sha) == (sha, vocab.SPDX_ALGORITHM + "sha256")
    assert vocab.checksum("sha1:" + "AB" * 20) == ("ab" * 20, vocab.SPDX_ALGORITHM + "sha1")
    assert vocab.checksum("not-hex") is None
    assert vocab.checksum("abc") is None  # unknown length, no algorithm
    assert vocab.algorithm_name(vocab.SPDX_ALGORITHM + "md5") == "md5"


def test_every_eu_theme_of_the_categories_has_labels():
    from ckanext.tokyo.base import codelists

    for cat in codelists.categories():
        for theme in cat.themes:
            assert vocab.theme_labels(theme), theme


def test_theme_labels_come_from_the_code_list():
    T = "http://publications.europa.eu/resource/authority/data-theme/"
    assert vocab.theme_labels(T + "GOVE") == {"ja": "行政・公共部門", "en": "Government and public sector"}
