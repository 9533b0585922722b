"""tokyo_seo: the catalog findable by search engines.

Thin adapter: schema.org Dataset JSON-LD on dataset pages (the helper
``tokyo_dataset_jsonld``, used by templates/package/read_base.html),
/sitemap.xml and /robots.txt with it (ckanext.tokyo.seo). Works beside any
other plugin; the JSON-LD is richest with tokyo_schema's fields.
"""
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo.seo import pages


class TokyoSeoPlugin(p.SingletonPlugin):
    p.implements(p.IConfigurer)
    p.implements(p.IBlueprint)
    p.implements(p.ITemplateHelpers)

    # IConfigurer: the package's template folder (shared with the other plugins)
    def update_config(self, config):
        tk.add_template_directory(config, "../templates")

    # IBlueprint
    def get_blueprint(self):
        return pages.blueprint()

    # ITemplateHelpers
    def get_helpers(self):
        return {"tokyo_dataset_jsonld": pages.dataset_jsonld}
