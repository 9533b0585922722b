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
CP932_MARKS = re.compile(r"[縺繧繝縲]")
JAPANESE = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff]")
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


def diagnose(value: str, url_like: bool) -> Optional[tuple[str, dict[str, Any]]]:
    if LATIN1_RUN.search(value):
        fixed = repair_latin1(value)
        if fixed is not None:
            return "tokyo/mojibake", {"origin": "latin1", "fixed": fixed}
    marks = len(CP932_MARKS.findall(value))
    if marks:
        fixed = _undo(value, "cp932", ("utf-8",))
        if fixed is not None and fixed != value and JAPANESE.search(fixed):
            return "tokyo/mojibake", {"origin": "cp932", "fixed": fixed}
        if marks >= 3 and marks * 5 >= len(value):
            return "tokyo/mojibake", {"origin": "cp932"}
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
