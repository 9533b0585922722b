"""Keywords (dataset tags): kept as written, searched in a normalised form.

Tokyo's catalog writes keywords the way Japanese is written: bureau names
with ・ (青少年・治安対策本部), brackets, slashes, full-width letters. CKAN's
own tag rule allows only letters, digits, spaces and ``-_.`` (and at least
two characters), so:

* ``written()`` checks a keyword as a person typed it, which the dataset
  keeps (``tags_translated``) and shows: anything but control characters
  and the comma that separates keywords, at most ``MAX_LENGTH`` characters;
* ``search_form()`` is what CKAN's core tags hold, for the tag filter and
  the search index: NFKC (full-width letters and digits become ASCII), every
  other character CKAN refuses becomes a space (青少年・治安対策本部 →
  青少年 治安対策本部), or None when fewer than two characters are left.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Optional

from .i18n import N_

MAX_LENGTH = 100  # CKAN's MAX_TAG_LENGTH
MIN_SEARCH_LENGTH = 2  # CKAN's MIN_TAG_LENGTH
SEPARATORS = ",、，"  # between keywords typed in one field
_OUTSIDE_CKAN = re.compile(r"[^\w \-.]+")
_SPACES = re.compile(r"\s+")


def problem(keyword: str) -> Optional[str]:
    """Why a keyword (as written) cannot be kept, or None. The reason is an
    English gettext msgid."""
    if len(keyword) > MAX_LENGTH:
        return N_("A keyword may have at most 100 characters")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in keyword) \
            or any(ch in SEPARATORS for ch in keyword):
        return N_("A keyword may not contain control characters or commas")
    return None


def written(keyword: str) -> str:
    """The keyword as it is kept and shown: trimmed, spaces collapsed."""
    return _SPACES.sub(" ", keyword).strip()


def search_form(keyword: str) -> Optional[str]:
    """The keyword as CKAN's core tag (search and tag filter), or None."""
    form = _SPACES.sub(" ", _OUTSIDE_CKAN.sub(" ", unicodedata.normalize("NFKC", keyword))).strip()
    return form if len(form) >= MIN_SEARCH_LENGTH else None


def search_forms(keywords: Iterable[str]) -> list[str]:
    """The core tags of a list of keywords, in order, without repeats."""
    return list(dict.fromkeys(form for form in map(search_form, keywords) if form))
