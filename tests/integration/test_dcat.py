"""DCAT export (issue 5): the `tokyo_dcat_ap` profile after `euro_dcat_ap_3`
on the demo catalog — SHACL (DCAT-AP 3.0.1), the Japanese alignment, round
trip, private/draft datasets, paging, content negotiation, standards."""
import copy
import json
import uuid

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS as DCT, FOAF, OWL, RDF, RDFS, SKOS

import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from ckanext.dcat.processors import RDFParser, RDFSerializer

from ckanext.tokyo import demo

from tests.integration.dcat_support import differences, shacl

PLUGINS = "scheming_datasets scheming_organizations tokyo_schema dcat tokyo_dcat"
pytestmark = [pytest.mark.ckan_config("ckan.plugins", PLUGINS), pytest.mark.usefixtures("with_plugins")]

HOJIN = "http://hojin-info.go.jp/data/"
SAC = "http://data.e-stat.go.jp/lod/sac/C"
HYDRA = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")


def _ttl(app, url, status=200, **kwargs):
    resp = app.get(url, status=status, **kwargs)
    if status != 200:
        return resp
    assert resp.headers["Content-Type"].startswith("text/turtle")
    return rdflib.Graph().parse(data=resp.get_data(as_text=True), format="turtle")


def _dataset_ref(graph, name):
    [ref] = [d for d in graph.subjects(RDF.type, DCAT.Dataset)
             if (d, rdflib.URIRef("http://www.w3.org/ns/adms#identifier"), None) in graph
             and any(str(graph.value(i, SKOS.notation)) == name
                     for i in graph.objects(d, rdflib.URIRef("http://www.w3.org/ns/adms#identifier")))]
    return ref


def _full_dataset(org):
    """Every field of the contract filled (docs/metadata-fields.md)."""
    return helpers.call_action(
        "package_create",
        name="t131041d0000000099", owner_org=org,
        title_translated={"ja": "新宿区公衆トイレ一覧（検証）", "en": "Public toilets in Shinjuku (test)"},
        notes_translated={"ja": "区内の公衆トイレです。", "en": "Public toilets in the city."},
        tags_translated={"ja": ["トイレ", "バリアフリー"], "en": ["toilets"]},
        maintainer="新宿区みどり公園課",
        category=["c005", "c023"],
        frequency="http://publications.europa.eu/resource/authority/frequency/ANNUAL",
        frequency_note="年1回（4月）",
        issued="2024-04-01", modified="2026-03-31",
        temporal_coverage=[{"start": "2025-04-01", "end": "2026-03-31"}],
        spatial_coverage=[{"uri": "131041"}, {"uri": "130001"}],  # labels filled in by the validators
        language=["http://publications.europa.eu/resource/authority/language/JPN",
                  "http://publications.europa.eu/resource/authority/language/ENG"],
        conforms_to=["current-13-public-toilet"],
        contact=[{"name": "新宿区みどり公園課", "email": "midori@example.invalid",
                  "telephone": "03-5273-3914", "url": "https://www.city.shinjuku.lg.jp/"}],
        license_id="PDL-1.0",
        url="https://www.city.shinjuku.lg.jp/kusei/toilet.html",
        access_rights="http://publications.europa.eu/resource/authority/access-right/PUBLIC",
        provenance="区の施設台帳から作成",
        version="2026.1",
        documentation=["https://www.city.shinjuku.lg.jp/kusei/toilet-spec.pdf"],
        resources=[{
            "url": "https://www.city.shinjuku.lg.jp/content/131041_public_toilet.csv",
            "name_translated": {"ja": "公衆トイレ一覧", "en": "Public toilets"},
            "description_translated": {"ja": "CSV版", "en": "CSV edition"},
            "format": "CSV", "encoding": "Shift_JIS", "modified": "2026-03-31",
            "conforms_to": ["current-13-public-toilet"],
            "language": ["http://publications.europa.eu/resource/authority/language/JPN"],
            "size": 20480,
            "hash": "sha256:" + "ab" * 32,
        }],
    )


@pytest.fixture
def demo_catalog(clean_db, clean_index):
    demo.load()
    return demo.catalog()


@pytest.fixture
def schema_fields():
    schema = helpers.call_action("scheming_dataset_schema_show", type="dataset")
    return ([f["field_name"] for f in schema["dataset_fields"]],
            [f["field_name"] for f in schema["resource_fields"]])


