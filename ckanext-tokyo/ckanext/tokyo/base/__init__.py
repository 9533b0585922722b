"""The ground floor: CKAN-free building blocks every plugin stands on.

    identifiers.py     check digits, Tokyo's local governments, base-registry URIs
    codelists.py       categories, EU data themes, 更新頻度, languages, access rights, encodings
    formats.py         the one format table: alias -> code, EU file type, media type, validatable?
    standards.py       the standard-dataset Table Schemas: loading, lookup, detection from a header
    values.py          the one parser of list values (a list, a JSON list or separated text)
    data_files.py      reading the data under schemas/ (shipped as ckanext.tokyo.schemas)
    data_requests.py   the data-request workflow: statuses, answers, terms to search and match
    inventory.py       the data inventory: its code lists and reading a spreadsheet of records

Nothing here imports CKAN or any other part of ckanext.tokyo (an import
contract in pyproject.toml keeps it so); see docs/architecture.md.
"""
