"""tokyo_dcat: the Japanese DCAT-AP 3 profile on ckanext-dcat."""
import ckan.plugins as p


class TokyoDcatPlugin(p.SingletonPlugin):
    pass
