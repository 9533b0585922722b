"""tokyo_quality: the metadata quality score of every dataset (data.europa.eu's
MQA method, ckanext.tokyo.quality) and the reachability of resource URLs.

Scored on every save (the score also goes into the search index: facet
``metadata_quality``) and on a schedule (``ckan tokyo schedule``: link checks,
stale scores); stored in ``tokyo_dataset_quality`` and ``tokyo_link_check``
(``ckan db upgrade -p tokyo_quality``); shown on the dataset page with what to
add, summarised per organisation on /tokyo/quality (tokyo_validation's page),
published in the DCAT export as DQV measurements (tokyo_dcat).
"""
from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo.quality import helpers, model, store


class TokyoQualityPlugin(p.SingletonPlugin):
    p.implements(p.IConfigurer)
    p.implements(p.IConfigDeclaration)
    p.implements(p.ITemplateHelpers)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IPackageController, inherit=True)

    # IConfigurer
    def update_config(self, config):
        tk.add_template_directory(config, "../templates")

    # IConfigDeclaration
    def declare_config_options(self, declaration, key):
        declaration.declare_int(key.ckanext.tokyo.quality.link_timeout, 20).set_description(
            "Seconds to check one resource URL (redirects included).")

    # ITemplateHelpers
    def get_helpers(self):
        return helpers.helpers()

    # IFacets
    def dataset_facets(self, facets_dict, package_type):
        facets_dict[helpers.FACET] = helpers.facet_title()
        return facets_dict

    def organization_facets(self, facets_dict, organization_type, package_type):
        return self.dataset_facets(facets_dict, package_type)

    # IPackageController
    def before_dataset_index(self, pkg_dict):
        if pkg_dict.get("type", "dataset") == "dataset" and model.tables_exist():
            score = store.compute(pkg_dict)
            pkg_dict[helpers.FACET] = score.rating
            pkg_dict["metadata_quality_score"] = score.total
        return pkg_dict

    def after_dataset_show(self, context, pkg_dict):
        if pkg_dict.get("type", "dataset") == "dataset" and model.tables_exist():
            store.on_dicts([pkg_dict])

    def after_dataset_search(self, search_results, search_params):
        if model.tables_exist():
            store.on_dicts(search_results.get("results") or [])
        return helpers.label_facet_items(search_results)

    def after_dataset_create(self, context, pkg_dict):
        self._saved(pkg_dict)

    def after_dataset_update(self, context, pkg_dict):
        self._saved(pkg_dict)

    def after_dataset_delete(self, context, pkg_dict):
        if model.tables_exist():
            store.forget(pkg_dict["id"])

    def _saved(self, pkg_dict):
        if pkg_dict.get("type", "dataset") != "dataset" or not model.tables_exist():
            return
        shown = tk.get_action("package_show")({"ignore_auth": True}, {"id": pkg_dict["id"]})
        store.save(shown)
