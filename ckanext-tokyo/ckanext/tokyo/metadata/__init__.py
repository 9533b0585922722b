"""tokyo_schema's CKAN adapters: validators, helpers, search (facets, index).

The rules themselves live in the CKAN-free modules ``ckanext.tokyo.codelists``
and ``ckanext.tokyo.identifiers``; see docs/metadata-fields.md.
"""