def test_demo_catalog_and_every_dataset_are_shacl_clean(app, demo_catalog):
    catalog = _ttl(app, "/catalog.ttl")
    result = shacl(catalog)
    assert result["Violation"] == [], "\n".join(result["Violation"])
    assert len(list(catalog.subjects(RDF.type, DCAT.Dataset))) == len(demo_catalog["datasets"])

    # Every /dataset/<id>.ttl, validated together in one graph (also catches
    # clashes between datasets, e.g. one publisher with two names).
    datasets = rdflib.Graph()
    for ds in demo_catalog["datasets"]:
        datasets += _ttl(app, f"/dataset/{ds['name']}.ttl")
    result = shacl(datasets)
    assert result["Violation"] == [], "\n".join(result["Violation"])
    assert result["Warning"] == []


def test_catalog_metadata_in_japanese_and_english(app, demo_catalog):
    g = _ttl(app, "/catalog.ttl")
    [cat] = g.subjects(RDF.type, DCAT.Catalog)
    assert {t.language for t in g.objects(cat, DCT.title)} == {"ja", "en"}
    assert {d.language for d in g.objects(cat, DCT.description)} == {"ja", "en"}
    assert g.value(cat, DCT.publisher) == URIRef(HOJIN + "8000020130001")
    assert Literal("東京都", lang="ja") in set(g.objects(URIRef(HOJIN + "8000020130001"), FOAF.name))
    assert set(g.objects(cat, DCT.language)) == {
        URIRef("http://publications.europa.eu/resource/authority/language/JPN"),
        URIRef("http://publications.europa.eu/resource/authority/language/ENG")}


def test_dataset_is_aligned_to_japanese_registries(app, demo_catalog):
    org = factories.Organization(name="t131041x", title="新宿区", title_en="Shinjuku City",
                                 local_government_code="131041", corporate_number="7000020131041")
    ds = _full_dataset(org["id"])
    g = _ttl(app, f"/dataset/{ds['name']}.ttl")
    assert shacl(g)["Violation"] == []
    ref = _dataset_ref(g, ds["name"])

    publisher = g.value(ref, DCT.publisher)
    assert publisher == URIRef(HOJIN + "7000020131041")
    assert (publisher, RDF.type, FOAF.Organization) in g
    assert str(g.value(publisher, DCT.identifier)) == "7000020131041"
    assert {str(n) for n in g.objects(publisher, FOAF.name)} == {"新宿区", "Shinjuku City"}

    assert set(g.objects(ref, DCT.spatial)) == {URIRef(SAC + "13104"), URIRef(SAC + "13000")}
    assert set(g.objects(URIRef(SAC + "13104"), SKOS.prefLabel)) == {
        Literal("新宿区", lang="ja"), Literal("Shinjuku City", lang="en")}
    assert set(g.objects(URIRef(SAC + "13000"), SKOS.prefLabel)) == {
        Literal("東京都", lang="ja"), Literal("Tokyo Metropolis", lang="en")}
    assert {(str(t), t.language) for t in g.objects(ref, DCT.title)} == {
        ("新宿区公衆トイレ一覧（検証）", "ja"), ("Public toilets in Shinjuku (test)", "en")}
    assert all(k.language in ("ja", "en") for k in g.objects(ref, DCAT.keyword))
    assert (URIRef("http://publications.europa.eu/resource/authority/frequency/ANNUAL"),
            RDF.type, DCT.Frequency) in g
    standard = g.value(ref, DCT.conformsTo)
    assert str(standard).endswith("/standard/current-13-public-toilet")
    assert (standard, RDF.type, DCT.Standard) in g
    assert Literal("公衆トイレ一覧", lang="ja") in set(g.objects(standard, DCT.title)) or \
        any(t.language == "ja" for t in g.objects(standard, DCT.title))

    contact = g.value(ref, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Kind) in g
    assert g.value(contact, VCARD.hasTelephone) == URIRef("tel:+81-3-5273-3914")
    assert g.value(contact, VCARD.hasEmail) == URIRef("mailto:midori@example.invalid")

    dist = g.value(ref, DCAT.distribution)
    licence = g.value(dist, DCT.license)
    assert licence == URIRef("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0")
    assert (licence, RDF.type, DCT.LicenseDocument) in g
    assert g.value(dist, DCT["format"]) == URIRef(
        "http://publications.europa.eu/resource/authority/file-type/CSV")
    assert g.value(dist, DCAT.mediaType) == URIRef("https://www.iana.org/assignments/media-types/text/csv")
    assert int(g.value(dist, DCAT.byteSize)) == 20480
    assert str(g.value(dist, DCT.modified)) == "2026-03-31"
    assert g.value(dist, DCAT.downloadURL) == URIRef(ds["resources"][0]["url"])
    spdx = rdflib.Namespace("http://spdx.org/rdf/terms#")
    checksum = g.value(dist, spdx.checksum)
    assert str(g.value(checksum, spdx.checksumValue)) == "ab" * 32
    assert g.value(checksum, spdx.algorithm) == spdx.checksumAlgorithm_sha256


