"""tokyo_harvest and the two harvesters, on ckanext-harvest.

- ``tokyo_harvest``: who may create harvest sources (sysadmins by default),
  the ``ckanext.tokyo.harvest.*`` options;
- ``tokyo_dcat_harvester``: DCAT feeds (source type ``tokyo_dcat``);
- ``tokyo_ckan_harvester``: CKAN Action APIs with the importer's mapping
  (source type ``tokyo_ckan``).

Enabled beside ckanext-harvest's ``harvest`` plugin; the harvesters are the
classes of ``ckanext.tokyo.harvest.harvesters`` (ckanext-harvest finds a
harvester as a plugin implementing IHarvester).
"""
from __future__ import annotations

import ckan.plugins as p

from ckanext.tokyo.harvest import auth, queue_connection, settings
from ckanext.tokyo.harvest.harvesters import TokyoCKANHarvester, TokyoDCATHarvester

__all__ = ["TokyoHarvestPlugin", "TokyoCKANHarvester", "TokyoDCATHarvester"]


class TokyoHarvestPlugin(p.SingletonPlugin):
    p.implements(p.IAuthFunctions)
    p.implements(p.IConfigDeclaration)
    p.implements(p.IConfigurable)

    # IConfigurable: the gather and fetch consumers wait on Redis for as long as it takes
    def configure(self, config):
        queue_connection.reads_without_timeout()

    # IAuthFunctions
    def get_auth_functions(self):
        return dict(auth.FUNCTIONS)

    # IConfigDeclaration
    def declare_config_options(self, declaration, key):
        settings.declare(declaration, key)
