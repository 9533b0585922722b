"""DCAT-AP 3 for Japan: the `tokyo_dcat_ap` RDF profile (ckanext-dcat).

- ``vocab``: CKAN-free vocabulary IRIs and value <-> IRI mappings
  (licences, file types, media types, themes, standards, checksums).
- ``profile``: the mapping dataset dict <-> RDF graph, chained after
  ``euro_dcat_ap_3``.
"""
