"""`ckan tokyo fix --org ORG [--dry-run]` (issue 17): every fixable resource of
an organisation replaced by its fixed copy, on the catalog's own schema
(tokyo_schema), validation in the request (run_sync)."""
from __future__ import annotations

import os

import pytest

import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from tests.integration.test_validation import validation_db  # noqa: F401 (a fixture)
from tests.integration.validation_support import BAD_CSV, clean_csv, site_context, status_row, upload

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "activity scheming_datasets scheming_organizations tokyo_schema "
                                            "tokyo_validation harvest"),
    pytest.mark.ckan_config("ckanext.tokyo.validation.run_sync", "true"),
    pytest.mark.usefixtures("with_plugins", "validation_db"),
]


@pytest.fixture
def site_tables(validation_db, migrate_db_for):  # noqa: F811
    # `ckan` commands load the site's plugins (the test config's), harvesting among them
    migrate_db_for("harvest")


def test_fix_command_fixes_an_organisation(cli, site_tables):
    from ckan.cli.cli import ckan

    from ckanext.tokyo.catalog_validation import fixed_copies

    org = factories.Organization()
    dataset = helpers.call_action("package_create", site_context(), name="t131041d0000000077", owner_org=org["id"],
                                  title_translated={"ja": "保育園一覧"}, notes_translated={"ja": "保育園の一覧です。"})
    fields = {"modified": "2026-06-01", "name_translated": {"ja": "保育園", "en": "Nurseries"}}
    bad = upload(dataset["id"], BAD_CSV, "nursery_sjis.csv", **fields)
    clean = upload(dataset["id"], clean_csv(), "131041_public_toilet.csv", **fields)
    # validated before fixed copies existed: the command makes the copy itself
    sha = status_row(bad["id"]).report["stats"]["sha256"]
    for suffix in (".csv", ".json"):
        os.unlink(os.path.join(fixed_copies.folder("fixed"), sha + suffix))

    dry = cli.invoke(ckan, ["tokyo", "fix", "--org", org["name"], "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "2 resource(s)" in dry.output and "1  would be fixed" in dry.output
    assert "1  nothing to fix" in dry.output and "would be made" in dry.output
    assert status_row(bad["id"]).report["stats"]["sha256"] == sha  # nothing changed

    done = cli.invoke(ckan, ["tokyo", "fix", "--org", org["name"]])
    assert done.exit_code == 0, done.output
    assert "1  fixed" in done.output and "validated again" in done.output
    assert status_row(bad["id"]).report["stats"]["sha256"] != sha
    resource = helpers.call_action("resource_show", id=bad["id"])
    assert resource["tokyo_original_sha256"] == sha and resource["tokyo_original_name"] == "nursery_sjis.csv"
    assert status_row(clean["id"]).report["valid"] is True
    again = cli.invoke(ckan, ["tokyo", "fix", "--org", org["name"]])
    assert "0 change(s) made" in again.output  # what is left cannot be fixed with certainty
    assert cli.invoke(ckan, ["tokyo", "fix"]).exit_code != 0  # --org is required
