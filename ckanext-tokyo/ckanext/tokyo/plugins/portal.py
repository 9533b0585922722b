"""tokyo_portal: the public face of the catalog.

Thin adapter over ``ckanext.tokyo.portal``: the site's name and texts in
the page's language (configuration), our logo and favicon, the home and
about pages, the header and footer (portal/templates/), and the translations of CKAN strings CKAN's Japanese
catalogue lacks. Works without the other tokyo plugins; shows the data
quality figures when tokyo_validation is enabled.
"""
from flask import Blueprint

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo.plugins import Translation
from ckanext.tokyo.portal import home, site


class TokyoPortalPlugin(p.SingletonPlugin, Translation):
    p.implements(p.IConfigurer)
    p.implements(p.IConfigDeclaration)
    p.implements(p.IBlueprint)
    p.implements(p.ITemplateHelpers)
    p.implements(p.ITranslation)

    # IConfigurer
    def update_config(self, config):
        tk.add_template_directory(config, "../portal/templates")
        tk.add_public_directory(config, "../portal/public")
        tk.add_resource("../portal/assets", "tokyo_portal")
        site.use_our_images(config)

    # IConfigDeclaration
    def declare_config_options(self, declaration, key):
        site.declare(declaration, key)

    # IBlueprint: no pages of its own; the site's name in the page's language
    def get_blueprint(self):
        bp = Blueprint("tokyo_portal", __name__)
        bp.before_app_request(site.localise_globals)
        return bp

    # ITemplateHelpers
    def get_helpers(self):
        return home.helpers()
