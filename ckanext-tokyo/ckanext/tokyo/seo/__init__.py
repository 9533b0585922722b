"""tokyo_seo's CKAN adapters: schema.org JSON-LD on dataset pages
(``structured_data``, built from the dataset dict), ``/sitemap.xml`` and
``/robots.txt`` (``pages``). docs/findable.md."""
