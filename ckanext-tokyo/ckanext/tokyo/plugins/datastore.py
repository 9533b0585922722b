"""tokyo_datastore: validated tables in CKAN's DataStore, previewed and
queried through the Data API.

Interface wiring only; the work is in ckanext.tokyo.catalog_datastore. Needs
tokyo_validation (a table is loaded after its validation, with the encoding,
header row and standard the validator found) and CKAN's datastore (and
datatables_view for the table preview). Provides the map view
``tokyo_map_view``. Table: ``ckan db upgrade -p tokyo_datastore``.
"""
from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo.catalog_datastore import actions, auth, helpers, jobs, map_view, settings
from ckanext.tokyo.catalog_datastore.cli import tokyo
from ckanext.tokyo.catalog_validation.interfaces import IPipeValidation
from ckanext.tokyo.plugins import Translation


class TokyoDatastorePlugin(p.SingletonPlugin, Translation):
    p.implements(p.IConfigurer)
    p.implements(p.IConfigurable)
    p.implements(p.IConfigDeclaration)
    p.implements(p.IActions)
    p.implements(p.IAuthFunctions)
    p.implements(p.IClick)
    p.implements(p.ITemplateHelpers)
    p.implements(p.ITranslation)
    p.implements(p.IResourceView, inherit=True)
    p.implements(p.IResourceController, inherit=True)
    p.implements(IPipeValidation)

    # IConfigurer: the package's templates (tokyo_datastore/*.html, and the
    # resource page and report page include our snippets when we are on).
    def update_config(self, config):
        tk.add_template_directory(config, "../templates")
        tk.add_resource("../assets", "tokyo_datastore")

    # IConfigurable
    def configure(self, config):
        for needed in ("tokyo_validation", "datastore"):
            if not p.plugin_loaded(needed):
                raise RuntimeError(f"tokyo_datastore needs the {needed} plugin (ckan.plugins)")

    # IConfigDeclaration
    def declare_config_options(self, declaration, key):
        settings.declare(declaration, key)

    # IActions / IAuthFunctions
    def get_actions(self):
        return actions.get_actions()

    def get_auth_functions(self):
        return auth.get_auth_functions()

    # IClick: the shared `ckan tokyo` group, with datastore-load added
    def get_commands(self):
        return [tokyo]

    # ITemplateHelpers
    def get_helpers(self):
        return helpers.get_helpers()

    # IPipeValidation: every finished validation queues a load
    def receive_validation_report(self, validation_report):
        jobs.queue(validation_report["resource_id"])

    # IResourceController: a deleted resource's load goes with it (in the delete's transaction)
    def before_resource_delete(self, context, resource, resources):
        jobs.forget(resource["id"], commit=False)

    # IResourceView: tokyo_map_view
    def info(self):
        return {"name": "tokyo_map_view", "title": tk._("Map"), "default_title": "Map", "icon": "map-marker",
                "requires_datastore": True, "iframed": False, "always_available": False}

    def can_view(self, data_dict):
        return map_view.can_view(data_dict["resource"])

    def setup_template_variables(self, context, data_dict):
        return map_view.template_variables(context, data_dict)

    def view_template(self, context, data_dict):
        return "tokyo_datastore/map_view.html"
