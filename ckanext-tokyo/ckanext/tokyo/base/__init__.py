"""The ground floor: CKAN-free building blocks every plugin stands on.

    data_requests.py   the data-request workflow: statuses, answers, terms to search and match
    inventory.py       the data inventory: its code lists and reading a spreadsheet of records
"""
