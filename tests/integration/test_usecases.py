"""tokyo_usecases on the real PostgreSQL and Solr: a page per use case,
listed on the home page and on each dataset it uses, edited by sysadmins
and by the organisations whose data it uses, never a dataset in searches
or the DCAT catalog, referenced from its datasets in DCAT (SHACL-clean),
and its image uploaded."""
from __future__ import annotations

import io
import re

import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF

import ckan.plugins.toolkit as tk
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from tests.integration.dcat_support import shacl

PLUGINS = "activity scheming_datasets scheming_organizations tokyo_schema tokyo_usecases dcat tokyo_dcat"
pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.ckan_config("ckanext.dcat.rdf.profiles", "euro_dcat_ap_3 tokyo_dcat_ap tokyo_usecases"),
    pytest.mark.usefixtures("with_plugins", "usecases_db"),
]

# The smallest PNG: one transparent pixel.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082")


@pytest.fixture
def usecases_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")


@pytest.fixture
def city():
    editor, other_editor, citizen, sysadmin = factories.User(), factories.User(), factories.User(), factories.Sysadmin()
    ward = factories.Organization(name="t131041", users=[{"name": editor["name"], "capacity": "editor"}])
    other = factories.Organization(name="t131032", users=[{"name": other_editor["name"], "capacity": "editor"}])
    context = {"user": sysadmin["name"]}

    def dataset(name, org, title, **extra):
        return helpers.call_action("package_create", dict(context), name=name, owner_org=org["id"],
                                   title_translated={"ja": title}, notes_translated={"ja": title + "です。"},
                                   license_id="CC-BY-4.0", **extra)

    toilets = dataset("t131041d0000000001", ward, "新宿区公衆トイレ一覧")
    aed = dataset("t131041d0000000002", ward, "AED設置箇所一覧")
    minato = dataset("t131032d0000000001", other, "港区文化財一覧")
    hidden = dataset("t131041d0000000009", ward, "非公開データ", private=True)
    return {"editor": editor, "other_editor": other_editor, "citizen": citizen, "sysadmin": sysadmin,
            "ward": ward, "other": other, "toilets": toilets, "aed": aed, "minato": minato, "hidden": hidden}


def _as(user):
    return {"user": user["name"] if user else "", "ignore_auth": False}


def _usecase(city, user=None, **extra):
    data = {"type": "usecase", "name": "toilet-map", "author": "シビックテック新宿",
            "title_translated": {"ja": "だれでもトイレマップ", "en": "Accessible toilet map"},
            "notes_translated": {"ja": "公衆トイレとAEDを地図で探せるアプリ", "en": "Find toilets and AEDs on a map"},
            "url": "https://example.org/toilet-map",
            "datasets": f"{city['toilets']['name']}, {city['aed']['id']}", **extra}
    return tk.get_action("package_create")(_as(user or city["editor"]), data)


def _auth(user):
    token = helpers.call_action("api_token_create", user=user["name"], name="t")["token"]
    return {"Authorization": token}


def test_a_use_case_page_listed_on_home_and_on_its_datasets(city, app):
    usecase = _usecase(city)
    assert usecase["datasets"] == [city["toilets"]["id"], city["aed"]["id"]]
    assert not usecase.get("owner_org") and usecase["private"] is False

    page = app.get("/usecase/toilet-map").body
    assert "だれでもトイレマップ" in page and "シビックテック新宿" in page and "https://example.org/toilet-map" in page
    assert "新宿区公衆トイレ一覧" in page and "AED設置箇所一覧" in page
    english = app.get("/en/usecase/toilet-map").body
    assert "Accessible toilet map" in english and "Datasets used" in english

    for name in ("toilets", "aed"):
        assert "だれでもトイレマップ" in app.get(f"/dataset/{city[name]['name']}").body
    assert "だれでもトイレマップ" not in app.get(f"/dataset/{city['minato']['name']}").body
    home = app.get("/").body
    assert 'id="usecases"' in home and "だれでもトイレマップ" in home
    assert "だれでもトイレマップ" in app.get("/usecase/").body

    # a use case is not a dataset: not in the dataset search, the API's default search or organisation pages
    assert helpers.call_action("package_search", q="トイレ")["count"] == 1
    assert "だれでもトイレマップ" not in app.get("/dataset/", query_string={"q": "トイレ"}).body
    found = helpers.call_action("package_search", fq="dataset_type:usecase")
    assert [d["name"] for d in found["results"]] == ["toilet-map"]


