"""DCAT-AP 3 for Japan: the `tokyo_dcat_ap` RDF profile (ckanext-dcat).

- ``vocab``: CKAN-free vocabulary IRIs and value <-> IRI mappings
  (licences, file types, media types, themes, standards, checksums).
- ``profile``: the RDF profile class (entry point), chained after
  ``euro_dcat_ap_3``; it hands each call to
- ``graph``: dataset dict / catalog -> RDF graph,
- ``parse``: RDF graph -> dataset dict,
- ``memo``: what has been written to a graph (one per catalog page).
"""
