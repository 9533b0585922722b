"""tokyo_schema: Tokyo metadata on ckanext-scheming.

Thin adapter: the schemas are YAML in ``schemas/scheming/`` (configured with
``scheming.dataset_schemas`` etc., see config/ckan.ini.in), the code lists and
identifier rules are the CKAN-free ``codelists`` and ``identifiers`` modules.
Needs the ``scheming_datasets`` and ``scheming_organizations`` plugins; works
without tokyo_dcat and tokyo_validation. Serves the catalog as the standard
dataset オープンデータ一覧 (``/opendata-list.csv``, ``metadata/opendata_list.py``).
"""
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo import cli, compat
from ckanext.tokyo.metadata import fluent, held_uploads, helpers, opendata_list, search, validators
from ckanext.tokyo.plugins import Translation


class TokyoSchemaPlugin(p.SingletonPlugin, Translation):
    p.implements(p.IBlueprint)
    p.implements(p.IClick)
    p.implements(p.IConfigurer)
    p.implements(p.IValidators)
    p.implements(p.ITemplateHelpers)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IPackageController, inherit=True)
    p.implements(p.IResourceController, inherit=True)
    p.implements(p.ITranslation)

    # IBlueprint: /opendata-list.csv, /opendata-list/<org>.csv and .xlsx
    def get_blueprint(self):
        return [opendata_list.blueprint]

    # IClick
    def get_commands(self):
        return [cli.tokyo]

    # IConfigurer
    def update_config(self, config):
        tk.add_template_directory(config, "../templates")
        tk.add_resource("../assets/search", "tokyo_search")
        tk.add_resource("../metadata/assets", "tokyo_schema")
        compat.index_once_per_commit()  # CKAN 2.11 indexed a new dataset with resources twice

    # IValidators
    def get_validators(self):
        return {**fluent.validators(), **validators.validators()}

    # ITemplateHelpers
    def get_helpers(self):
        return {**helpers.helpers(), "tokyo_held_upload_name": held_uploads.held_name}

    # IFacets
    def dataset_facets(self, facets_dict, package_type):
        return search.dataset_facets(facets_dict)

    def organization_facets(self, facets_dict, organization_type, package_type):
        return search.dataset_facets(facets_dict)

    def group_facets(self, facets_dict, group_type, package_type):
        return search.dataset_facets(facets_dict)

    # IPackageController
    def before_dataset_index(self, pkg_dict):
        return search.before_dataset_index(pkg_dict)

    def before_dataset_search(self, search_params):
        return search.before_dataset_search(search_params)

    def after_dataset_search(self, search_results, search_params):
        return search.after_dataset_search(search_results, search_params)

    # IResourceController: a file chosen in the form survives a form error
    def before_resource_create(self, context, resource):
        held_uploads.hold(resource, context.get("user"))

    def before_resource_update(self, context, current, resource):
        held_uploads.hold(resource, context.get("user"))
