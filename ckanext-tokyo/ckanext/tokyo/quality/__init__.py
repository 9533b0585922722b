"""Metadata quality (tokyo_quality): a score per dataset by data.europa.eu's
MQA method and the reachability of resource URLs.

- ``mqa``: the indicators and the score (CKAN-free);
- ``model``: the tables (``ckan db upgrade -p tokyo_quality``);
- ``links``: resource URLs checked through the guarded client;
- ``store``: scores computed and stored (on save, on a schedule), summaries
  per organisation, broken links;
- ``templates/tokyo_quality``: the score on the dataset page, the summary on
  /tokyo/quality. The DCAT export publishes the score as DQV measurements
  (dcat/graph.py).
"""
