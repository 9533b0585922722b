"""tokyo_schema: Tokyo metadata on ckanext-scheming."""
import ckan.plugins as p

from ckanext.tokyo import cli


class TokyoSchemaPlugin(p.SingletonPlugin):
    p.implements(p.IClick)

    def get_commands(self):
        return [cli.tokyo]
