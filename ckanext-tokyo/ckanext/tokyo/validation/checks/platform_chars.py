"""機種依存文字: characters CP932 can encode only outside JIS X 0208.

The set is computed from the codecs, not listed by hand: every double-byte
CP932 character whose CP932 encoding Shift_JIS (JIS X 0208) cannot decode.
That is NEC row 13 (①, Ⅳ, ㈱, ㍻, …), the NEC-selected and IBM extensions
(髙, 﨑, …) and the user-defined area (外字). Characters such as ～ or ¬ that
CP932 merely maps to other code points stay out: their bytes are JIS X 0208.

Symbols (①, ㈱, ㎡) are errors, fixed by their compatibility form (1, (株),
m2). The extension kanji (髙, 﨑, 濵, 德) are variants people and companies
write their names with: a warning that explains them, never an order to
change a name.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

import attrs

from ..layout import Column
from .base import TextScan, TokyoError


@functools.cache
def platform_dependent_chars() -> frozenset[str]:
    found = set()
    for lead in (*range(0x81, 0xA0), *range(0xE0, 0xFD)):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFD)):
            try:
                char = bytes((lead, trail)).decode("cp932")
            except UnicodeDecodeError:
                continue
            try:
                char.encode("cp932").decode("shift_jis")
            except UnicodeDecodeError:
                found.add(char)
    return frozenset(found)


@functools.cache
def pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(platform_dependent_chars())) + "]")


@functools.cache
def variant_kanji() -> frozenset[str]:
    return frozenset(c for c in platform_dependent_chars() if unicodedata.name(c, "").startswith("CJK"))


def replace_symbols(value: str, chars: str) -> str | None:
    """value with each flagged symbol in its compatibility form; None when one has none."""
    flagged = platform_dependent_chars()
    fixed = value
    for ch in chars:
        plain = unicodedata.normalize("NFKC", ch)
        if plain == ch or any(c in flagged for c in plain):
            return None
        fixed = fixed.replace(ch, plain)
    return fixed


@attrs.define(kw_only=True, repr=False)
class platform_chars(TextScan):
    type = "tokyo-platform-chars"

    @classmethod
    def suspects(cls) -> str:
        return pattern().pattern[1:-1]

    def scan(self, value: str, row_number: int, column: Column) -> Iterable[TokyoError]:
        label = column.label
        found = dict.fromkeys(pattern().findall(value))
        if not found:
            return
        kanji = "".join(c for c in found if c in variant_kanji())
        symbols = "".join(c for c in found if c not in variant_kanji())
        if symbols:
            yield self.finding("tokyo/platform-dependent-char", row_number, label, value=value,
                               chars=symbols, fixed=replace_symbols(value, symbols))
        if kanji:
            yield self.finding("tokyo/variant-kanji", row_number, label, value=value, chars=kanji)
