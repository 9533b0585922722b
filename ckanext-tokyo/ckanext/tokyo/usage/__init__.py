"""tokyo_usage's CKAN adapters: page views and downloads as CKAN's
``tracking`` plugin counts them, shown per dataset and per day for the
organisations and categories (``stats``), the operator page (``views``),
and the daily update that also forgets the visitors' keys (``cli``).
docs/usage.md says what is stored and for how long."""
