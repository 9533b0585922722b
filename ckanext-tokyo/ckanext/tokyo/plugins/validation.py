"""tokyo_validation: resources checked against the standard data formats."""
import ckan.plugins as p


class TokyoValidationPlugin(p.SingletonPlugin):
    pass
