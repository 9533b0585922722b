"""Data requests (データ公開リクエスト): the workflow's codes and rules.

CKAN-free: the statuses and which may follow which, what an answer must
carry, the limits of the request's text, and the terms a request is matched
and searched with. The labels people read are gettext strings in the
requests adapter (``ckanext.tokyo.requests.labels``); errors here are codes.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# 受付 → 検討中 → 公開済み / 公開予定 / 対応不可
RECEIVED = "received"
CONSIDERING = "considering"
PLANNED = "planned"
PUBLISHED = "published"
REJECTED = "rejected"
STATUSES = (RECEIVED, CONSIDERING, PLANNED, PUBLISHED, REJECTED)

# Which status an organisation may set after which. 公開済み is final; a
# rejected request may be taken up again.
NEXT = {
    RECEIVED: (CONSIDERING, PLANNED, PUBLISHED, REJECTED),
    CONSIDERING: (PLANNED, PUBLISHED, REJECTED),
    PLANNED: (CONSIDERING, PUBLISHED, REJECTED),
    PUBLISHED: (),
    REJECTED: (CONSIDERING, PLANNED),
}

# Who would use the data (利用者の種類).
USER_TYPES = ("business", "civic_tech", "research", "media", "citizen", "government", "other")

# Why a sysadmin hid a request or a comment.
MODERATION_REASONS = ("spam", "personal_data", "offensive", "other")

# Longest text accepted, in characters.
LIMITS = {"title": 200, "description": 5000, "purpose": 2000, "note": 2000, "comment": 2000}
REQUIRED = ("title", "description")

# Sort orders of the request list.
SORTS = ("support", "newest", "updated")


@dataclass(frozen=True)
class Problem:
    """A field and what is wrong with it (a code the adapter words)."""

    field: str
    code: str  # required | too_long | unknown_value | transition | reason_required | dataset_required


def text_problems(values: dict, required: tuple[str, ...] = REQUIRED) -> list[Problem]:
    """Missing required text and text over its limit."""
    problems = []
    for field in required:
        if not (values.get(field) or "").strip():
            problems.append(Problem(field, "required"))
    for field, limit in LIMITS.items():
        if len(values.get(field) or "") > limit:
            problems.append(Problem(field, "too_long"))
    return problems


def unknown_values(field: str, values: list[str], known: tuple[str, ...] | set[str]) -> list[Problem]:
    return [Problem(field, "unknown_value")] if any(v not in known for v in values) else []


def answer_problems(current: str, new: str, note: str, package_id: str | None) -> list[Problem]:
    """An organisation's answer: a status that may follow the current one;
    対応不可 needs its reason, 公開済み the published dataset."""
    if new not in STATUSES:
        return [Problem("status", "unknown_value")]
    problems = []
    if new not in NEXT.get(current, ()):
        problems.append(Problem("status", "transition"))
    if new == REJECTED and not (note or "").strip():
        problems.append(Problem("note", "reason_required"))
    if new == PUBLISHED and not package_id:
        problems.append(Problem("dataset", "dataset_required"))
    if len(note or "") > LIMITS["note"]:
        problems.append(Problem("note", "too_long"))
    return problems


def is_answered(status: str) -> bool:
    return status != RECEIVED


# ------------------------------------------------------------- searching the list

_SPACES = re.compile(r"\s+")


def search_terms(query: str, limit: int = 10) -> list[str]:
    """The words of a search box (full-width spaces too), NFKC-folded,
    without repeats: every one must occur in the request."""
    text = unicodedata.normalize("NFKC", query or "").strip()
    out: list[str] = []
    for term in _SPACES.split(text):
        if term and term not in out:
            out.append(term)
    return out[:limit]


def like_pattern(term: str) -> str:
    """``%term%`` for SQL LIKE, with LIKE's own characters taken literally
    (escape character: backslash)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# ------------------------------------------------------------- matching

# Words of nearly every catalog title: they would match everything.
GENERIC_TERMS = frozenset({
    "一覧", "データ", "情報", "公開", "提供", "オープン", "オープンデータ", "リスト", "ほしい", "欲しい",
    "data", "list", "open", "dataset", "information",
})
MAX_MATCH_TERMS = 20
# How much a shared category or area counts against a matching word: a
# record of the same area or category about the same thing comes first.
SHARED_BOOST = 5

_SOLR_SPECIAL = re.compile(r'([\\+\-&|!(){}\[\]^"~*?:/])')


def match_terms(tokens: list[str]) -> list[str]:
    """The tokens of a request (from the catalog's Japanese analysis) worth
    matching on: no generic catalog words, and no single characters (the
    suffix 所 of 避難所, a stray kana) when longer tokens are there."""
    seen: list[str] = []
    for token in tokens:
        token = token.strip()
        if token and token.lower() not in GENERIC_TERMS and token not in seen:
            seen.append(token)
    longer = [t for t in seen if len(t) > 1]
    return (longer or seen)[:MAX_MATCH_TERMS]


def solr_term(term: str) -> str:
    """A term quoted for the Solr query parser."""
    return '"' + _SOLR_SPECIAL.sub(r"\\\1", term) + '"'


def match_query(terms: list[str], categories: list[str] = (), areas: list[str] = ()) -> str:
    """A Lucene query: at least one term in the record's text (required);
    the title counts most, then the description, then shared categories and
    areas. Empty when there is no term to match on."""
    if not terms:
        return ""
    words = " OR ".join(solr_term(t) for t in terms)
    boosts = [f"title:({words})^4", f"notes:({words})^2", f"text:({words})"]
    boosts += [f"vocab_tokyo_category:{solr_term(c)}^{SHARED_BOOST}" for c in categories]
    boosts += [f"vocab_tokyo_spatial:{solr_term(a)}^{SHARED_BOOST}" for a in areas]
    return f"text:({words}) AND ({' OR '.join(boosts)})"
