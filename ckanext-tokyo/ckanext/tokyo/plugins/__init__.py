"""The three CKAN plugins: thin adapters over the CKAN-free core."""
