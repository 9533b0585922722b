"""The data inventory (保有データ目録): the CKAN side of tokyo_inventory (docs/data-requests.md)."""

TYPE = "inventory"
