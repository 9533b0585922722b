"""ckanext-tokyo: CKAN plugins for the Tokyo Metropolitan Government catalog."""
