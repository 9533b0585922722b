"""tokyo_validation: resources checked against the standard data formats.

Thin adapter over the CKAN-free core (ckanext.tokyo.validation); the CKAN
side lives in ckanext.tokyo.catalog_validation. Works without tokyo_schema
and tokyo_dcat (it reads ``conforms_to`` when tokyo_schema provides it).
Table: ``ckan db upgrade -p tokyo_validation``.
"""
from __future__ import annotations

import logging

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo.catalog_validation import actions, auth, helpers, jobs, resources, settings, views
from ckanext.tokyo.catalog_validation.cli import tokyo

log = logging.getLogger(__name__)

# Set by code that writes validation fields on purpose (none of ours goes
# through the actions, but an operator script may).
CONTEXT_FLAG = "_tokyo_validation_status_write"
SERVER_KEYS = (resources.STATUS_KEY, resources.TIMESTAMP_KEY)


class TokyoValidationPlugin(p.SingletonPlugin):
    p.implements(p.IConfigurer)
    p.implements(p.IConfigDeclaration)
    p.implements(p.IActions)
    p.implements(p.IAuthFunctions)
    p.implements(p.IBlueprint)
    p.implements(p.IClick)
    p.implements(p.ITemplateHelpers)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IPackageController, inherit=True)
    p.implements(p.IResourceController, inherit=True)

    # IConfigurer: the package's template folder (shared with tokyo_schema;
    # registering it twice is a no-op). Ours: tokyo_validation/*.html and the
    # ckan_extends overrides package/snippets/resource_item.html, package/resource_read.html.
    def update_config(self, config):
        tk.add_template_directory(config, "../templates")

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

    # IPackageController
    def before_dataset_index(self, pkg_dict):
        return helpers.index_status(pkg_dict)

    def after_dataset_search(self, search_results, search_params):
        return helpers.label_facet_items(search_results)

    def after_dataset_create(self, context, pkg_dict):
        self._dataset_saved(context, pkg_dict)

    def after_dataset_update(self, context, pkg_dict):
        self._dataset_saved(context, pkg_dict)

    # IResourceController: validation_status/_timestamp belong to the server
    def before_resource_create(self, context, resource):
        if not context.get(CONTEXT_FLAG):
            for key in SERVER_KEYS:
                resource.pop(key, None)

    def before_resource_update(self, context, current, resource):
        if context.get(CONTEXT_FLAG):
            return
        for key in SERVER_KEYS:
            if current.get(key) is not None:
                resource[key] = current[key]
            else:
                resource.pop(key, None)

    def after_resource_create(self, context, resource):
        self._queue_changed(resource["package_id"], resource["id"])

    def after_resource_update(self, context, resource):
        self._queue_changed(resource["package_id"], resource["id"])

    def _dataset_saved(self, context, pkg_dict):
        # package_create/_update/_patch with resources (API clients,
        # harvesters) fire no resource hooks. These run after the resources
        # are saved (and, in package_update, their uploads stored), just
        # before the action commits. A caller that defers the commit finishes
        # the save itself: resource_create stores the upload after this point
        # and its after_resource_create queues the resource; any other such
        # caller is left to `ckan tokyo validate --pending`.
        if context.get("defer_commit") or not pkg_dict.get("id"):
            return
        self._queue_changed(pkg_dict["id"], in_save=True, restore=not context.get(CONTEXT_FLAG))

    def _queue_changed(self, package_id, resource_id=None, in_save=False, restore=False):
        """Queue the resources of a dataset (or only `resource_id`) that need
        validation (jobs.needs_validation: file, URL, format or standard changed,
        or never validated). Whichever hook comes first queues a resource; its
        fingerprint is then stored, so the next hook of the same save finds
        nothing to do, and the job's status writes change no fingerprint.
        In a dataset save, the status fields a client sent are first replaced
        by the server's (the resource hooks that drop them did not run)."""
        # Never let validation break a save: worst case the resource stays
        # pending and `ckan tokyo validate --pending` picks it up.
        try:
            package = tk.get_action("package_show")(
                {"ignore_auth": True, "use_cache": False, "for_view": False}, {"id": package_id})
            for resource in package.get("resources") or []:
                if resource_id not in (None, resource["id"]):
                    continue
                if restore:
                    jobs.restore_status(resource)
                if jobs.needs_validation(resource, package):
                    jobs.enqueue(resource, package)
        except Exception:
            log.exception("could not start the validation of dataset %s", package_id)
            # Inside a save, a rollback would undo the dataset itself: only
            # when the transaction is lost anyway.
            if not in_save or not model.Session.is_active:
                model.Session.rollback()