def test_spatial_coverage_labels_are_filled_for_every_entry(demo_catalog):
    """Reported: two entries given as 6-digit codes stored without `text`.
    Every entry gets its local government's name, on create and on patch, in
    package_show and in the search index (what /catalog.ttl serialises)."""
    org = factories.Organization(name="t131041x", title="新宿区", local_government_code="131041")
    ds = _full_dataset(org["id"])
    assert ds["spatial_coverage"] == [
        {"uri": SAC + "13104", "text": "新宿区"}, {"uri": SAC + "13000", "text": "東京都"}]
    shown = helpers.call_action("package_show", id=ds["name"])
    assert shown["spatial_coverage"] == ds["spatial_coverage"]
    [indexed] = helpers.call_action("package_search", fq=f"name:{ds['name']}")["results"]
    assert indexed["spatial_coverage"] == ds["spatial_coverage"]
    updated = helpers.call_action("package_patch", id=ds["id"], spatial_coverage=[
        {"uri": "131016"}, {"uri": SAC + "13104", "text": ""}, {"uri": "13000"}])
    assert updated["spatial_coverage"] == [
        {"uri": SAC + "13101", "text": "千代田区"}, {"uri": SAC + "13104", "text": "新宿区"},
        {"uri": SAC + "13000", "text": "東京都"}]


def test_round_trip_is_lossless_for_the_schema_fields(demo_catalog, schema_fields):
    org = factories.Organization(name="t131041x", title="新宿区", local_government_code="131041")
    names = [ds["name"] for ds in demo_catalog["datasets"]]
    names.append(_full_dataset(org["id"])["name"])
    dataset_fields, resource_fields = schema_fields
    for name in names:
        original = helpers.call_action("package_show", id=name)
        serializer = RDFSerializer()
        serializer.graph_from_dataset(original)
        parser = RDFParser()
        parser.parse(serializer.g.serialize(format="turtle"), _format="turtle")
        [parsed] = list(parser.datasets())
        # owner_org comes from the harvest source, not from the graph.
        diff = differences(original, parsed, dataset_fields, resource_fields, skip=("owner_org",))
        assert diff == [], f"{name}: {diff}"


def test_page_graph_describes_shared_vocabulary_once_and_keeps_no_replaced_nodes(demo_catalog):
    """One graph, many datasets (a catalog page): the profile remembers what
    it wrote to the graph (types, labels, places, organisations). Datasets
    sharing an organisation, places and formats still each get their own
    links, and nothing euro_dcat_ap_3 wrote that the profile replaces
    survives (organisation publisher nodes, plain labels and formats, the
    maintainer vcard:Organization)."""
    page = [helpers.call_action("package_show", id=ds["name"]) for ds in demo_catalog["datasets"]]
    twin = copy.deepcopy(page[0])  # same organisation, places, formats
    twin.update(id=str(uuid.uuid4()), name="t000003d0000000099")
    for res in twin["resources"]:
        res.update(id=str(uuid.uuid4()), package_id=twin["id"])
    page.append(twin)
    serializer = RDFSerializer()
    serializer.graph_from_catalog({})
    refs = [serializer.graph_from_dataset(ds) for ds in page]
    g = serializer.g
    assert shacl(g)["Violation"] == []
    assert not [s for s in g.subjects() if "/organization/" in str(s)]
    for ds, ref in zip(page, refs):
        publisher = g.value(ref, DCT.publisher)
        assert str(publisher).startswith(HOJIN) and (publisher, RDF.type, FOAF.Organization) in g
        assert len(list(g.objects(ref, DCT.publisher))) == 1
        assert len(list(g.objects(ref, DCAT.contactPoint))) == len(ds["contact"])
        for place in g.objects(ref, DCT.spatial):
            assert {(str(label), label.language) for label in g.objects(place, SKOS.prefLabel)} in (
                {("東京都", "ja"), ("Tokyo Metropolis", "en")}, {("千代田区", "ja"), ("Chiyoda City", "en")},
                {("港区", "ja"), ("Minato City", "en")}, {("新宿区", "ja"), ("Shinjuku City", "en")})
        for dist in g.objects(ref, DCAT.distribution):
            fmt = g.value(dist, DCT["format"])
            assert isinstance(fmt, URIRef) and (fmt, RDF.type, DCT.MediaTypeOrExtent) in g
            assert isinstance(g.value(dist, DCAT.mediaType), URIRef)
            assert (g.value(dist, DCT.license), RDF.type, DCT.LicenseDocument) in g
    assert not list(g.subjects(RDF.type, VCARD.Organization))


