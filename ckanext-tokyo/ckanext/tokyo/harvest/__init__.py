"""Harvesting Tokyo's municipal catalogs with ckanext-harvest.

- ``safe_rdf``: bounded, refusing RDF parsing (CKAN-free);
- ``settings``: the ``ckanext.tokyo.harvest.*`` options;
- ``fetching``: feeds and APIs read through the guarded HTTP client;
- ``harvesters``: ``tokyo_dcat`` (DCAT feeds, our profile) and ``tokyo_ckan``
  (CKAN Action APIs, the importer's mapping), both with deletion sync;
- ``sources``: the municipal catalog list (schemas/harvest_sources.csv) as
  harvest sources;
- ``auth``: who may create and change harvest sources.
"""
