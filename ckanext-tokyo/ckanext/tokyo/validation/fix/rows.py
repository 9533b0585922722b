"""Title, note and blank rows leave the table (their text goes to the sidecar
notes file): the note_rows and row_shape checks' findings. The rule that
tells a note row is the check's own."""
from __future__ import annotations

from ..checks.note_rows import note as note_of

CODES = frozenset({"tokyo/title-row", "tokyo/note-row", "tokyo/blank-row", "tokyo/trailing-blank-rows"})

__all__ = ["CODES", "note_of"]
