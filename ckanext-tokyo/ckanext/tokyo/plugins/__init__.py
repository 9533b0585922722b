"""The CKAN plugins: thin adapters over the CKAN-free core."""
import os

from ckan.lib.plugins import DefaultTranslation

I18N = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")


class Translation(DefaultTranslation):
    """ITranslation of every tokyo plugin: the package's one catalogue
    (``i18n/``, domain ``ckanext-tokyo``), so each plugin's strings are
    translated whichever of them are enabled; CKAN merges it after its own."""

    def i18n_directory(self):
        return I18N

    def i18n_domain(self):
        return "ckanext-tokyo"
