"""Text garbled by a wrong encoding, found by the marks each mishap leaves:

- Shift_JIS or UTF-8 bytes read as Latin-1 and saved as UTF-8: runs of
  Latin-1 letters and C1 controls (the bytes C2 91 53 show as Â\\x91S);
- UTF-8 read as Shift_JIS (CP932) and saved: runs of 縺, 繧, 繝, 縲 (the
  CP932 readings of the lead bytes of UTF-8 kana and punctuation);
- U+FFFD, the replacement character a lossy decoder leaves;
- "?" where a conversion to Shift_JIS lost a character (月?土, ５?１３).

The first two are undone when the bytes allow it, and the result offered as
the fix only if it reads as Japanese.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional

import attrs

from ..layout import Column
from .base import TextScan, TokyoError

LATIN1_RUN = re.compile(r"[\x80-\xff]{2}")
# What UTF-8 read as CP932 leaves: 縺繧繝縲 (the readings of the lead bytes of
# kana and punctuation), half-width katakana after kanji (a third byte).
CP932_SIGNS = re.compile(r"[縺繧繝縲]|[\u4e00-\u9fff][\uff66-\uff9f]")
JAPANESE = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff]")
KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]")
ODD = re.compile(r"[\uff61-\uff9f\ufffd]")
# "?" between characters (月?土, ５?１３), or after a number where a counter was
# lost (１?); not the question mark that ends a question (…ませんか?今回は).
LOST = re.compile(r"(?<=[^\x00-\x7fか]|\d)\?(?=[^\x00-\x7f]|\d)|(?<=[0-9０-９])\?(?=$|[\s、，,）)])")


def _undo(value: str, encode: str, decodes: tuple[str, ...]) -> Optional[str]:
    try:
        raw = value.encode(encode)
    except UnicodeEncodeError:
        return None
    for codec in decodes:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def repair_latin1(value: str) -> Optional[str]:
    """The text before it was read as Latin-1 (twice at most), if it is Japanese."""
    current = value
    for _ in range(2):
        undone = _undo(current, "latin-1", ("utf-8", "cp932")) or _undo(current, "cp1252", ("utf-8", "cp932"))
        if undone is None or undone == current:
            break
        current = undone
        if JAPANESE.search(current) and not re.search(r"[\x80-\x9f]", current):
            return current
    return None


def _japanese(text: str) -> int:
    return len(KANA.findall(text)) - len(ODD.findall(text))


def undo_cp932(value: str) -> tuple[bool, Optional[str]]:
    """(garbled, the text before) for UTF-8 read as CP932: the bytes read back
    as UTF-8 give plainer Japanese. Characters the first reading lost stay
    lost (U+FFFD), so the text before is offered only when nothing was."""
    if not CP932_SIGNS.search(value):
        return False, None
    undone = value.encode("cp932", errors="ignore").decode("utf-8", errors="replace")
    lost = undone.count("\ufffd")
    if undone == value or lost * 3 > len(undone) or not JAPANESE.search(undone) \
            or _japanese(undone) <= _japanese(value) + 1:
        return False, None
    return True, (undone if not lost and "\ufffd" not in value else None)


def repair(value: str) -> Optional[str]:
    """The text before it was garbled, when the bytes allow undoing it."""
    if LATIN1_RUN.search(value):
        return repair_latin1(value)
    return undo_cp932(value)[1]


def diagnose(value: str, url_like: bool) -> Optional[tuple[str, dict[str, Any]]]:
    if LATIN1_RUN.search(value):
        fixed = repair_latin1(value)
        if fixed is not None:
            return "tokyo/mojibake", {"origin": "latin1", "fixed": fixed}
    garbled, fixed = undo_cp932(value)
    if garbled:
        return "tokyo/mojibake", {"origin": "cp932", "fixed": fixed}
    if "\ufffd" in value:
        return "tokyo/replacement-char", {}
    if not url_like and LOST.search(value) and "://" not in value:
        return "tokyo/lost-chars", {}
    return None


@attrs.define(kw_only=True, repr=False)
class mojibake(TextScan):
    type = "tokyo-mojibake"

    @classmethod
    def suspects(cls) -> str:
        return "\\x80-\\xff\\ufffd縺繧繝縲"

    def scan(self, value: str, row_number: int, column: Column) -> Iterable[TokyoError]:
        if value and not value.isascii():
            problem = diagnose(value, column.format in ("url", "email"))
            if problem:
                code, params = problem
                yield self.finding(code, row_number, column.label, value=value, **params)
