"""tokyo_validation: resources checked against the standard data formats.

Thin adapter over the CKAN-free core (ckanext.tokyo.validation); the CKAN
side lives in ckanext.tokyo.catalog_validation. Works without tokyo_schema
and tokyo_dcat (it reads ``conforms_to`` when tokyo_schema provides it).
Table: ``ckan db upgrade -p tokyo_validation``.
"""
from __future__ import annotations

import logging

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo import bulk, compat
from ckanext.tokyo.catalog_validation import (
    actions,
    auth,
    helpers,
    jobs,
    resource_status,
    resources,
    settings,
    views,
)
from ckanext.tokyo.catalog_validation.cli import tokyo
from ckanext.tokyo.plugins import Translation

log = logging.getLogger(__name__)

# Written by the server only (from the validation table), never by a save.
SERVER_KEYS = (resources.STATUS_KEY, resources.TIMESTAMP_KEY)



class TokyoValidationPlugin(p.SingletonPlugin, Translation):
    p.implements(p.IConfigurer)
    p.implements(p.IConfigDeclaration)
    p.implements(p.IConfigurable)
    p.implements(p.IActions)
    p.implements(p.IAuthFunctions)
    p.implements(p.IBlueprint)
    p.implements(p.IClick)
    p.implements(p.ITemplateHelpers)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IPackageController, inherit=True)
    p.implements(p.IResourceController, inherit=True)
    p.implements(p.ITranslation)

    # IConfigurer: the package's template folder (shared with tokyo_schema;
    # registering it twice is a no-op). Ours: tokyo_validation/*.html and the
    # ckan_extends overrides package/snippets/resource_item.html, package/resource_read.html.
    def update_config(self, config):
        tk.add_template_directory(config, "../templates")
        tk.add_resource("../catalog_validation/assets", "tokyo_validation")

    # IConfigDeclaration
    def declare_config_options(self, declaration, key):
        settings.declare(declaration, key)

    # IConfigurable
    def configure(self, config):
        bulk.on_release(jobs.release_held)  # runs held by a bulk load are queued after it
        compat.worker_with_scheduler()  # the index retry after a Solr outage is a delayed RQ retry
        compat.index_once_per_commit()  # 2.11 indexed a new dataset with resources twice

    # IActions / IAuthFunctions
    def get_actions(self):
        return actions.get_actions()

    def get_auth_functions(self):
        return auth.get_auth_functions()

    # IBlueprint
    def get_blueprint(self):
        return views.blueprints()

    # IClick: the shared `ckan tokyo` group, with validate/report added
    def get_commands(self):
        return [tokyo]

    # ITemplateHelpers
    def get_helpers(self):
        return helpers.get_helpers()

    # IFacets
    def dataset_facets(self, facets_dict, package_type):
        facets_dict[helpers.FACET] = helpers.facet_title()
        return facets_dict

    def organization_facets(self, facets_dict, organization_type, package_type):
        return self.dataset_facets(facets_dict, package_type)

    # IPackageController: statuses come from the validation table
    def before_dataset_index(self, pkg_dict):
        status = resource_status.for_index(pkg_dict.get("id"))
        if status:
            pkg_dict[helpers.FACET] = status
        return pkg_dict

    def after_dataset_show(self, context, pkg_dict):
        resource_status.apply(pkg_dict.get("resources") or [])

    def after_dataset_search(self, search_results, search_params):
        resource_status.apply_to_search_results(search_results.get("results") or [])
        return helpers.label_facet_items(search_results)

    def after_dataset_create(self, context, pkg_dict):
        self._dataset_saved(pkg_dict)

    def after_dataset_update(self, context, pkg_dict):
        self._dataset_saved(pkg_dict)

    # IResourceController
    def before_resource_create(self, context, resource):
        for key in SERVER_KEYS:
            resource.pop(key, None)

    def before_resource_update(self, context, current, resource):
        for key in SERVER_KEYS:
            resource.pop(key, None)

    def after_resource_create(self, context, resource):
        jobs.run_deferred(resource["id"])

    def after_resource_update(self, context, resource):
        jobs.run_deferred(resource["id"])

    def _dataset_saved(self, pkg_dict):
        """Every save of a dataset (package_create/_update/_patch, and
        resource_create/_update, which run package_update inside) ends here
        before its commit: drop status keys a client sent, and queue the
        resources whose file, URL, format or standard changed. In a savepoint,
        so that whatever goes wrong here never undoes the save itself (worst
        case a resource stays unvalidated and `ckan tokyo validate --pending`
        picks it up)."""
        if not pkg_dict.get("id"):
            return
        try:
            with compat.savepoint():
                resource_status.strip_stored(pkg_dict["id"])
                jobs.queue_changed(pkg_dict["id"])
        except Exception:
            log.exception("could not start the validation of dataset %s", pkg_dict["id"])
