"""The site's name and texts in the page's language.

Configuration, not code: the Japanese name is CKAN's ``ckan.site_title``, the
English one ``ckanext.tokyo.portal.site_title_en``; the home page's
introduction and the about page's first section may be replaced per
language (``…intro_ja``/``_en``, ``…about_ja``/``_en``, Markdown), and the
home page's use cases are the operator's (``…use_cases_ja``/``_en``). Empty
options leave our translated built-in texts (and no use cases section).
"""
from __future__ import annotations

from flask import g

import ckan.plugins.toolkit as tk

from ckanext.tokyo.metadata.helpers import page_lang

PREFIX = "ckanext.tokyo.portal."
OPTIONS = {
    "site_title_en": ("Tokyo Open Data Catalog", "The site's name on English pages (Japanese: ckan.site_title)."),
    "site_description_en": ("", "The site's description on English pages (Japanese: ckan.site_description)."),
    "intro_ja": ("", "Home page introduction in Japanese (Markdown); empty: the built-in text."),
    "intro_en": ("", "Home page introduction in English (Markdown); empty: the built-in text."),
    "about_ja": ("", "The about page's first section in Japanese (Markdown); empty: the built-in text."),
    "about_en": ("", "The about page's first section in English (Markdown); empty: the built-in text."),
    "use_cases_ja": ("", "Home page section on how the data is used, in Japanese (Markdown); empty: none."),
    "use_cases_en": ("", "Home page section on how the data is used, in English (Markdown); empty: none."),
    "popular_sort": ("views_recent desc", "Solr sort of the home page's most-used datasets; when the index "
                     "has no such field, the newest are shown."),
}
# CKAN's own defaults that must never reach a page.
CKAN_LOGO = "/base/images/ckan-logo.png"
CKAN_FAVICON = "/base/images/ckan.ico"
LOGO = "/tokyo/logo.svg"
FAVICON = "/tokyo/favicon.svg"


def declare(declaration, key) -> None:
    group = key.ckanext.tokyo.portal
    for name, (default, description) in OPTIONS.items():
        declaration.declare(getattr(group, name), default).set_description(description)


def option(name: str) -> str:
    return (tk.config.get(PREFIX + name) or "").strip()


def use_our_images(config) -> None:
    """Our logo and favicon unless the operator configured others."""
    if config.get("ckan.site_logo") in (None, "", CKAN_LOGO):
        config["ckan.site_logo"] = LOGO
    if config.get("ckan.favicon") in (None, "", CKAN_FAVICON):
        config["ckan.favicon"] = FAVICON


def localise_globals() -> None:
    """Before each request: the site's name and description in the page's
    language. ``g`` is per request here (CKAN's app-context globals fall
    back to the configured values), so the configuration stays as it is."""
    if page_lang() != "en":
        return
    g.site_title = option("site_title_en") or tk.config.get("ckan.site_title")
    g.site_description = option("site_description_en") or g.site_title


def text(name: str) -> str:
    """An operator's text (``intro``/``about``/``use_cases``) in the page's language, or ""."""
    return option(f"{name}_{'en' if page_lang() == 'en' else 'ja'}")