def test_cleaned_uri_quotes_like_ckanext_dcat():
    from ckanext.dcat.profiles.base import CleanedURIRef

    from ckanext.tokyo.dcat.graph import cleaned_uri

    for value in (" https://example.org/a b/(1)?q=[x]&y={z}|^`\\\"'$!*,;<> ", "https://example.org/%20ok",
                  "https://example.org/日本語 ファイル.csv", ""):
        assert cleaned_uri(value) == CleanedURIRef(value)


def test_private_and_draft_datasets_are_never_exported(app, demo_catalog):
    org = helpers.call_action("organization_show", id="t131041")
    private = factories.Dataset(owner_org=org["id"], private=True, name="t131041d0000000070",
                                title_translated={"ja": "非公開"}, notes_translated={"ja": "非公開"})
    draft = factories.Dataset(owner_org=org["id"], state="draft", name="t131041d0000000071",
                              title_translated={"ja": "下書き"}, notes_translated={"ja": "下書き"})
    sysadmin = factories.SysadminWithToken()
    for headers in ({}, {"Authorization": sysadmin["token"]}):
        text = app.get("/catalog.ttl", headers=headers).get_data(as_text=True)
        for ds in (private, draft):
            assert ds["id"] not in text and ds["name"] not in text
    for ds in (private, draft):
        _ttl(app, f"/dataset/{ds['name']}.ttl", status=404)
        _ttl(app, f"/dataset/{ds['id']}.jsonld", status=404)
        _ttl(app, f"/dataset/{ds['name']}.ttl", status=404, headers={"Authorization": sysadmin["token"]})


@pytest.mark.ckan_config("ckanext.dcat.datasets_per_page", "5")
def test_catalog_is_paged_with_hydra(app, demo_catalog):
    g = _ttl(app, "/catalog.ttl")
    [page] = g.subjects(RDF.type, HYDRA.PagedCollection)
    assert int(g.value(page, HYDRA.totalItems)) == len(demo_catalog["datasets"])
    assert "page=2" in str(g.value(page, HYDRA.next))
    assert len(list(g.subjects(RDF.type, DCAT.Dataset))) == 5
    second = _ttl(app, "/catalog.ttl?page=2")
    assert len(list(second.subjects(RDF.type, DCAT.Dataset))) == 5


def test_formats_and_content_negotiation(app, demo_catalog):
    name = demo_catalog["datasets"][0]["name"]
    jsonld = app.get(f"/dataset/{name}.jsonld")
    assert jsonld.headers["Content-Type"].startswith("application/ld+json")
    json.loads(jsonld.get_data(as_text=True))
    xml = app.get("/catalog.rdf")
    assert xml.headers["Content-Type"].startswith("application/rdf+xml")
    negotiated = app.get(f"/dataset/{name}", headers={"Accept": "text/turtle"})
    assert negotiated.headers["Content-Type"].startswith("text/turtle")
    html = app.get(f"/dataset/{name}")
    assert html.headers["Content-Type"].startswith("text/html")


def test_standard_uri_serves_the_table_schema(app):
    resp = app.get("/standard/current-13-public-toilet")
    assert resp.headers["Content-Type"].startswith("application/json")
    assert resp.json["name"] == "current-13-public-toilet"
    app.get("/standard/no-such-standard", status=404)


# ---------------------------------------------------------------- issue 16: the rough edges

