"""tokyo_usage: how often each dataset is viewed and downloaded.

Thin adapter over CKAN's ``tracking`` plugin (enable both: ``tracking``
counts, this one shows): the figures on each dataset page, the operator page
/tokyo/usage (daily per organisation and category; sysadmins), the action
``tokyo_usage_show`` and ``ckan tokyo usage update`` (the hourly count, which
deletes the raw visits no longer needed). docs/usage.md.
"""
import logging

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo.usage import actions, auth, stats, views
from ckanext.tokyo.usage.cli import tokyo

log = logging.getLogger(__name__)


class TokyoUsagePlugin(p.SingletonPlugin):
    p.implements(p.IConfigurer)
    p.implements(p.IActions)
    p.implements(p.IAuthFunctions)
    p.implements(p.IBlueprint)
    p.implements(p.IClick)
    p.implements(p.ITemplateHelpers)

    # IConfigurer: the package's template folder (shared with the other plugins)
    def update_config(self, config):
        tk.add_template_directory(config, "../templates")
        if "tracking" not in config.get("ckan.plugins", []):
            log.warning("tokyo_usage shows what CKAN's tracking plugin counts: add `tracking` to ckan.plugins")

    # IActions / IAuthFunctions
    def get_actions(self):
        return actions.get_actions()

    def get_auth_functions(self):
        return auth.get_auth_functions()

    # IBlueprint
    def get_blueprint(self):
        return views.blueprints()

    # IClick: the shared `ckan tokyo` group, with `usage update` added
    def get_commands(self):
        return [tokyo]

    # ITemplateHelpers
    def get_helpers(self):
        return {"tokyo_dataset_usage": stats.dataset_usage}
