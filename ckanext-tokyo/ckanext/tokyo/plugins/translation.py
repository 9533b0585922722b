"""The suite's gettext catalog (ckanext-tokyo, i18n/ja and i18n/en), for
every plugin that shows strings of its own."""
from __future__ import annotations

import os

from ckan.lib.plugins import DefaultTranslation

I18N = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")


class TokyoTranslation(DefaultTranslation):
    def i18n_directory(self):
        return I18N

    def i18n_domain(self):
        return "ckanext-tokyo"