@pytest.mark.ckan_config("ckanext.dcat.datasets_per_page", "2")
def test_catalog_query_with_spaces_and_ampersands_gives_valid_documents(app, demo_catalog):
    """q and fq with spaces (and '&') are carried into the paging links
    percent-encoded: the Turtle and the RDF/XML parse, the links round-trip."""
    params = {"q": "東京 公園", "fq": "organization:t000003 OR organization:t131016"}
    resp = app.get("/catalog.ttl", query_string=params)
    assert resp.status_code == 200
    g = rdflib.Graph().parse(data=resp.get_data(as_text=True), format="turtle")
    [page] = g.subjects(RDF.type, HYDRA.PagedCollection)
    links = [str(g.value(page, p)) for p in (HYDRA.first, HYDRA.last) if g.value(page, p)]
    assert links and all(" " not in link for link in links)
    assert "q=%E6%9D%B1%E4%BA%AC%20%E5%85%AC%E5%9C%92" in links[0]
    xml = app.get("/catalog.rdf", query_string=dict(params, q="公園 & 東京"))
    rdflib.Graph().parse(data=xml.get_data(as_text=True), format="xml")
    assert app.get("/catalog.jsonld", query_string=params).status_code == 200


def test_publisher_is_the_legal_entity_and_areas_use_e_stat_codes(app, demo_catalog):
    org = factories.Organization(name="t131041x", title="新宿区", title_en="Shinjuku City",
                                 local_government_code="131041", corporate_number="7000020131041")
    ds = _full_dataset(org["id"])
    g = _ttl(app, f"/dataset/{ds['name']}.ttl")
    publisher = g.value(_dataset_ref(g, ds["name"]), DCT.publisher)
    assert publisher == URIRef("http://hojin-info.go.jp/data/7000020131041")
    assert g.value(publisher, RDFS.seeAlso) == URIRef("http://hojin-info.go.jp/data/basic/7000020131041")
    place = URIRef(SAC + "13104")
    assert [str(i) for i in g.objects(place, DCT.identifier)] == ["13104"]
    assert g.value(place, OWL.sameAs) == URIRef("http://data.e-stat.go.jp/lod/sac/C13104-19700401")
    tokyo = URIRef(SAC + "13000")
    assert g.value(tokyo, OWL.sameAs) == URIRef("http://data.e-stat.go.jp/lod/sac/C13000-19700401")


def test_every_distribution_has_rights_and_a_format_iri(app, demo_catalog):
    org = helpers.call_action("organization_show", id="t131041")
    ds = factories.Dataset(owner_org=org["id"], name="t131041d0000000072", license_id="CC-BY-4.0",
                           title_translated={"ja": "形式"}, notes_translated={"ja": "形式"},
                           resources=[dict(r, name_translated={"ja": "ファイル"}, modified="2026-04-01")
                                      for r in ({"url": "https://example.org/a.lzh", "format": "LZH"},
                                                {"url": "https://example.org/b.pptx", "format": "pptx"},
                                                {"url": "https://example.org/c.lzh", "format": "lzh"})])
    g = _ttl(app, f"/dataset/{ds['name']}.ttl")
    dists = list(g.objects(_dataset_ref(g, ds["name"]), DCAT.distribution))
    assert len(dists) == 3
    formats = set()
    for dist in dists:
        rights = g.value(dist, DCT.rights)
        assert rights == URIRef("https://creativecommons.org/licenses/by/4.0/deed.ja")
        assert (rights, RDF.type, DCT.RightsStatement) in g
        assert {label.language for label in g.objects(rights, RDFS.label)} == {"ja", "en"}
        fmt = g.value(dist, DCT["format"])
        assert isinstance(fmt, URIRef) and (fmt, RDF.type, DCT.MediaTypeOrExtent) in g
        formats.add(fmt)
    assert URIRef("http://publications.europa.eu/resource/authority/file-type/PPTX") in formats
    [lzh] = [f for f in formats if str(f).endswith("/format/LZH")]
    assert str(g.value(lzh, RDFS.label)) == "LZH"
    assert not [n for n in g.all_nodes() if isinstance(n, rdflib.BNode)
                and (n, RDF.type, DCT.MediaTypeOrExtent) in g]
    assert shacl(g)["Violation"] == []


