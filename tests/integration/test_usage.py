"""tokyo_usage over CKAN's tracking plugin: visits to a dataset page and
clicks on its download links (what tracking.js posts to /_tracking) are
counted by `ckan tokyo usage update`, shown on the dataset page and on the
operator page per day, organisation and category (sysadmins only), and the
raw visits (hashed visitor keys) are deleted once counted for good."""
import csv
import datetime
import io
import re

import pytest

import ckan.model as model
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers
from ckan.cli.cli import ckan
from ckan.logic import NotAuthorized

from ckanext.tokyo import site_user

from tests.integration.site_data import bureau, call as _call, shinjuku

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "scheming_datasets scheming_organizations tokyo_schema tracking tokyo_usage"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "cli_plugin_tables"),
]
FILE_URL = "https://example.invalid/131041_aed.csv"


@pytest.fixture
def datasets():
    shinjuku()
    bureau()
    for name, org, codes in (("t131041d0000000001", "t131041", ["c005"]), ("t000003d0000000001", "t000003", ["c029"])):
        _call("package_create", name=name, owner_org=org, category=codes,
              title_translated={"ja": f"データ {name}"}, notes_translated={"ja": "説明"},
              resources=[{"url": FILE_URL if org == "t131041" else "https://example.invalid/x.csv",
                          "format": "csv", "name_translated": {"ja": "ファイル"}, "modified": "2025-01-01"}])


def _visit(app, url, kind="page", agent="Browser A"):
    """What ckanext/tracking's tracking.js sends for a page view or a click
    on a download link (resource-url-analytics)."""
    app.post("/_tracking", data={"url": url, "type": kind}, headers={"User-Agent": agent},
             extra_environ={"REMOTE_ADDR": "192.0.2.1"})


def _update(cli):
    result = cli.invoke(ckan, ["tokyo", "usage", "update"])
    assert result.exit_code == 0, result.output
    return result.output


def _figures(html):
    return {key: int(value) for key, value in re.findall(r'data-usage="([\w-]+)"><span>(\d+)</span>', html)}


def test_page_views_and_downloads_appear_on_the_dataset_page_after_visits(app, cli, datasets):
    page = "/dataset/t131041d0000000001"
    assert _figures(app.get(page).body) == {"views": 0, "recent-views": 0, "downloads": 0}
    for agent in ("Browser A", "Browser B", "Browser A"):  # the same visitor twice a day counts once
        _visit(app, page, agent=agent)
    _visit(app, FILE_URL, kind="resource")
    _visit(app, "/organization/t131041")  # not a dataset page
    assert _figures(app.get(page).body)["views"] == 0  # counted by the update only
    _update(cli)
    assert _figures(app.get(page).body) == {"views": 2, "recent-views": 2, "downloads": 1}
    en = app.get("/en" + page).body
    assert "Page views" in en and "閲覧数" not in en
    assert "閲覧数" in app.get(page).body


@pytest.fixture
def sysadmin_env():
    user = factories.SysadminWithToken()
    return {"Authorization": user["token"]}


def test_the_operator_page_shows_daily_figures_per_organisation_and_category(app, cli, datasets, sysadmin_env):
    _visit(app, "/dataset/t131041d0000000001")
    _visit(app, "/dataset/t131041d0000000001", agent="Browser B")
    _visit(app, "/dataset/t000003d0000000001")
    _visit(app, FILE_URL, kind="resource")
    _update(cli)
    figures = helpers.call_action("tokyo_usage_show", context={"user": site_user.context()["user"]}, days=7)
    assert len(figures["days"]) == 7 and figures["days"][-1] == datetime.date.today().isoformat()
    assert (figures["catalog"]["total_views"], figures["catalog"]["total_downloads"]) == (3, 1)
    orgs = {o["key"]: (o["views"][-1], o["downloads"][-1]) for o in figures["organizations"]}
    assert orgs == {"t131041": (2, 1), "t000003": (1, 0)}
    cats = {c["key"]: c["total_views"] for c in figures["categories"]}
    assert cats == {"c005": 2, "c029": 1}

    html = app.get("/tokyo/usage?days=7", headers=sysadmin_env).body
    assert "新宿区" in html and "医療・福祉" in html and "行財政" in html
    en = app.get("/en/tokyo/usage?days=7", headers=sysadmin_env).body
    assert "Shinjuku City" in en and "Health and welfare" in en and "医療・福祉" not in en
    rows = list(csv.DictReader(io.StringIO(app.get("/tokyo/usage?days=7&format=csv", headers=sysadmin_env).body)))
    today = datetime.date.today().isoformat()
    assert {"date": today, "dimension": "category", "key": "c005", "label": "医療・福祉",
            "page_views": "2", "downloads": "1"} in rows
    assert len(rows) == 7 * (1 + 2 + 2)


def test_only_sysadmins_see_the_operator_page(app, datasets):
    assert app.get("/tokyo/usage").status_code == 403
    user = factories.UserWithToken()
    assert app.get("/tokyo/usage", headers={"Authorization": user["token"]}).status_code == 403
    with pytest.raises(NotAuthorized):
        helpers.call_action("tokyo_usage_show", context={"user": user["name"], "ignore_auth": False}, days=7)


def test_raw_visits_are_deleted_once_counted_for_good(app, cli, datasets):
    from ckanext.tracking.model import TrackingRaw, TrackingSummary

    old = datetime.datetime.now() - datetime.timedelta(days=5)
    for n, agent in enumerate(("old-1", "old-2")):
        raw = TrackingRaw(user_key=agent, url="/dataset/t131041d0000000001", tracking_type="page")
        raw.access_timestamp = old + datetime.timedelta(minutes=n)
        model.Session.add(raw)
    model.Session.commit()
    _visit(app, "/dataset/t131041d0000000001")
    out = _update(cli)
    assert "2 raw visits of counted days deleted" in out
    assert model.Session.query(TrackingRaw).count() == 1  # today's, still to be counted again
    def counted():  # rows, not objects: the summary's key is the URL alone
        return dict(model.Session.query(TrackingSummary.tracking_date, TrackingSummary.count).all())

    assert counted() == {old.date(): 2, datetime.date.today(): 1}
    assert "0 raw visits" in _update(cli)
    assert counted() == {old.date(): 2, datetime.date.today(): 1}
