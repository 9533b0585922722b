"""Organisations and calls the integration tests share: actions as CKAN's
site user, and two Tokyo organisations with their base-registry identifiers."""
import ckan.tests.helpers as helpers

from ckanext.tokyo import site_user


def call(action, **data):
    """An action as the site user (sysadmin rights, as `ckan tokyo` commands)."""
    return helpers.call_action(action, context=site_user.context(), **data)


def shinjuku():
    return call("organization_create", name="t131041", title="新宿区", title_en="Shinjuku City",
                corporate_number="7000020131041", local_government_code="131041")


def bureau(name="t000003", title="総務局", title_en="Bureau of General Affairs"):
    return call("organization_create", name=name, title=title, title_en=title_en,
                corporate_number="8000020130001", local_government_code="130001", parent_organization="130001")
