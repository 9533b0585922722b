"""tokyo_dcat: the Japanese DCAT-AP 3 profile on ckanext-dcat.

Thin adapter. The mapping is the ``tokyo_dcat_ap`` RDF profile
(``ckanext.tokyo.dcat.profile``, entry point ``ckan.rdf.profiles``), chained
after ``euro_dcat_ap_3`` through ``ckanext.dcat.rdf.profiles``; the
endpoints (``/dataset/<id>.{ttl,jsonld,rdf}``, ``/catalog.{ttl,jsonld,rdf}``
with Hydra paging, content negotiation) are ckanext-dcat's, so the ``dcat``
plugin is enabled beside this one. This plugin adds:

- ``/standard/<id>``: a standard dataset, the target of ``dct:conformsTo``:
  its Table Schema for programs, a page of its items for people
  (``dcat/standard_page.py``);
- the rule that only public, active datasets are exported: the DCAT actions
  refuse private and draft datasets to everyone (the catalog already lists
  only public ones);
- the documents written by ``dcat.feed`` (encoded paging links, bound
  prefixes, JSON-LD ``@context``), conditional GET and a shared cache for
  catalog pages and ``Vary: Accept`` where content is negotiated
  (``dcat.endpoint``), ``/catalog/full.<ttl|nt>`` (``ckan tokyo dcat-dump``).
"""
from __future__ import annotations

from flask import Blueprint

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo.dcat import actions, endpoint
from ckanext.tokyo.dcat.standard_page import standard
from ckanext.tokyo.plugins import Translation

CATALOG_OPTIONS = ("catalog_title_ja", "catalog_title_en",
                   "catalog_description_ja", "catalog_description_en")


class TokyoDcatPlugin(p.SingletonPlugin, Translation):
    p.implements(p.IConfigurer)
    p.implements(p.ITranslation)
    p.implements(p.IBlueprint)
    p.implements(p.IActions)
    p.implements(p.IConfigDeclaration)

    # IConfigurer: the standard's page (tokyo_dcat/standard.html), in a folder
    # of its own: CKAN puts a folder on the template path only once, where the
    # first plugin to add it (the last listed) puts it; were it ../templates,
    # that place would be behind scheming, whose templates ours override.
    def update_config(self, config):
        tk.add_template_directory(config, "../dcat/templates")

    # IBlueprint
    def get_blueprint(self):
        bp = Blueprint("tokyo_dcat", __name__)
        bp.add_url_rule("/standard/<schema_id>", view_func=standard)
        bp.add_url_rule("/catalog/full.<_format>", view_func=endpoint.full_catalog)
        bp.before_app_request(endpoint.cached_catalog_page)
        bp.after_app_request(endpoint.remember)
        return bp

    # IActions
    def get_actions(self):
        # ckanext-dcat's action exists only with its `dcat` plugin.
        if not p.plugin_loaded("dcat"):
            return {}
        return {"dcat_dataset_show": actions.dcat_dataset_show,
                "dcat_catalog_show": actions.dcat_catalog_show}

    # IConfigDeclaration
    def declare_config_options(self, declaration, key):
        group = key.ckanext.tokyo.dcat
        for option in CATALOG_OPTIONS:
            declaration.declare(getattr(group, option), "").set_description(
                "Catalog metadata for the DCAT export (dct:title / dct:description "
                "in Japanese and English); empty: the built-in text.")
        declaration.declare(group.dump_dir, "").set_description(
            "Folder of the full-catalog files (ckan tokyo dcat-dump, /catalog/full.ttl); "
            "empty: <ckan.storage_path>/dcat.")
