"""tokyo_requests: data requests (データ公開リクエスト).

Citizens and companies ask for data, support and comment; the organisation
responsible answers with a status and links the dataset; editors see the
inventory records and datasets that may answer; sysadmins moderate and see
what is left unanswered. Thin adapter over ckanext.tokyo.requests; works
alone (with or without tokyo_schema, tokyo_inventory). Tables:
``ckan db upgrade -p tokyo_requests``. docs/data-requests.md.
"""
from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo.plugins import Translation
from ckanext.tokyo.requests import actions, auth, helpers, settings, views
from ckanext.tokyo.requests.cli import tokyo


class TokyoRequestsPlugin(p.SingletonPlugin, Translation):
    p.implements(p.IConfigurer)
    p.implements(p.IConfigDeclaration)
    p.implements(p.IActions)
    p.implements(p.IAuthFunctions)
    p.implements(p.IBlueprint)
    p.implements(p.IClick)
    p.implements(p.ITemplateHelpers)
    p.implements(p.ITranslation)
    p.implements(p.IPackageController, inherit=True)

    # IConfigurer: tokyo_requests/*.html, home/index.html (the recent requests block)
    def update_config(self, config):
        tk.add_template_directory(config, "../requests/templates")

    # IConfigDeclaration
    def declare_config_options(self, declaration, key):
        settings.declare(declaration, key)

    # IActions / IAuthFunctions
    def get_actions(self):
        return actions.get_actions()

    def get_auth_functions(self):
        return auth.get_auth_functions()

    # IBlueprint
    def get_blueprint(self):
        return views.blueprints()

    # IClick: `ckan tokyo requests …` in the shared group
    def get_commands(self):
        return [tokyo]

    # ITemplateHelpers
    def get_helpers(self):
        return helpers.get_helpers()

    # IPackageController: a dataset that becomes public answers the requests
    # waiting for it (公開予定 → 公開済み), in the same transaction.
    def after_dataset_update(self, context, pkg_dict):
        if pkg_dict.get("type", "dataset") == "dataset" and not tk.asbool(pkg_dict.get("private")) \
                and pkg_dict.get("state", "active") == "active" and pkg_dict.get("id"):
            actions.published(pkg_dict["id"])
