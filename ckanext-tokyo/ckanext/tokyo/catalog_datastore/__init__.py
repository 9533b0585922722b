"""tokyo_datastore in the catalog: validated tables loaded into CKAN's
DataStore, their previews (table and map views) and the Data API help.

    table.py      the file read as typed columns and UTF-8 rows (CKAN-free)
    gate.py       whether a validation result lets a table in
    datastore.py  writing one table into the DataStore, all or nothing
    jobs.py       the load job: queued when a validation run ends
    model.py      the load of each resource (tokyo_resource_datastore)
    views.py      the resource views made for a loaded table
    map.py        the points of the map view (CKAN-free)
"""