def test_who_may_add_and_edit_a_use_case(city):
    with pytest.raises(tk.NotAuthorized):
        _usecase(city, user=city["citizen"])
    # an editor links at least one dataset of their own organisation, and only published ones
    with pytest.raises(tk.ValidationError) as error:
        _usecase(city, user=city["other_editor"])
    assert "datasets" in error.value.error_dict
    for datasets in ("", city["hidden"]["name"], "no-such-dataset"):
        with pytest.raises(tk.ValidationError) as error:
            _usecase(city, datasets=datasets)
        assert "datasets" in error.value.error_dict

    usecase = _usecase(city, datasets=f"{city['toilets']['name']},{city['minato']['name']}")
    # the organisations whose data it uses edit it (Minato's editor too); others do not
    tk.get_action("package_patch")(_as(city["other_editor"]), {"id": usecase["id"], "author": "港区の団体"})
    with pytest.raises(tk.NotAuthorized):
        tk.get_action("package_patch")(_as(city["citizen"]), {"id": usecase["id"], "author": "x"})
    tk.get_action("package_patch")(_as(city["editor"]), {"id": usecase["id"], "datasets": city["toilets"]["name"]})
    with pytest.raises(tk.NotAuthorized):  # Minato's data is no longer used
        tk.get_action("package_patch")(_as(city["other_editor"]), {"id": usecase["id"], "author": "y"})
    tk.get_action("package_delete")(_as(city["sysadmin"]), {"id": usecase["id"]})


def test_dcat_references_use_cases_and_never_exports_them(city, app):
    _usecase(city)
    catalog = rdflib.Graph().parse(data=app.get("/catalog.ttl").get_data(as_text=True), format="turtle")
    titles = {str(t) for t in catalog.objects(None, DCTERMS.title)}
    assert len(list(catalog.subjects(RDF.type, DCAT.Dataset))) == 3  # the public datasets only
    page = rdflib.URIRef(tk.config["ckan.site_url"] + "/usecase/toilet-map")
    referencing = set(catalog.subjects(DCTERMS.isReferencedBy, page))
    assert len(referencing) == 2
    assert (page, RDF.type, DCAT.Resource) in catalog
    assert {"だれでもトイレマップ", "Accessible toilet map"} <= titles
    result = shacl(catalog)
    assert result["Violation"] == [], "\n".join(result["Violation"])
    app.get("/dataset/toilet-map.ttl", status=404)

    one = rdflib.Graph().parse(data=app.get(f"/dataset/{city['toilets']['name']}.ttl").get_data(as_text=True),
                               format="turtle")
    assert list(one.objects(None, DCTERMS.isReferencedBy)) == [page]


def test_the_image_is_uploaded_with_the_form(city, app):
    usecase = _usecase(city)
    response = app.post("/api/3/action/package_patch", headers=_auth(city["editor"]),
                        data={"id": usecase["id"], "image_upload": (io.BytesIO(PNG), "screen.png")})
    stored = response.json["result"]["image_url"]
    assert stored and not stored.startswith("http") and stored.endswith(".png")
    shown = app.get("/usecase/toilet-map").body
    src = re.search(r'src="([^"]+)"[^>]*id="usecase-image"', shown).group(1)
    assert stored in src
    image = app.get(src.replace(tk.config["ckan.site_url"], ""))
    assert image.status_code == 200 and image.data == PNG
