"""tokyo_schema's CKAN adapters: validators, helpers, search (facets, index).

The rules themselves live in the CKAN-free ground floor ``ckanext.tokyo.base``
(code lists, identifiers, formats, standards); see docs/metadata-fields.md.
"""
