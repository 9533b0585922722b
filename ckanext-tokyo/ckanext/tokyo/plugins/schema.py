"""tokyo_schema: Tokyo metadata on ckanext-scheming."""
import ckan.plugins as p
import ckan.plugins.toolkit as tk


class TokyoSchemaPlugin(p.SingletonPlugin):
    p.implements(p.IConfigurer)

    def update_config(self, config):
        tk.add_template_directory(config, "../templates")
