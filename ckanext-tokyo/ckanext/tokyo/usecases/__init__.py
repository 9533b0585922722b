"""Use cases (活用事例): the CKAN side of tokyo_usecases (docs/use-cases.md)."""

TYPE = "usecase"
# The Solr field holding the ids of the datasets a use case uses.
INDEX_FIELD = "vocab_tokyo_usecase_datasets"
