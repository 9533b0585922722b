"""Controlled vocabularies: 有/無 columns, and weekdays as ordered kanji (月火水木金).

Weekdays may start on Sunday (日月火水木金土) and end with 祝 (holidays): the
standard's wording is 「月火水木金土日祝」の文字で記載.
"""
from __future__ import annotations

import re
import unicodedata

import attrs

from ..layout import Column
from .base import CellCheck, Problem

YES = {"あり", "有り", "○", "〇", "◯", "はい", "1", "true", "yes", "y", "可"}
NO = {"なし", "無し", "×", "いいえ", "0", "false", "no", "n", "不可"}
WEEK = "月火水木金土日"
ORDERS = ("月火水木金土日祝", "日月火水木金土祝")
DAY = r"([月火水木金土日])(?:曜日?)?"
DAY_LIST = re.compile(rf"^{DAY}(?:[、,・/\s]*{DAY})*$")
DAY_RANGE = re.compile(rf"^{DAY}\s*[～〜~\-ー－から]+\s*{DAY}$")


def _weekdays_fix(value: str) -> str | None:
    span = DAY_RANGE.match(value)
    if span:
        start, end = WEEK.index(span.group(1)), WEEK.index(span.group(2))
        return WEEK[start:end + 1] if start < end else None
    if DAY_LIST.match(value):
        return "".join(d for d in WEEK if d in value)
    return None


@attrs.define(kw_only=True, repr=False)
class vocabulary(CellCheck):
    type = "tokyo-vocabulary"
    formats = frozenset({"yes-no", "weekdays"})
    skip_zenkaku = False  # 有/無 and kanji weekdays are full-width by nature

    def check(self, value: str, column: Column) -> Problem:
        if column.format == "yes-no":
            if value in ("有", "無"):
                return None
            key = unicodedata.normalize("NFKC", value).strip().lower()
            fixed = "有" if key in YES else "無" if key in NO else None
            return "tokyo/yes-no", {"fixed": fixed}
        if any(list(value) == sorted(set(value), key=order.index)
               for order in ORDERS if all(d in order for d in value)):
            return None
        return "tokyo/weekdays", {"fixed": _weekdays_fix(value.strip())}
