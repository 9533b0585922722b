#!/bin/bash
# Writes the catalog's settings into the image's ckan.ini at build time, so
# the web service and every worker load the same plugins and options.
# Per-site values (database, Solr, Redis, site URL, secrets) come from the
# environment at run time (CKAN_SQLALCHEMY_URL, CKAN_SOLR_URL, CKAN_REDIS_URL,
# CKAN_SITE_URL and CKAN___* through the envvars plugin).
set -euo pipefail
INI=${CKAN_INI:-/srv/app/ckan.ini}
ckan config-tool "$INI" \
  "ckan.plugins = ${CKAN__PLUGINS:?set in the Dockerfile}" \
  "scheming.dataset_schemas = ckanext.tokyo.schemas:scheming/dataset.yaml ckanext.tokyo.schemas:scheming/inventory.yaml ckanext.tokyo.schemas:scheming/usecase.yaml" \
  "scheming.organization_schemas = ckanext.tokyo.schemas:scheming/organization.yaml" \
  "scheming.presets = ckanext.scheming:presets.json ckanext.tokyo.schemas:scheming/presets.yaml" \
  "scheming.dataset_fallback = false" \
  "licenses_group_url = file:///srv/app/licenses.json" \
  "ckanext.dcat.rdf.profiles = euro_dcat_ap_3 tokyo_dcat_ap tokyo_usecases" \
  "ckanext.dcat.enable_content_negotiation = true" \
  "ckan.datastore.sqlsearch.enabled = true" \
  "ckan.views.default_views = datatables_view tokyo_map_view" \
  "ckanext.tokyo.dcat.dump_dir = /var/lib/ckan/dcat" \
  "ckan.harvest.mq.type = redis" \
  "ckan.harvest.timeout = 120" \
  "ckanext.tokyo.harvest.sources_sysadmin_only = true" \
  "ckan.site_title = 東京都オープンデータカタログ" \
  "ckan.site_description = 東京都と区市町村のオープンデータ" \
  "ckanext.tokyo.portal.site_title_en = Tokyo Open Data Catalog" \
  "ckanext.tokyo.portal.site_description_en = Open data of the Tokyo Metropolitan Government and the municipalities of Tokyo" \
  "ckan.locale_default = ja" \
  "ckan.locales_offered = ja en" \
  "ckan.locale_order = ja en" \
  "ckan.display_timezone = Asia/Tokyo" \
  "ckan.csrf_protection.ignore_extensions = false" \
  "REMEMBER_COOKIE_SAMESITE = Lax" \
  "ckan.auth.create_user_via_web = false" \
  "ckan.auth.user_create_organizations = false" \
  "ckan.auth.user_create_groups = false"
