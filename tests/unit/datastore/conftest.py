"""The validator tests' file writer, for the loader's tests too."""
from tests.unit.validation.conftest import write  # noqa: F401  (fixture)
