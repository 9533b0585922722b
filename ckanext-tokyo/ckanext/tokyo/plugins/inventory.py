"""tokyo_inventory: the data inventory (保有データ目録).

Bureaus record the data they hold but have not published, by form or from
a spreadsheet; records are a second scheming dataset type ``inventory``
(schemas/scheming/inventory.yaml, listed in ``scheming.dataset_schemas``),
always private, read only inside the city (permission labels) and never in
public search or the DCAT feed; a record becomes a dataset with the same id
and history when published. Needs tokyo_schema and scheming_datasets.
docs/data-requests.md.
"""
from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib.plugins import DefaultPermissionLabels

from ckanext.tokyo import dataset_types
from ckanext.tokyo.inventory import TYPE, actions, auth, permission_labels, settings, validators, views
from ckanext.tokyo.inventory.cli import tokyo
from ckanext.tokyo.plugins import Translation


@tk.chained_helper
def humanize_entity_type(next_helper, entity_type, object_type, purpose):
    names = {TYPE: (tk._("inventory record"), tk._("Data inventory"))}
    return dataset_types.humanize(next_helper, entity_type, object_type, purpose, names)




class TokyoInventoryPlugin(p.SingletonPlugin, Translation, DefaultPermissionLabels):
    p.implements(p.IConfigurer)
    p.implements(p.IConfigDeclaration)
    p.implements(p.IActions)
    p.implements(p.IAuthFunctions)
    p.implements(p.IBlueprint)
    p.implements(p.IClick)
    p.implements(p.IMiddleware, inherit=True)
    p.implements(p.IPermissionLabels)
    p.implements(p.ITemplateHelpers)
    p.implements(p.ITranslation)
    p.implements(p.IValidators)
    p.implements(p.IPackageController, inherit=True)

    # IConfigurer: tokyo_inventory/import.html; the record's notice and
    # publish button (package/read.html), the import link (package/search.html)
    def update_config(self, config):
        tk.add_template_directory(config, "../inventory/templates")

    # IConfigDeclaration
    def declare_config_options(self, declaration, key):
        settings.declare(declaration, key)

    # IActions / IAuthFunctions
    def get_actions(self):
        return actions.get_actions()

    def get_auth_functions(self):
        return auth.get_auth_functions()

    # IBlueprint / IMiddleware: our pages, and all inventory pages for staff only
    def get_blueprint(self):
        return views.blueprints()

    def make_middleware(self, app, config):
        app.before_request(views.guard)
        app.before_request(dataset_types.no_files_guard(TYPE))
        return app

    # IClick: `ckan tokyo inventory …` in the shared group
    def get_commands(self):
        return [tokyo]

    # IPermissionLabels: inventory records are read inside the city
    def get_dataset_labels(self, dataset_obj):
        return permission_labels.dataset_labels(dataset_obj, super().get_dataset_labels(dataset_obj))

    def get_user_dataset_labels(self, user_obj):
        return permission_labels.user_labels(user_obj, super().get_user_dataset_labels(user_obj))

    # ITemplateHelpers / IValidators: the inventory schema's choices and rules
    def get_helpers(self):
        return {**validators.helpers(), "humanize_entity_type": humanize_entity_type}

    def get_validators(self):
        return validators.validators()

    # IPackageController: searches that do not ask for records leave them out
    def before_dataset_search(self, search_params):
        return dataset_types.leave_out_unless_asked(search_params, TYPE)
