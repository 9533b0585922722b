"""Marking msgids for extraction without translating them.

Module-level tables of labels (statuses, severities, field names) are
written as ``N_("English msgid")``: ``pybabel extract -k N_`` (babel.cfg)
puts them in the catalogue, and the CKAN adapters translate them with
``toolkit._`` when a page or an error shows them. No CKAN import.
"""


def N_(msgid: str) -> str:
    return msgid