def test_negotiated_answers_vary_on_accept_and_jsonld_has_a_context(app, demo_catalog):
    name = demo_catalog["datasets"][0]["name"]
    for url in ("/", f"/dataset/{name}"):
        for accept in ("text/turtle", "text/html"):
            resp = app.get(url, headers={"Accept": accept})
            assert "Accept" in resp.headers.get("Vary", ""), (url, accept, resp.headers)
    for url in ("/catalog.jsonld", f"/dataset/{name}.jsonld"):
        doc = json.loads(app.get(url).get_data(as_text=True))
        context = doc["@context"]
        assert context["dcat"] == "http://www.w3.org/ns/dcat#"
        assert context["hojin"] == "http://hojin-info.go.jp/data/"
        # the same graph as the Turtle document
        ttl = _ttl(app, url.replace(".jsonld", ".ttl"))
        jsonld = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
        assert len(jsonld) == len(ttl)


def test_catalog_pages_answer_conditional_gets_and_are_cached(app, demo_catalog):
    first = app.get("/catalog.ttl")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert first.headers.get("X-Tokyo-Cache") is None
    again = app.get("/catalog.ttl")
    assert again.headers["X-Tokyo-Cache"] == "hit" and again.headers["ETag"] == etag
    assert again.get_data() == first.get_data()
    assert app.get("/catalog.ttl", headers={"If-None-Match": etag}).status_code == 304
    assert app.get("/catalog.ttl", headers={"If-Modified-Since": modified}).status_code == 304
    assert app.get("/catalog.ttl?page=1", headers={"If-None-Match": etag}).status_code == 200
    # a change to any dataset moves the state: a new ETag, a new document
    ds = demo_catalog["datasets"][0]
    helpers.call_action("package_patch", id=ds["name"], version="2099.1")
    changed = app.get("/catalog.ttl", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert "2099.1" in changed.get_data(as_text=True)


def test_catalog_and_every_dataset_pass_jena_and_pyshacl(app, demo_catalog):
    """Two SHACL engines, one cleaned shapes file (tests/data)."""
    from tests.integration import jena_shacl

    org = factories.Organization(name="t131041x", title="新宿区", local_government_code="131041")
    full = _full_dataset(org["id"])
    documents = {"/catalog.ttl": app.get("/catalog.ttl").get_data(as_text=True),
                 "/catalog.ttl?q=東京 公園": app.get("/catalog.ttl", query_string={
                     "q": "東京 公園", "fq": "organization:t000003"}).get_data(as_text=True)}
    for name in [ds["name"] for ds in demo_catalog["datasets"]] + [full["name"]]:
        documents[f"/dataset/{name}.ttl"] = app.get(f"/dataset/{name}.ttl").get_data(as_text=True)
    jena = jena_shacl.validate(documents)
    assert set(jena) == set(documents)
    for name, text in documents.items():
        assert jena[name]["violations"] == 0 and "error" not in jena[name], (name, jena[name])
        result = shacl(rdflib.Graph().parse(data=text, format="turtle"))
        assert result["Violation"] == [], (name, result["Violation"])


def test_full_catalog_dump_streams_every_dataset(app, demo_catalog, tmp_path, ckan_config, monkeypatch):
    from ckanext.tokyo.dcat import dump

    monkeypatch.setitem(ckan_config, "ckanext.tokyo.dcat.dump_dir", str(tmp_path))
    app.get("/catalog/full.ttl", status=404)  # not written yet
    path, report = dump.dump("ttl", rows=3)
    assert report.datasets == len(demo_catalog["datasets"]) and report.pages == -(-report.datasets // 3)
    g = rdflib.Graph().parse(path, format="turtle")
    assert len(list(g.subjects(RDF.type, DCAT.Dataset))) == report.datasets
    assert shacl(g)["Violation"] == []
    # what the one-page catalog says, paging aside: the same ground triples
    # (shared blank nodes, e.g. the publisher's adms:identifier, come once per
    # page in the dump: the same statements, repeated)
    page = _ttl(app, "/catalog.ttl")
    for s in list(page.subjects(RDF.type, HYDRA.PagedCollection)):
        page.remove((s, None, None))

    def ground(graph):
        return {t for t in graph if not any(isinstance(n, rdflib.BNode) for n in t)}

    assert ground(g) == ground(page)
    assert len(list(g.subjects(RDF.type, DCAT.Distribution))) == len(
        list(page.subjects(RDF.type, DCAT.Distribution)))
    resp = app.get("/catalog/full.ttl")
    assert resp.headers["Content-Type"].startswith("text/turtle") and resp.headers["ETag"]
    assert app.get("/catalog/full.ttl", headers={"If-None-Match": resp.headers["ETag"]}).status_code == 304
